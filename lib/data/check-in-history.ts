import "server-only";
import { db } from "@/lib/db";
import { listCheckIns } from "@/lib/data/check-ins";
import { dateToDay, dayToDate } from "@/lib/data/tracker-records";
import { addDays, todayIn, type CalendarDay } from "@/lib/tracker/calendar-day";
import { INSIGHT_WINDOW_DAYS } from "@/lib/tracker/insights";
import { clampMonth, firstDayOf, lastDayOf } from "@/lib/tracker/month-grid";

/**
 * What the history page needs: the person's first day (the day they signed
 * up, in their zone, or an earlier day they filled in), the month asked for
 * (never before the first day nor after today) with its check-ins and notes,
 * and the values (no notes) of the window the chart and the insights read.
 * Four statements in two round trips, each scoped by the user's id.
 */
export async function loadCheckInHistory({
  userId,
  timeZone,
  today,
  askedMonth,
  windowDays,
}: {
  userId: string;
  timeZone: string;
  today: CalendarDay;
  askedMonth: unknown;
  /** How far back the chart looks; the insights look back at least {@link INSIGHT_WINDOW_DAYS}. */
  windowDays: number;
}) {
  const [user, earliest] = await Promise.all([
    db.user.findUnique({ where: { id: userId }, select: { createdAt: true } }),
    db.checkIn.findFirst({ where: { userId }, orderBy: { day: "asc" }, select: { day: true } }),
  ]);
  const signedUp = user ? todayIn(timeZone, user.createdAt) : today;
  const firstFilled = earliest ? dateToDay(earliest.day) : signedUp;
  const firstDay = firstFilled < signedUp ? firstFilled : signedUp;
  const month = clampMonth(askedMonth, firstDay, today);

  const since = addDays(today, -(Math.max(windowDays, INSIGHT_WINDOW_DAYS) - 1));
  const [checkIns, values] = await Promise.all([
    listCheckIns({ userId, from: firstDayOf(month), to: lastDayOf(month) }),
    db.checkIn.findMany({
      where: { userId, day: { gte: dayToDate(since), lte: dayToDate(today) } },
      orderBy: { day: "asc" },
      select: { day: true, mood: true, missing: true, contact: true },
    }),
  ]);
  return {
    firstDay,
    month,
    checkIns,
    values: values.map((row) => ({ ...row, day: dateToDay(row.day) })),
  };
}
