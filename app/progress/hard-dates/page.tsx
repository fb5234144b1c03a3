import type { Metadata } from "next";
import Link from "next/link";
import { randomUUID } from "node:crypto";
import { requireUser } from "@/lib/auth/session";
import { listHardDates } from "@/lib/data/hard-dates";
import type { QueryPageProps } from "@/lib/http/page-query";
import { getTrackerSettings } from "@/lib/data/tracker-settings";
import { formatDayLong, todayIn } from "@/lib/tracker/calendar-day";
import { describeDaysUntil, upcomingHardDates, type Upcoming } from "@/lib/tracker/hard-dates";
import { HardDateForm, type HardDate } from "@/app/progress/_components/hard-date-form";
import { HardDateNotices } from "@/app/progress/_components/hard-date-notices";
import { TrackerList, type RowKind } from "@/app/progress/_components/tracker-list";
import { readTrackerListState } from "@/app/progress/_components/tracker-list-state";
import { linkClass, mutedClass } from "@/components/ui/styles";
import { Section } from "@/app/progress/_components/section";
import { ValentinesOffer } from "@/app/progress/_components/valentines-offer";

export const metadata: Metadata = { title: "Hard dates", robots: { index: false } };

const dateRows: RowKind<Upcoming<HardDate>> = {
  list: "hardDates",
  name: (date) => `“${date.label}”`,
  show: (date) => (
    <>
      <p className="font-medium">{date.label}</p>
      <p className={mutedClass}>
        Next: {formatDayLong(date.occursOn)} ({describeDaysUntil(date.daysUntil)})
      </p>
      {date.plan && <p>Plan: {date.plan}</p>}
    </>
  ),
  edit: (date) => <HardDateForm editing={date} />,
};

export default async function HardDatesPage({ searchParams }: QueryPageProps) {
  const user = await requireUser();
  const [settings, dates, lists] = await Promise.all([
    getTrackerSettings({ userId: user.id }),
    listHardDates({ userId: user.id }),
    readTrackerListState(user.id, searchParams, ["hardDates"]),
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
        <TrackerList kind={dateRows} rows={upcoming} state={lists} />
        {!settings.valentinesOfferAnswered && <ValentinesOffer requestKey={randomUUID()} />}
      </Section>

      <Section id="add-date" title="Add a hard date">
        <HardDateForm requestKey={randomUUID()} />
      </Section>
    </div>
  );
}
