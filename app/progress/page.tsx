import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { loadProgressDashboard } from "@/lib/data/progress-dashboard";
import { getTrackerSettings } from "@/lib/data/tracker-settings";
import { formatDayLong, todayIn } from "@/lib/tracker/calendar-day";
import { compareWeeks, describeWeek } from "@/lib/tracker/chart";
import { upcomingHardDates } from "@/lib/tracker/hard-dates";
import { computeNoContactCounter } from "@/lib/tracker/no-contact";
import { CheckInForm } from "@/app/progress/_components/check-in-form";
import { HardDateNotices } from "@/app/progress/_components/hard-date-notices";
import { NoContactSummary } from "@/app/progress/_components/no-contact-summary";
import { Section } from "@/app/progress/_components/section";
import { TextThemLink } from "@/app/progress/_components/text-them-link";
import { CheckInSummary } from "@/app/progress/_components/today-check-in";
import { Welcome, welcomeStep } from "@/app/progress/_components/welcome/welcome";
import { headingClass, linkClass, mutedClass } from "@/components/ui/styles";

export const metadata: Metadata = { title: "Today", robots: { index: false } };

/** The comparison needs this week and the one before. */
const WEEKS_DAYS = 14;

// "Today": the first visit's welcome, then at most two phone screens that lead
// with today's check-in. The five steps, the chart and the calendar have
// pages of their own (the menu's Steps tab, History).
export default async function ProgressPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const settings = await getTrackerSettings({ userId: user.id });
  if (!settings.welcomed) {
    return (
      <Welcome
        step={welcomeStep((await searchParams).welcome)}
        timeZone={settings.timeZone}
        breakupDate={settings.breakupDate}
      />
    );
  }
  const today = todayIn(settings.timeZone);
  const dashboard = await loadProgressDashboard({
    userId: user.id,
    today,
    chartDays: WEEKS_DAYS,
  });
  const counter = computeNoContactCounter(dashboard.contact, today);
  const weeks = compareWeeks(dashboard.series, today);

  return (
    <div>
      <h1 className={headingClass}>Today</h1>
      <p className={`mt-1 ${mutedClass}`}>
        {formatDayLong(today)}. Everything here is private to you.
      </p>

      <HardDateNotices dates={upcomingHardDates(dashboard.hardDates, today)} />

      <Section id="today" title="Today's check-in">
        {/* One element either way: the form stays mounted and says "Saved" above the summary. */}
        <CheckInForm
          day={today}
          dayLabel="today"
          defaults={null}
          summary={
            dashboard.todayCheckIn ? (
              <CheckInSummary checkIn={dashboard.todayCheckIn} editHref="/progress/check-in" />
            ) : null
          }
        />
      </Section>

      <Section id="no-contact" title="No contact">
        <NoContactSummary counter={counter} />
        {/* The pause for the moment the article is about, one tap from Today. */}
        <TextThemLink className="mt-4" />
        <p className="mt-3 text-sm">
          <Link href="/progress/no-contact" className="underline underline-offset-4">
            See the days with contact and what led to them
          </Link>
        </p>
      </Section>

      <Section id="lately" title="Lately">
        {/* Nothing to compare yet says nothing: no "no check-ins yet" noise. */}
        {(weeks.mood.current !== null || weeks.mood.previous !== null) && (
          <p className="mt-2">{describeWeek(weeks.mood)}</p>
        )}
        <ul className="mt-3 flex flex-wrap gap-x-6 gap-y-2">
          <li>
            <Link href="/progress/history" className={linkClass}>
              Your calendar and patterns
            </Link>
          </li>
          <li>
            <Link href="/progress/steps" className={linkClass}>
              The five steps
            </Link>
          </li>
        </ul>
      </Section>
    </div>
  );
}
