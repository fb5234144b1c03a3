// Calendar days as "YYYY-MM-DD" strings. A check-in belongs to a day in the
// user's own time zone, not to an instant, so day arithmetic happens on plain
// dates (UTC midnight internally, where no daylight-saving shift can move it).

export type CalendarDay = string;

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** The earliest day the tracker accepts. */
export const EARLIEST_DAY: CalendarDay = "1900-01-01";

export function isCalendarDay(value: string): value is CalendarDay {
  const match = DAY_PATTERN.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  // Date.UTC rolls 2025-02-30 over to March; a real day survives the round trip.
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function dayToDate(day: CalendarDay): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

export function dateToDay(date: Date): CalendarDay {
  return date.toISOString().slice(0, 10);
}

export function addDays(day: CalendarDay, days: number): CalendarDay {
  return dateToDay(new Date(dayToDate(day).getTime() + days * MS_PER_DAY));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDay, to: CalendarDay): number {
  return Math.round((dayToDate(to).getTime() - dayToDate(from).getTime()) / MS_PER_DAY);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

// Building a formatter is what costs (tens of microseconds, the hottest
// function of ours in a /progress profile); every private page asks for today.
// Only valid zones get in, and there are a few hundred of them.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormatIn(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    dayFormats.set(timeZone, format);
  }
  return format;
}

export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone.length === 0 || timeZone.length > 64) return false;
  if (dayFormats.has(timeZone)) return true;
  try {
    dayFormatIn(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The calendar day it is right now in `timeZone`. */
export function todayIn(timeZone: string, now: Date = new Date()): CalendarDay {
  const parts = dayFormatIn(timeZone).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year").padStart(4, "0")}-${part("month")}-${part("day")}`;
}

const longFormat = new Intl.DateTimeFormat("en-US", {
  timeZone: "UTC",
  weekday: "long",
  month: "long",
  day: "numeric",
  year: "numeric",
});
const shortFormat = new Intl.DateTimeFormat("en-US", {
  timeZone: "UTC",
  month: "short",
  day: "numeric",
});

/** "Thursday, November 26, 2026" */
export function formatDayLong(day: CalendarDay): string {
  return longFormat.format(dayToDate(day));
}

/** "Nov 26" */
export function formatDayShort(day: CalendarDay): string {
  return shortFormat.format(dayToDate(day));
}
