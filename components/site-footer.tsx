export function SiteFooter() {
  return (
    <footer className="border-t border-neutral-200 text-sm text-neutral-600 dark:border-neutral-800 dark:text-neutral-400">
      <div className="mx-auto max-w-5xl px-4 py-6">
        <p>
          In danger or afraid of your partner? Call the National Domestic Violence Hotline at{" "}
          <a className="underline" href="tel:+18007997233">
            1-800-799-SAFE (1-800-799-7233)
          </a>
          .
        </p>
        <p className="mt-2">
          Heartwork uses no trackers, no ad pixels and no third-party analytics.
        </p>
      </div>
    </footer>
  );
}
