import { addDays, daysBetween, type CalendarDay } from "@/lib/tracker/calendar-day";

// The no-contact counter forgives. A day counts as contact-free unless a
// check-in says the user made contact (reached out, met, or checked their
// social media). A day without a check-in is not held against anyone, and
// "they reached out" is the other person's act, not the user's slip. A slip
// ends the current run but never erases the longest run or the 30-day count.

export const WINDOW_DAYS = 30;

/** What the database aggregates for the counter (one row, whatever the history length). */
export type ContactAggregates = {
  /** The first day with any check-in: the counter has nothing to say before it. */
  firstDay: CalendarDay | null;
  firstContactDay: CalendarDay | null;
  lastContactDay: CalendarDay | null;
  /** The most days strictly between two consecutive contact days (0 when fewer than two). */
  longestGapBetweenContacts: number;
  /** Contact days in the last WINDOW_DAYS days, today included. */
  contactDaysInWindow: number;
  /** "I want to text them" pauses that ended without contacting them. */
  pausesWithoutContact: number;
};

export type NoContactCounter = {
  started: boolean;
  currentRun: number;
  longestRun: number;
  contactFreeInWindow: number;
  /** Days of the window the tracker knows about (fewer than 30 for a new user). */
  windowDays: number;
  lastContactDay: CalendarDay | null;
  /** Times the person paused instead of texting them (counted even before the first check-in). */
  pausesWithoutContact: number;
};

export function computeNoContactCounter(
  aggregates: ContactAggregates,
  today: CalendarDay,
): NoContactCounter {
  const { firstDay, firstContactDay, lastContactDay } = aggregates;
  if (!firstDay || daysBetween(firstDay, today) < 0) {
    return {
      started: false,
      currentRun: 0,
      longestRun: 0,
      contactFreeInWindow: 0,
      windowDays: 0,
      lastContactDay: null,
      pausesWithoutContact: aggregates.pausesWithoutContact,
    };
  }
  const currentRun = lastContactDay
    ? Math.max(0, daysBetween(lastContactDay, today))
    : daysBetween(firstDay, today) + 1;
  const beforeFirstContact = firstContactDay ? daysBetween(firstDay, firstContactDay) : 0;
  const longestRun = Math.max(currentRun, beforeFirstContact, aggregates.longestGapBetweenContacts);

  const windowStart = addDays(today, -(WINDOW_DAYS - 1));
  const knownStart = daysBetween(windowStart, firstDay) > 0 ? firstDay : windowStart;
  const windowDays = daysBetween(knownStart, today) + 1;
  const contactFreeInWindow = Math.max(0, windowDays - aggregates.contactDaysInWindow);

  return {
    started: true,
    currentRun,
    longestRun,
    contactFreeInWindow,
    windowDays,
    lastContactDay,
    pausesWithoutContact: aggregates.pausesWithoutContact,
  };
}

/** Builds the aggregates from a full list of days; the database does the same in SQL. */
export function aggregateContactDays(
  checkInDays: ReadonlyArray<{ day: CalendarDay; contact: boolean }>,
  today: CalendarDay,
  pausesWithoutContact = 0,
): ContactAggregates {
  const days = [...checkInDays].sort((a, b) => a.day.localeCompare(b.day));
  const contactDays = days.filter((d) => d.contact).map((d) => d.day);
  let longestGapBetweenContacts = 0;
  for (let i = 1; i < contactDays.length; i++) {
    const gap = daysBetween(contactDays[i - 1]!, contactDays[i]!) - 1;
    longestGapBetweenContacts = Math.max(longestGapBetweenContacts, gap);
  }
  const windowStart = addDays(today, -(WINDOW_DAYS - 1));
  return {
    firstDay: days[0]?.day ?? null,
    firstContactDay: contactDays[0] ?? null,
    lastContactDay: contactDays.at(-1) ?? null,
    longestGapBetweenContacts,
    contactDaysInWindow: contactDays.filter(
      (d) => daysBetween(windowStart, d) >= 0 && daysBetween(d, today) >= 0,
    ).length,
    pausesWithoutContact,
  };
}
