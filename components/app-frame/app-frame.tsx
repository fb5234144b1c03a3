import type { ReactNode } from "react";
import { getCurrentUser } from "@/lib/auth/session";
import { NavLinks, type NavLink } from "@/components/app-frame/nav-links";

// The frame of every page a signed-in person uses day to day: the tracker, the
// account and counseling. The session read is the page's own (React cache),
// so the frame adds no query. Guests get the page as it was: the public header.

const APP_LINKS: readonly NavLink[] = [
  { href: "/progress", label: "Today" },
  { href: "/progress/check-in", label: "Check in" },
  {
    href: "/progress/steps",
    label: "Steps",
    section: ["/progress/memories", "/progress/goals", "/progress/people"],
  },
  { href: "/counseling", label: "Counseling", section: ["/counseling/"] },
  { href: "/account", label: "Me" },
];

/**
 * The menu's look, set once here (every page sends it twice: HTML and the
 * React payload). On phones it is a tab bar fixed to the bottom of the screen
 * (globals.css keeps the page's end clear of it); from `sm` on, a row under
 * the header. The current page is bold and underlined, never colour alone.
 */
const menuClass =
  "fixed inset-x-0 bottom-0 z-30 border-t border-neutral-200 bg-white pb-[env(safe-area-inset-bottom)] sm:static sm:border-0 sm:bg-transparent sm:pb-0 dark:border-neutral-800 dark:bg-neutral-950 sm:dark:bg-transparent print:hidden";
const listClass =
  "mx-auto grid max-w-3xl grid-cols-5 text-center text-xs tracking-tight whitespace-nowrap [overflow-wrap:normal] min-[360px]:text-sm sm:flex sm:tracking-normal sm:gap-1 sm:px-3 sm:text-left [&_a]:flex [&_a]:min-h-12 [&_a]:items-center [&_a]:justify-center [&_a]:rounded-md [&_a]:px-0 [&_a]:underline-offset-4 sm:[&_a]:min-h-10 sm:[&_a]:px-3 [&_a:hover]:bg-neutral-100 dark:[&_a:hover]:bg-neutral-900 [&_a[aria-current]]:font-semibold [&_a[aria-current]]:text-brand-700 [&_a[aria-current]]:underline [&_a[aria-current]]:decoration-2 dark:[&_a[aria-current]]:text-brand-100";

export async function AppFrame({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  if (!user) return children;
  return (
    <div data-app-frame="">
      <div className="border-b border-neutral-200 sm:bg-neutral-50 dark:border-neutral-800 sm:dark:bg-neutral-900">
        <div className="mx-auto flex max-w-3xl items-center justify-between gap-2 px-4 py-1 sm:px-1">
          <nav aria-label="Main menu" className={menuClass}>
            <NavLinks links={APP_LINKS} className={listClass} />
          </nav>
          <p className="ml-auto flex items-center gap-2 py-1 text-sm text-neutral-700 dark:text-neutral-300">
            <span
              aria-hidden="true"
              className="size-2 rounded-full bg-green-700 dark:bg-green-400"
            />
            Signed in
          </p>
        </div>
      </div>
      {children}
    </div>
  );
}
