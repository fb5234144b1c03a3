import type { Metadata } from "next";
import { mutedClass } from "@/components/ui/styles";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { listCheckIns } from "@/lib/data/check-ins";
import { getTrackerSettings } from "@/lib/data/tracker-settings";
import {
  addDays,
  EARLIEST_DAY,
  formatDayLong,
  isCalendarDay,
  todayIn,
} from "@/lib/tracker/calendar-day";
import { CONTACT_LABELS, moodWord } from "@/lib/tracker/scales";

export const metadata: Metadata = { title: "Your check-ins", robots: { index: false } };

const PAGE_DAYS = 30;

export default async function HistoryPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const { timeZone } = await getTrackerSettings({ userId: user.id });
  const today = todayIn(timeZone);
  const requested = (await searchParams).until;
  const until =
    typeof requested === "string" &&
    isCalendarDay(requested) &&
    requested <= today &&
    requested >= EARLIEST_DAY
      ? requested
      : today;
  const from = addDays(until, -(PAGE_DAYS - 1));
  const checkIns = new Map(
    (await listCheckIns({ userId: user.id, from, to: until })).map((c) => [c.day, c]),
  );
  const days = Array.from({ length: PAGE_DAYS }, (_, i) => addDays(until, -i)).filter(
    (d) => d >= EARLIEST_DAY,
  );
  const newer = until < today ? addDays(until, PAGE_DAYS) : null;

  return (
    <div>
      <h1 className="text-3xl font-bold">Your check-ins</h1>
      <p className={`mt-2 ${mutedClass}`}>
        {formatDayLong(from)} to {formatDayLong(until)}. Missed days can be filled in any time.
      </p>
      <ul className="mt-6 divide-y divide-neutral-200 dark:divide-neutral-800">
        {days.map((day) => {
          const checkIn = checkIns.get(day);
          return (
            <li key={day} className="flex flex-wrap items-baseline justify-between gap-2 py-3">
              <div>
                <p className="font-medium">
                  {day === today ? `Today, ${formatDayLong(day)}` : formatDayLong(day)}
                </p>
                {checkIn ? (
                  <p className={mutedClass}>
                    {moodWord(checkIn.mood)} · missing them {checkIn.missing} of 10 ·{" "}
                    {CONTACT_LABELS[checkIn.contact]}
                    {checkIn.note ? " · has a note" : ""}
                  </p>
                ) : (
                  <p className={mutedClass}>No check-in</p>
                )}
              </div>
              <Link
                href={day === today ? "/progress/check-in" : `/progress/check-in?day=${day}`}
                className="text-sm underline underline-offset-4"
              >
                {checkIn ? "Change" : "Fill in"}
                <span className="sr-only"> {formatDayLong(day)}</span>
              </Link>
            </li>
          );
        })}
      </ul>
      <nav aria-label="Earlier and later check-ins" className="mt-6 flex justify-between">
        {from > EARLIEST_DAY ? (
          <Link
            href={`/progress/history?until=${addDays(from, -1)}`}
            className="underline underline-offset-4"
          >
            Earlier days
          </Link>
        ) : (
          <span />
        )}
        {newer && (
          <Link
            href={newer >= today ? "/progress/history" : `/progress/history?until=${newer}`}
            className="underline underline-offset-4"
          >
            Later days
          </Link>
        )}
      </nav>
    </div>
  );
}
