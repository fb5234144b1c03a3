import { addDays, daysBetween, type CalendarDay } from "@/lib/tracker/calendar-day";
import { nextOccurrence, type YearlyDate } from "@/lib/tracker/hard-dates";

// When a reminder is next due, as a UTC instant computed from a local time of
// day and an IANA zone. The scheduler stores that instant (indexed) so a minute
// with nobody due costs one query; this file is the only place that turns
// "20:00 in Australia/Sydney" into an instant, so daylight-saving rules live here.
//
// Rules across DST changes:
// - a local time that does not exist that day (the spring-forward gap) is sent
//   at the first instant after the gap, the same wall-clock distance later;
// - a local time that happens twice (the autumn fall-back) is sent at the
//   earlier of the two: once per local day, never twice.

export type LocalDue = { day: CalendarDay; at: Date };

const MS_PER_MINUTE = 60_000;

// Building a formatter is what costs (tens of microseconds); the scheduler
// computes thousands of due times a minute in a few dozen zones.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone's offset from UTC, in minutes, at an instant. */
export function zoneOffsetMinutes(timeZone: string, instant: Date): number {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value ?? "0");
  const asUtc = Date.UTC(
    get("year"),
    get("month") - 1,
    get("day"),
    get("hour"),
    get("minute"),
    get("second"),
  );
  const wholeSeconds = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round((asUtc - wholeSeconds) / MS_PER_MINUTE);
}

/** The local calendar day of an instant (todayIn, with the cached formatter). */
export function localDayOf(timeZone: string, instant: Date): CalendarDay {
  const local = new Date(instant.getTime() + zoneOffsetMinutes(timeZone, instant) * MS_PER_MINUTE);
  return local.toISOString().slice(0, 10);
}

/**
 * The instant a local day's `minuteOfDay` falls on in `timeZone`. Two guesses
 * of the offset cover every zone: the offset before and after any change that
 * day. A wall time in a gap resolves to after the gap; a repeated one to the earlier.
 */
export function localTimeToInstant(day: CalendarDay, minuteOfDay: number, timeZone: string): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, 0, minuteOfDay);
  const candidates = new Set<number>();
  // Offsets in force 24 h either side bracket any change on this day.
  for (const probe of [wall - 86_400_000, wall, wall + 86_400_000]) {
    candidates.add(zoneOffsetMinutes(timeZone, new Date(probe)));
  }
  const exact = [...candidates]
    .map((offset) => wall - offset * MS_PER_MINUTE)
    .filter(
      (instant) =>
        zoneOffsetMinutes(timeZone, new Date(instant)) * MS_PER_MINUTE === wall - instant,
    )
    .sort((a, b) => a - b);
  if (exact.length > 0) return new Date(exact[0]!);
  // In the gap: the wall time read with the offset from before the change
  // lands just after the gap, as far past its start as the wall time is.
  const before = zoneOffsetMinutes(timeZone, new Date(wall - 86_400_000));
  return new Date(wall - before * MS_PER_MINUTE);
}

/** The next daily reminder strictly after `now`, on a local day after `after` when given. */
export function nextDailyDue({
  minuteOfDay,
  timeZone,
  now,
  after,
}: {
  minuteOfDay: number;
  timeZone: string;
  now: Date;
  /** The local day last sent: the next one is on a later day. */
  after?: CalendarDay;
}): LocalDue {
  let day = localDayOf(timeZone, now);
  if (after && daysBetween(after, day) <= 0) day = addDays(after, 1);
  for (;;) {
    const at = localTimeToInstant(day, minuteOfDay, timeZone);
    if (at.getTime() > now.getTime()) return { day, at };
    day = addDays(day, 1);
  }
}

/**
 * The next heads-up before a yearly hard date: `daysBefore` days ahead of the
 * next occurrence, at the person's reminder time, strictly after `now` (and on
 * a later local day than `after`). A heads-up already past this year waits for next year's.
 */
export function nextHardDateDue({
  date,
  daysBefore,
  minuteOfDay,
  timeZone,
  now,
  after,
}: {
  date: YearlyDate;
  daysBefore: number;
  minuteOfDay: number;
  timeZone: string;
  now: Date;
  after?: CalendarDay;
}): LocalDue {
  let from = localDayOf(timeZone, now);
  for (let i = 0; i < 4; i++) {
    const occurrence = nextOccurrence(date, from);
    const day = addDays(occurrence, -daysBefore);
    const at = localTimeToInstant(day, minuteOfDay, timeZone);
    if (at.getTime() > now.getTime() && (!after || daysBetween(after, day) > 0)) {
      return { day, at };
    }
    from = addDays(occurrence, 1);
  }
  // Unreachable for a valid date (an occurrence comes every year); kept total.
  throw new Error("No next heads-up found for a hard date");
}
