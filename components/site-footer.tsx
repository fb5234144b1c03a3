import { HotlineLink } from "@/components/hotline-link";
import { HOTLINE } from "@/lib/safety";

export function SiteFooter() {
  return (
    <footer className="border-t border-neutral-200 text-sm text-neutral-600 dark:border-neutral-800 dark:text-neutral-400">
      <div className="mx-auto max-w-5xl px-4 py-6">
        <p>
          In danger or afraid of your partner? Call the {HOTLINE.name} at{" "}
          <HotlineLink className="underline" />.
        </p>
        <p className="mt-2 print:hidden">
          Quick exit, or Escape pressed twice, leaves this site at once and replaces this page in
          your history. It cannot erase pages visited before; a private window keeps no history.
        </p>
        <p className="mt-2">
          Heartwork uses no trackers, no ad pixels and no third-party analytics.
        </p>
      </div>
    </footer>
  );
}
