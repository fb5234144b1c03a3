import { addDays, daysBetween, isLeapYear, type CalendarDay } from "@/lib/tracker/calendar-day";

// Hard dates repeat every year. "Today" is the user's own calendar day (from
// their time zone), so the two-week warning starts at their midnight, not the
// server's. A February 29 date is kept on February 28 in common years: the day
// before March 1 is the one that will feel like it.

export const WARNING_DAYS = 14;

export type YearlyDate = { month: number; day: number };

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isValidYearlyDate({ month, day }: YearlyDate): boolean {
  if (!Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(2000, month); // 2000 is a leap year: Feb 29 is allowed
}

export function occurrenceInYear({ month, day }: YearlyDate, year: number): CalendarDay {
  const observedDay =
    month === 2 && day === 29 && !isLeapYear(year) ? 28 : Math.min(day, daysInMonth(year, month));
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(observedDay).padStart(2, "0")}`;
}

/** The next time the date comes round, today included. */
export function nextOccurrence(date: YearlyDate, today: CalendarDay): CalendarDay {
  const year = Number(today.slice(0, 4));
  const thisYear = occurrenceInYear(date, year);
  return daysBetween(today, thisYear) >= 0 ? thisYear : occurrenceInYear(date, year + 1);
}

export type Upcoming<T> = T & { occursOn: CalendarDay; daysUntil: number; soon: boolean };

/** Every date with its next occurrence, nearest first; `soon` within the warning window. */
export function upcomingHardDates<T extends YearlyDate>(
  dates: ReadonlyArray<T>,
  today: CalendarDay,
): Upcoming<T>[] {
  return dates
    .map((date) => {
      const occursOn = nextOccurrence(date, today);
      const daysUntil = daysBetween(today, occursOn);
      return { ...date, occursOn, daysUntil, soon: daysUntil <= WARNING_DAYS };
    })
    .sort((a, b) => a.daysUntil - b.daysUntil);
}

export function describeDaysUntil(daysUntil: number): string {
  if (daysUntil === 0) return "today";
  if (daysUntil === 1) return "tomorrow";
  return `in ${daysUntil} days`;
}

export const VALENTINES_DAY: YearlyDate & { label: string } = {
  label: "Valentine's Day",
  month: 2,
  day: 14,
};

export function warningWindowEnd(today: CalendarDay): CalendarDay {
  return addDays(today, WARNING_DAYS);
}
