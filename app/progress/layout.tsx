import type { ReactNode } from "react";
import Link from "next/link";

// Navigation only. Every page below checks the signed-in user itself: a
// layout is not an access check (it does not re-run on every navigation).

const LINKS = [
  { href: "/progress", label: "Overview" },
  { href: "/progress/history", label: "Check-ins" },
  { href: "/progress/no-contact", label: "No contact" },
  { href: "/progress/memories", label: "Memories" },
  { href: "/progress/goals", label: "Goals" },
  { href: "/progress/people", label: "Friends & family" },
  { href: "/progress/hard-dates", label: "Hard dates" },
  { href: "/progress/settings", label: "Settings" },
  { href: "/progress/export", label: "Export" },
];

export default function ProgressLayout({ children }: { children: ReactNode }) {
  return (
    <div className="mx-auto max-w-3xl px-4 py-8">
      <nav aria-label="Your tracker" className="-mx-1 overflow-x-auto pb-2">
        {/* The links' look is set once here: every tracker page sends this
            nav twice (HTML and the React payload), nine links each time. */}
        <ul className="flex gap-1 whitespace-nowrap text-sm [&_a]:inline-block [&_a]:rounded-md [&_a]:px-2 [&_a]:py-1 [&_a]:underline-offset-4 [&_a:hover]:bg-neutral-100 [&_a:hover]:underline dark:[&_a:hover]:bg-neutral-900">
          {LINKS.map((link) => (
            <li key={link.href}>
              <Link href={link.href}>{link.label}</Link>
            </li>
          ))}
        </ul>
      </nav>
      {children}
    </div>
  );
}
