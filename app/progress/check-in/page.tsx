import type { Metadata } from "next";
import { cardClass } from "@/components/ui/styles";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { getCheckIn } from "@/lib/data/check-ins";
import { getTrackerSettings } from "@/lib/data/tracker-settings";
import { EARLIEST_DAY, formatDayLong, isCalendarDay, todayIn } from "@/lib/tracker/calendar-day";
import { CheckInForm } from "@/app/progress/_components/check-in-form";

export const metadata: Metadata = { title: "Check in", robots: { index: false } };

export default async function CheckInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const { timeZone } = await getTrackerSettings({ userId: user.id });
  const today = todayIn(timeZone);
  const requested = (await searchParams).day;
  const asked = typeof requested === "string" ? requested : today;
  const valid = isCalendarDay(asked) && asked >= EARLIEST_DAY && asked <= today;
  const day = valid ? asked : today;
  const existing = await getCheckIn({ userId: user.id, day });
  const isToday = day === today;

  return (
    <div>
      <h1 className="text-3xl font-bold">
        {isToday ? "Today's check-in" : `Check-in for ${formatDayLong(day)}`}
      </h1>
      {!valid && (
        <p role="status" className={cardClass}>
          {isCalendarDay(asked) && asked > today
            ? "That day has not come yet, so here is today instead."
            : "That date could not be used, so here is today instead."}
        </p>
      )}
      <p className="mt-2">
        {existing
          ? "You already checked in for this day. You can change anything below."
          : isToday
            ? "A minute for yourself: how is today going?"
            : "Filling in a missed day is welcome. Answer as well as you remember."}
      </p>
      <CheckInForm
        day={day}
        dayLabel={isToday ? "today" : formatDayLong(day)}
        defaults={existing}
      />
      <p className="mt-6">
        <Link href="/progress" className="underline underline-offset-4">
          Back to your overview
        </Link>
      </p>
    </div>
  );
}
