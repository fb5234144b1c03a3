import { HotlineLink } from "@/components/hotline-link";

/** Placed with `::hotline` wherever an article mentions abuse. */
export function HotlineCallout() {
  return (
    <div className="not-prose my-8 rounded-lg border-l-4 border-brand-700 bg-brand-50 px-5 py-4 text-neutral-900 dark:border-brand-100 dark:bg-neutral-900 dark:text-neutral-100 print:border print:bg-white print:text-black">
      <p className="font-semibold">
        If you are afraid of your partner, you do not have to face it alone.
      </p>
      <p className="mt-2">
        Call the National Domestic Violence Hotline at{" "}
        <HotlineLink className="font-semibold underline underline-offset-4" />, free and
        confidential, any time of day or night.
      </p>
      <p className="mt-2 text-sm print:hidden">
        Need to leave quickly? Use Quick exit at the top of every page, or press Escape twice.
      </p>
    </div>
  );
}
