import { formatDayLong } from "@/lib/tracker/calendar-day";
import { describeDaysUntil, type Upcoming } from "@/lib/tracker/hard-dates";

type HardDate = { id: string; label: string; plan: string | null; month: number; day: number };

/** Dates within two weeks: a calm heads-up and a plan, not an alarm. */
export function HardDateNotices({ dates }: { dates: Upcoming<HardDate>[] }) {
  const soon = dates.filter((d) => d.soon);
  if (soon.length === 0) return null;
  return (
    <div className="mt-6 space-y-3">
      {soon.map((date) => (
        <aside
          key={date.id}
          aria-label={`Coming up: ${date.label}`}
          className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50"
        >
          <p className="font-semibold">
            {date.label} is {describeDaysUntil(date.daysUntil)} ({formatDayLong(date.occursOn)}).
          </p>
          <p className="mt-1">
            Days like this can bring it all back, and that is normal. A plan helps: reach out to
            friends and spend the day together. They will appreciate the company as well.
          </p>
          {date.plan && (
            <p className="mt-1">
              <span className="font-medium">Your plan:</span> {date.plan}
            </p>
          )}
        </aside>
      ))}
    </div>
  );
}
