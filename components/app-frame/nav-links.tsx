"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export type NavLink = {
  href: string;
  label: string;
  /** Other paths this link stands for (the Steps tab is current on the memory log too). */
  section?: readonly string[];
};

/**
 * Links that say which one is the page you are on: aria-current="page" on an
 * exact match, "true" when the page belongs to the link's section. A client
 * component only for the path: layouts do not re-render on navigation.
 */
export function NavLinks({ links, className }: { links: readonly NavLink[]; className: string }) {
  const path = usePathname();
  return (
    <ul className={className}>
      {links.map((link) => {
        const current =
          path === link.href
            ? ("page" as const)
            : link.section?.some((prefix) => path.startsWith(prefix))
              ? ("true" as const)
              : undefined;
        return (
          <li key={link.href}>
            <Link href={link.href} aria-current={current}>
              {link.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
