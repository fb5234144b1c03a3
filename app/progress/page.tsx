import type { Metadata } from "next";
import Link from "next/link";
import { randomUUID } from "node:crypto";
import { requireUser } from "@/lib/auth/session";
import { loadProgressDashboard } from "@/lib/data/progress-dashboard";
import { getTrackerSettings } from "@/lib/data/tracker-settings";
import { daysBetween, formatDayLong, todayIn } from "@/lib/tracker/calendar-day";
import { buildSeries, compareWeeks, describeWeek, parseChartRange } from "@/lib/tracker/chart";
import { upcomingHardDates, describeDaysUntil } from "@/lib/tracker/hard-dates";
import { computeNoContactCounter } from "@/lib/tracker/no-contact";
import {
  COUNSELING_LINKS,
  memoryBalanceNudge,
  pluralize,
  STEPS,
  TIME_REASSURANCE,
} from "@/lib/tracker/steps";
import { MoodChart } from "@/components/tracker/mood-chart";
import { CheckInForm } from "@/app/progress/_components/check-in-form";
import { HardDateNotices } from "@/app/progress/_components/hard-date-notices";
import { NoContactSummary } from "@/app/progress/_components/no-contact-summary";
import { cardClass, mutedClass } from "@/components/ui/styles";
import { Section } from "@/app/progress/_components/section";
import { CheckInSummary } from "@/app/progress/_components/today-check-in";
import { ValentinesOffer } from "@/app/progress/_components/valentines-offer";

export const metadata: Metadata = { title: "Your healing tracker", robots: { index: false } };

export default async function ProgressPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const range = parseChartRange((await searchParams).range);
  const settings = await getTrackerSettings({ userId: user.id });
  const today = todayIn(settings.timeZone);
  const dashboard = await loadProgressDashboard({ userId: user.id, today, chartDays: range });

  const counter = computeNoContactCounter(dashboard.contact, today);
  const weeks = compareWeeks(dashboard.series, today);
  const upcoming = upcomingHardDates(dashboard.hardDates, today);
  const { steps } = dashboard;
  const nudge = memoryBalanceNudge(steps.goodMemories, steps.hardMemories);
  const daysSinceBreakup = settings.breakupDate ? daysBetween(settings.breakupDate, today) : null;

  return (
    <div>
      <h1 className="text-3xl font-bold">Your healing, day by day</h1>
      <p className={`mt-2 ${mutedClass}`}>
        {formatDayLong(today)}. Everything here is private to you.
      </p>
      {!settings.configured && (
        <p className={cardClass}>
          Your days currently follow UTC.{" "}
          <Link href="/progress/settings" className="font-medium underline underline-offset-4">
            Set your time zone
          </Link>{" "}
          so that &ldquo;today&rdquo; starts at your own midnight.
        </p>
      )}

      <HardDateNotices dates={upcoming} />

      <Section id="today" title="Today's check-in">
        {dashboard.todayCheckIn ? null : (
          <p className="mt-2">A minute for yourself: how is today going?</p>
        )}
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
        <p className="mt-4 text-sm">
          Missed a day?{" "}
          <Link href="/progress/history" className="underline underline-offset-4">
            Fill in earlier days
          </Link>
          .
        </p>
      </Section>

      <Section id="no-contact" title="No contact">
        <NoContactSummary counter={counter} />
        <p className="mt-3 text-sm">
          <Link href="/progress/no-contact" className="underline underline-offset-4">
            See the days with contact and what led to them
          </Link>
        </p>
      </Section>

      <Section id="chart" title="How you have been">
        <MoodChart
          points={buildSeries(dashboard.series, today, range)}
          range={range}
          summary={[describeWeek(weeks.mood), describeWeek(weeks.missing)]}
        />
      </Section>

      <Section id="steps" title="The five steps">
        <ol className="mt-4 space-y-5">
          <li id="step-1">
            <h3 className="font-semibold">1. {STEPS[0].title}</h3>
            <p className={mutedClass}>{STEPS[0].summary}</p>
            <p className="mt-1">
              {pluralize(steps.goodMemories, "good memory", "good memories")} and{" "}
              {pluralize(steps.hardMemories, "hard memory", "hard memories")} written down.
            </p>
            {nudge === "HARD" && (
              <p className="mt-1">
                Remembering the low points too helps you not idealize what you had. Is there a
                harder moment you could add?
              </p>
            )}
            {nudge === "GOOD" && (
              <p className="mt-1">
                There were good parts too, and remembering them is allowed. Is there a good memory
                you could add?
              </p>
            )}
            <Link href="/progress/memories" className="text-sm underline underline-offset-4">
              Open your memory log
            </Link>
          </li>
          <li id="step-2">
            <h3 className="font-semibold">2. {STEPS[1].title}</h3>
            <p className={mutedClass}>{STEPS[1].summary}</p>
            <p className="mt-1">
              {steps.goalsDone} of {pluralize(steps.goals, "goal")} done;{" "}
              {pluralize(steps.activitiesRecent, "new thing")} tried in the last 30 days.
            </p>
            <Link href="/progress/goals" className="text-sm underline underline-offset-4">
              Goals and new experiences
            </Link>
          </li>
          <li id="step-3">
            <h3 className="font-semibold">3. {STEPS[2].title}</h3>
            <p className={mutedClass}>{STEPS[2].summary}</p>
            <p className="mt-1">
              You reached out {pluralize(steps.reachOutsRecent, "time")} in the last 30 days.
            </p>
            <Link href="/progress/people" className="text-sm underline underline-offset-4">
              Your log of reaching out
            </Link>
          </li>
          <li id="step-4">
            <h3 className="font-semibold">4. {STEPS[3].title}</h3>
            <p className={mutedClass}>{STEPS[3].summary}</p>
            <ul className="mt-1 list-disc pl-5">
              <li>
                <Link
                  href={COUNSELING_LINKS.individual.href}
                  className="underline underline-offset-4"
                >
                  {COUNSELING_LINKS.individual.label}
                </Link>
              </li>
              <li>
                <Link href={COUNSELING_LINKS.couples.href} className="underline underline-offset-4">
                  {COUNSELING_LINKS.couples.label}
                </Link>
              </li>
            </ul>
          </li>
          <li id="step-5">
            <h3 className="font-semibold">5. {STEPS[4].title}</h3>
            {daysSinceBreakup !== null && daysSinceBreakup >= 0 ? (
              <p className="mt-1">
                It has been {pluralize(daysSinceBreakup, "day")} since the relationship ended.
              </p>
            ) : (
              <p className="mt-1">
                <Link href="/progress/settings" className="underline underline-offset-4">
                  Add the day it ended
                </Link>{" "}
                if you would like to see how much time you have given yourself.
              </p>
            )}
            <blockquote className="mt-2 border-l-4 border-brand-600 pl-4 italic">
              {TIME_REASSURANCE}
            </blockquote>
          </li>
        </ol>
      </Section>

      <Section id="hard-dates" title="Hard dates ahead">
        {upcoming.length === 0 ? (
          <p className="mt-2">
            No hard dates yet. Birthdays, anniversaries and holidays can bring feelings back; adding
            them lets us remind you two weeks before.
          </p>
        ) : (
          <ul className="mt-3 space-y-1">
            {upcoming.slice(0, 3).map((date) => (
              <li key={date.id}>
                <span className="font-medium">{date.label}</span>: {formatDayLong(date.occursOn)} (
                {describeDaysUntil(date.daysUntil)})
              </li>
            ))}
          </ul>
        )}
        {!settings.valentinesOfferAnswered && <ValentinesOffer requestKey={randomUUID()} />}
        <p className="mt-3 text-sm">
          <Link href="/progress/hard-dates" className="underline underline-offset-4">
            Add or change hard dates
          </Link>
        </p>
      </Section>

      <Section id="your-data" title="Your data">
        <p className="mt-2">
          Your notes are encrypted before they are stored.{" "}
          <Link href="/progress/export" className="underline underline-offset-4">
            Download everything
          </Link>{" "}
          whenever you like.
        </p>
      </Section>
    </div>
  );
}
