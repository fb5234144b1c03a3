import { formatDayLong } from "@/lib/tracker/calendar-day";
import { type NoContactCounter } from "@/lib/tracker/no-contact";
import { pluralize } from "@/lib/tracker/steps";

/** The counter in words. A slip is information, never a failure. */
export function NoContactSummary({ counter }: { counter: NoContactCounter }) {
  const pauses =
    counter.pausesWithoutContact > 0 ? (
      <p className="mt-3">
        You paused {pluralize(counter.pausesWithoutContact, "time")} instead of texting them. Each
        one counts.
      </p>
    ) : null;
  if (!counter.started) {
    return (
      <>
        <p className="mt-3">
          Your contact-free days will be counted from your first check-in. Every day counts, and a
          slip never wipes out the days before it.
        </p>
        {pauses}
      </>
    );
  }
  return (
    <>
      <dl className="mt-4 grid grid-cols-3 gap-2 sm:gap-3">
        <div className="rounded-lg border border-neutral-200 p-3 dark:border-neutral-800">
          <dt className="text-sm">Contact-free right now</dt>
          <dd className="mt-1 text-lg font-semibold sm:text-2xl">
            {pluralize(counter.currentRun, "day")}
          </dd>
        </div>
        <div className="rounded-lg border border-neutral-200 p-3 dark:border-neutral-800">
          <dt className="text-sm">Your longest stretch</dt>
          <dd className="mt-1 text-lg font-semibold sm:text-2xl">
            {pluralize(counter.longestRun, "day")}
          </dd>
        </div>
        <div className="rounded-lg border border-neutral-200 p-3 dark:border-neutral-800">
          <dt className="text-sm">
            Contact-free in the last{" "}
            {counter.windowDays === 30 ? "30 days" : pluralize(counter.windowDays, "day")}
          </dt>
          <dd className="mt-1 text-lg font-semibold sm:text-2xl">
            {counter.contactFreeInWindow} of {counter.windowDays}
          </dd>
        </div>
      </dl>
      {counter.currentRun === 0 && counter.lastContactDay ? (
        <p className="mt-3">
          There was contact today. That happens; breaking a habit takes more than one try. Your{" "}
          {pluralize(counter.longestRun, "day")} stretch and your other contact-free days still
          count.
        </p>
      ) : counter.lastContactDay ? (
        <p className="mt-3">
          The last contact was on {formatDayLong(counter.lastContactDay)}. It did not erase the days
          before it.
        </p>
      ) : null}
      {pauses}
    </>
  );
}
