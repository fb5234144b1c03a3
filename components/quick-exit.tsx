import { QUICK_EXIT_SCRIPT, QUICK_EXIT_URL } from "@/lib/security/quick-exit-script";

/**
 * The visible quick-exit control: a plain link (the no-script baseline) that
 * the inline script in <QuickExitScript /> turns into a history-replacing exit.
 */
export function QuickExit() {
  return (
    <a
      href={QUICK_EXIT_URL}
      data-quick-exit=""
      rel="noreferrer"
      className="inline-flex min-h-10 items-center rounded-full bg-neutral-900 px-3 text-sm sm:px-4 font-semibold text-white hover:bg-neutral-700 dark:bg-white dark:text-neutral-900 dark:hover:bg-neutral-200 print:hidden"
    >
      Quick exit<span className="sr-only">: leave this site now (or press Escape twice)</span>
    </a>
  );
}

/**
 * The inline enhancement. Its SHA-256 is in every page's Content-Security-Policy
 * (lib/security/headers.ts), so it runs on prerendered pages and on dynamic
 * pages alike without a nonce, and without calling headers() in the root layout
 * (which would make every page dynamic).
 *
 * An async module, not a classic script: a classic inline script waits for
 * every stylesheet above it and holds the HTML parser meanwhile, so nothing
 * below the header was parsed (and the framework's async scripts ran first)
 * until the CSS arrived. An inline `type="module" async` script neither blocks
 * the parser nor waits for stylesheets: it runs as soon as it is parsed, still
 * long before the bundles and without them. A browser without modules keeps
 * the plain link.
 */
export function QuickExitScript() {
  return <script type="module" async dangerouslySetInnerHTML={{ __html: QUICK_EXIT_SCRIPT }} />;
}
