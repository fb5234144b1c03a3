import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { loadCheckInHistory } from "@/lib/data/check-in-history";
import { getTrackerSettings } from "@/lib/data/tracker-settings";
import { addDays, todayIn } from "@/lib/tracker/calendar-day";
import { buildSeries, compareWeeks, describeWeek, parseChartRange } from "@/lib/tracker/chart";
import { computeInsights, INSIGHT_WINDOW_DAYS } from "@/lib/tracker/insights";
import { addMonths, formatMonth, monthOf } from "@/lib/tracker/month-grid";
import { MoodChart } from "@/components/tracker/mood-chart";
import { MoodCalendar } from "@/app/progress/_components/mood-calendar";
import { Section } from "@/app/progress/_components/section";
import { headingClass, linkClass, mutedClass } from "@/components/ui/styles";

export const metadata: Metadata = { title: "Your history", robots: { index: false } };

export default async function HistoryPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const asked = await searchParams;
  const range = parseChartRange(asked.range);
  const { timeZone } = await getTrackerSettings({ userId: user.id });
  const today = todayIn(timeZone);
  const history = await loadCheckInHistory({
    userId: user.id,
    timeZone,
    today,
    askedMonth: asked.month,
    windowDays: range,
  });
  const { month, firstDay } = history;
  const earlier = month > monthOf(firstDay) ? addMonths(month, -1) : null;
  const later = month < monthOf(today) ? addMonths(month, 1) : null;
  const insightWindow = addDays(today, -(INSIGHT_WINDOW_DAYS - 1));
  const insights = computeInsights(history.values.filter((v) => v.day >= insightWindow));
  const weeks = compareWeeks(history.values, today);

  return (
    <div>
      <h1 className={headingClass}>Your history</h1>
      <p className={`mt-2 ${mutedClass}`}>
        Tap a coloured day to read it; tap an empty one to fill it in. Missed days are welcome any
        time.
      </p>

      <MoodCalendar month={month} checkIns={history.checkIns} firstDay={firstDay} today={today} />
      <nav aria-label="Months" className="mt-4 flex justify-between gap-4">
        {earlier ? (
          <Link href={`/progress/history?month=${earlier}`} className={linkClass}>
            <span aria-hidden="true">← </span>
            {formatMonth(earlier)}
          </Link>
        ) : (
          <span />
        )}
        {later && (
          <Link
            href={
              later === monthOf(today) ? "/progress/history" : `/progress/history?month=${later}`
            }
            className={linkClass}
          >
            {formatMonth(later)}
            <span aria-hidden="true"> →</span>
          </Link>
        )}
      </nav>

      <Section id="patterns" title="Patterns">
        {insights.sentences.length > 0 ? (
          <ul className="mt-2 space-y-2">
            {insights.sentences.map((sentence) => (
              <li key={sentence}>{sentence}</li>
            ))}
          </ul>
        ) : null}
        {insights.waitingFor.length > 0 && (
          <p className={`mt-2 ${mutedClass}`}>
            In the last {INSIGHT_WINDOW_DAYS} days there are not yet enough check-ins to say more
            honestly. A comparison appears once there are {insights.waitingFor.join(", or ")}.
          </p>
        )}
      </Section>

      <Section id="chart" title="How you have been">
        <MoodChart
          points={buildSeries(history.values, today, range)}
          range={range}
          summary={[describeWeek(weeks.mood), describeWeek(weeks.missing)]}
        />
      </Section>
    </div>
  );
}
