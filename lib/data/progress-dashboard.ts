import "server-only";
import { db, Prisma } from "@/lib/db";
import { checkInFields } from "@/lib/data/check-ins";
import { decryptHardDate } from "@/lib/data/hard-dates";
import { unsealOptional } from "@/lib/data/tracker-records";
import { addDays, type CalendarDay } from "@/lib/tracker/calendar-day";
import { type DailyValues } from "@/lib/tracker/chart";
import { PAUSE_OUTCOMES_WITHOUT_CONTACT } from "@/lib/data/text-pauses";
import { WINDOW_DAYS, type ContactAggregates } from "@/lib/tracker/no-contact";
import { SLIP_CONTACT_KINDS, type ContactKind } from "@/lib/tracker/scales";

// Everything the /progress dashboard shows, in ONE statement whatever the
// length of the user's history: today's check-in, the no-contact aggregates,
// the chart's window of daily values, the five steps' counts and the hard
// dates. Every part is an index range scan on ("userId", ...) or an aggregate
// over one; nothing returns more than the chart window's rows. Together with
// the session lookup and the settings row, a render costs three queries.

type Row = {
  today_check_in: {
    mood: number;
    missing: number;
    contact: ContactKind;
    note: string | null;
  } | null;
  first_day: string | null;
  first_contact_day: string | null;
  last_contact_day: string | null;
  longest_gap: number | null;
  contact_days_in_window: number;
  pauses_without_contact: number;
  series: DailyValues[];
  good_memories: number;
  hard_memories: number;
  goals: number;
  goals_done: number;
  activities: number;
  activities_recent: number;
  reach_outs: number;
  reach_outs_recent: number;
  hard_dates: Array<{ id: string; label: string; month: number; day: number; plan: string | null }>;
};

export type ProgressDashboard = {
  todayCheckIn: {
    mood: number;
    missing: number;
    contact: ContactKind;
    note: string | null;
  } | null;
  contact: ContactAggregates;
  series: DailyValues[];
  steps: {
    goodMemories: number;
    hardMemories: number;
    goals: number;
    goalsDone: number;
    activities: number;
    activitiesRecent: number;
    reachOuts: number;
    reachOutsRecent: number;
  };
  hardDates: ReturnType<typeof decryptHardDate>[];
};

const pauseOutcomes = Prisma.join(
  PAUSE_OUTCOMES_WITHOUT_CONTACT.map((outcome) => Prisma.sql`${outcome}::"PauseOutcome"`),
);
const slipKinds = Prisma.join(SLIP_CONTACT_KINDS.map((kind) => Prisma.sql`${kind}::"ContactKind"`));

export async function loadProgressDashboard({
  userId,
  today,
  chartDays,
}: {
  userId: string;
  today: CalendarDay;
  chartDays: number;
}): Promise<ProgressDashboard> {
  const windowStart = addDays(today, -(WINDOW_DAYS - 1));
  const chartStart = addDays(today, -(chartDays - 1));
  const recentStart = windowStart;
  const [row] = await db.$queryRaw<Row[]>`
    WITH contact_days AS (
      SELECT "day", "day" - LAG("day") OVER (ORDER BY "day") - 1 AS gap
        FROM "CheckIn"
       WHERE "userId" = ${userId} AND "day" <= ${today}::date AND "contact" IN (${slipKinds})
    )
    SELECT
      (SELECT json_build_object('mood', c."mood", 'missing', c."missing",
                                'contact', c."contact", 'note', c."note")
         FROM "CheckIn" c WHERE c."userId" = ${userId} AND c."day" = ${today}::date) AS today_check_in,
      (SELECT to_char(MIN("day"), 'YYYY-MM-DD') FROM "CheckIn" WHERE "userId" = ${userId}) AS first_day,
      (SELECT to_char(MIN("day"), 'YYYY-MM-DD') FROM contact_days) AS first_contact_day,
      (SELECT to_char(MAX("day"), 'YYYY-MM-DD') FROM contact_days) AS last_contact_day,
      (SELECT MAX(gap)::int FROM contact_days) AS longest_gap,
      (SELECT COUNT(*)::int FROM contact_days WHERE "day" >= ${windowStart}::date) AS contact_days_in_window,
      (SELECT COUNT(*)::int FROM "TextPause"
        WHERE "userId" = ${userId} AND "outcome" IN (${pauseOutcomes})) AS pauses_without_contact,
      (SELECT COALESCE(json_agg(json_build_object('day', to_char("day", 'YYYY-MM-DD'),
                                                  'mood', "mood", 'missing', "missing")
                                ORDER BY "day"), '[]'::json)
         FROM "CheckIn"
        WHERE "userId" = ${userId} AND "day" BETWEEN ${chartStart}::date AND ${today}::date) AS series,
      (SELECT COUNT(*)::int FROM "Memory" WHERE "userId" = ${userId} AND "kind" = 'GOOD') AS good_memories,
      (SELECT COUNT(*)::int FROM "Memory" WHERE "userId" = ${userId} AND "kind" = 'HARD') AS hard_memories,
      (SELECT COUNT(*)::int FROM "Goal" WHERE "userId" = ${userId}) AS goals,
      (SELECT COUNT(*)::int FROM "Goal" WHERE "userId" = ${userId} AND "doneAt" IS NOT NULL) AS goals_done,
      (SELECT COUNT(*)::int FROM "Activity" WHERE "userId" = ${userId}) AS activities,
      (SELECT COUNT(*)::int FROM "Activity"
        WHERE "userId" = ${userId} AND "day" >= ${recentStart}::date) AS activities_recent,
      (SELECT COUNT(*)::int FROM "ReachOut" WHERE "userId" = ${userId}) AS reach_outs,
      (SELECT COUNT(*)::int FROM "ReachOut"
        WHERE "userId" = ${userId} AND "day" >= ${recentStart}::date) AS reach_outs_recent,
      (SELECT COALESCE(json_agg(json_build_object('id', h."id", 'label', h."label", 'month', h."month",
                                                  'day', h."day", 'plan', h."plan")), '[]'::json)
         FROM "HardDate" h WHERE h."userId" = ${userId}) AS hard_dates
  `;
  if (!row) throw new Error("the dashboard query returned no row");

  const todayCheckIn = row.today_check_in && {
    ...row.today_check_in,
    note: unsealOptional(row.today_check_in.note, checkInFields.noteField(userId, today)),
  };
  return {
    todayCheckIn,
    contact: {
      firstDay: row.first_day,
      firstContactDay: row.first_contact_day,
      lastContactDay: row.last_contact_day,
      longestGapBetweenContacts: row.longest_gap ?? 0,
      contactDaysInWindow: row.contact_days_in_window,
      pausesWithoutContact: row.pauses_without_contact,
    },
    series: row.series,
    steps: {
      goodMemories: row.good_memories,
      hardMemories: row.hard_memories,
      goals: row.goals,
      goalsDone: row.goals_done,
      activities: row.activities,
      activitiesRecent: row.activities_recent,
      reachOuts: row.reach_outs,
      reachOutsRecent: row.reach_outs_recent,
    },
    hardDates: row.hard_dates.map((h) => decryptHardDate(userId, h)),
  };
}
