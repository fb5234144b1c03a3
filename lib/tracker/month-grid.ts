import { addDays, type CalendarDay } from "@/lib/tracker/calendar-day";

// A month as the calendar draws it: weeks from Sunday to Saturday, each cell a
// day of the month or empty padding. Pure date arithmetic on "YYYY-MM" and
// "YYYY-MM-DD" strings (no time zones involved: the days are the person's own).

export type Month = string; // "YYYY-MM"

export function monthOf(day: CalendarDay): Month {
  return day.slice(0, 7);
}

export function isMonth(value: unknown): value is Month {
  return typeof value === "string" && /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}

export function addMonths(month: Month, count: number): Month {
  const [year, m] = month.split("-").map(Number) as [number, number];
  const index = year * 12 + (m - 1) + count;
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;
}

export function firstDayOf(month: Month): CalendarDay {
  return `${month}-01`;
}

export function lastDayOf(month: Month): CalendarDay {
  return addDays(firstDayOf(addMonths(month, 1)), -1);
}

/** "December 2026". */
const monthFormat = new Intl.DateTimeFormat("en-US", {
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

export function formatMonth(month: Month): string {
  return monthFormat.format(new Date(`${firstDayOf(month)}T00:00:00Z`));
}

/** The month's weeks, Sunday first; null pads the first and last week. */
export function monthWeeks(month: Month): (CalendarDay | null)[][] {
  const first = firstDayOf(month);
  const last = lastDayOf(month);
  const lead = new Date(`${first}T00:00:00Z`).getUTCDay();
  const cells: (CalendarDay | null)[] = Array.from({ length: lead }, () => null);
  for (let day = first; day <= last; day = addDays(day, 1)) cells.push(day);
  while (cells.length % 7 !== 0) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
}

/** The month asked for, kept between the person's first month and this one. */
export function clampMonth(asked: unknown, firstDay: CalendarDay, today: CalendarDay): Month {
  const current = monthOf(today);
  if (!isMonth(asked)) return current;
  if (asked > current) return current;
  if (asked < monthOf(firstDay)) return monthOf(firstDay);
  return asked;
}
