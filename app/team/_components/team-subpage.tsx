import Link from "next/link";
import type { ReactNode } from "react";
import { headingClass, linkClass } from "@/components/ui/styles";

/** A page under /team: the inbox's width, the way back to the inbox, then the page's heading. */
export function TeamSubpage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="mx-auto max-w-3xl px-4 py-12">
      <p>
        <Link href="/team" className={linkClass}>
          Back to the inbox
        </Link>
      </p>
      <h1 className={`mt-4 ${headingClass}`}>{title}</h1>
      {children}
    </div>
  );
}
