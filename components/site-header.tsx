import { AccountLink } from "@/components/account-link";
import { QuickExit } from "@/components/quick-exit";

// Plain links, not next/link: the header (like not-found.tsx) ships with every
// page, and next/link would add its client code (about 3 KB gzip) and
// background prefetches to the article, whose only script of ours is the quick exit.
export function SiteHeader() {
  return (
    <header className="sticky top-0 z-40 border-b border-neutral-200 bg-white dark:border-neutral-800 dark:bg-neutral-950 print:static">
      <div className="mx-auto flex max-w-5xl items-center justify-between gap-2 px-4 py-3 whitespace-nowrap [overflow-wrap:normal] sm:gap-4">
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- see above */}
        <a
          href="/"
          className="text-lg font-semibold tracking-tight text-brand-700 dark:text-brand-100"
        >
          Heartwork
        </a>
        {/* Quick exit first: the first stop after the logo for a keyboard. */}
        <div className="flex items-center gap-2 sm:gap-3">
          <QuickExit />
          <AccountLink />
        </div>
      </div>
    </header>
  );
}
