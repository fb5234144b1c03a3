import type { Metadata } from "next";
import Link from "next/link";
import { randomUUID } from "node:crypto";
import { requireUser } from "@/lib/auth/session";
import { removeHardDate } from "@/lib/actions/hard-dates";
import { listHardDates } from "@/lib/data/hard-dates";
import { getTrackerSettings } from "@/lib/data/tracker-settings";
import { formatDayLong, todayIn } from "@/lib/tracker/calendar-day";
import { describeDaysUntil, upcomingHardDates } from "@/lib/tracker/hard-dates";
import { HardDateForm } from "@/app/progress/_components/hard-date-form";
import { HardDateNotices } from "@/app/progress/_components/hard-date-notices";
import { RowActionButton } from "@/app/progress/_components/row-action-button";
import { linkClass, mutedClass } from "@/components/ui/styles";
import { Section } from "@/app/progress/_components/section";
import { ValentinesOffer } from "@/app/progress/_components/valentines-offer";

export const metadata: Metadata = { title: "Hard dates", robots: { index: false } };

export default async function HardDatesPage() {
  const user = await requireUser();
  const [settings, dates] = await Promise.all([
    getTrackerSettings({ userId: user.id }),
    listHardDates({ userId: user.id }),
  ]);
  const upcoming = upcomingHardDates(dates, todayIn(settings.timeZone));

  return (
    <div>
      <h1 className="text-3xl font-bold">Hard dates</h1>
      <p className="mt-2">
        Birthdays and other days you would have spent together can make you miss them more. Add them
        here: two weeks before each one, your overview will remind you and suggest a plan. A
        February 29 date is remembered on February 28 in other years. You can also get{" "}
        <Link className={linkClass} href="/progress/reminders">
          a heads-up by email
        </Link>
        , the number of days before that suits you.
      </p>
      <HardDateNotices dates={upcoming} />

      <Section id="dates" title="Your dates">
        {upcoming.length === 0 ? (
          <p className="mt-2">No dates yet.</p>
        ) : (
          <ul className="mt-3 divide-y divide-neutral-200 dark:divide-neutral-800">
            {upcoming.map((date) => (
              <li key={date.id} className="py-3">
                <p className="font-medium">{date.label}</p>
                <p className={mutedClass}>
                  Next: {formatDayLong(date.occursOn)} ({describeDaysUntil(date.daysUntil)})
                </p>
                {date.plan && <p>Plan: {date.plan}</p>}
                <RowActionButton
                  action={removeHardDate}
                  id={date.id}
                  label={`Remove “${date.label}”`}
                />
              </li>
            ))}
          </ul>
        )}
        {!settings.valentinesOfferAnswered && <ValentinesOffer requestKey={randomUUID()} />}
      </Section>

      <Section id="add-date" title="Add a hard date">
        <HardDateForm requestKey={randomUUID()} />
      </Section>
    </div>
  );
}
