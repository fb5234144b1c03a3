import Link from "next/link";
import { AccountLink } from "@/components/account-link";
import { QuickExit } from "@/components/quick-exit";

export function SiteHeader() {
  return (
    <header className="sticky top-0 z-40 border-b border-neutral-200 bg-white dark:border-neutral-800 dark:bg-neutral-950 print:static">
      <div className="mx-auto flex max-w-5xl items-center justify-between gap-4 px-4 py-3">
        <Link
          href="/"
          className="text-lg font-semibold tracking-tight text-brand-700 dark:text-brand-100"
        >
          Heartwork
        </Link>
        <div className="flex items-center gap-3">
          <AccountLink />
          <QuickExit />
        </div>
      </div>
    </header>
  );
}
