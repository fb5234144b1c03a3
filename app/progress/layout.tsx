import type { ReactNode } from "react";
import { AppFrame } from "@/components/app-frame/app-frame";
import { NavLinks, type NavLink } from "@/components/app-frame/nav-links";

// Navigation only. Every page below checks the signed-in user itself: a
// layout is not an access check (it does not re-run on every navigation).

const LINKS: readonly NavLink[] = [
  { href: "/progress/history", label: "History" },
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
    <AppFrame>
      <div className="mx-auto max-w-3xl px-4 py-6">
        <nav aria-label="Your tracker" className="-mx-1 pb-2">
          {/* Wraps instead of scrolling: every link stays in sight on a phone
              and at any width. The links' look is set once here: every tracker
              page sends this nav twice (HTML and the React payload). */}
          <NavLinks
            links={LINKS}
            className="flex flex-wrap gap-1 text-sm [&_a]:inline-block [&_a]:rounded-md [&_a]:px-2 [&_a]:py-1 [&_a]:underline-offset-4 [&_a:hover]:bg-neutral-100 [&_a:hover]:underline dark:[&_a:hover]:bg-neutral-900 [&_a[aria-current]]:bg-neutral-100 [&_a[aria-current]]:font-semibold dark:[&_a[aria-current]]:bg-neutral-900"
          />
        </nav>
        {children}
      </div>
    </AppFrame>
  );
}
