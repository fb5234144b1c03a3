import Link from "next/link";
import { AccountLink } from "@/components/account-link";

export function SiteHeader() {
  return (
    <header className="border-b border-neutral-200 dark:border-neutral-800">
      <div className="mx-auto flex max-w-5xl items-center justify-between gap-4 px-4 py-3">
        <Link
          href="/"
          className="text-lg font-semibold tracking-tight text-brand-700 dark:text-brand-100"
        >
          Heartwork
        </Link>
        <AccountLink />
      </div>
    </header>
  );
}
