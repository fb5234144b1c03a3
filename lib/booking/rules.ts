// The rules of offering and booking the free first session (issue 15), with
// no I/O: the form schema, the data functions and the pages share them.

export const OFFER_MIN_TIMES = 2;
export const OFFER_MAX_TIMES = 5;
export const SESSION_MIN_MINUTES = 15;
export const SESSION_MAX_MINUTES = 240;
export const SESSION_DEFAULT_MINUTES = 50;
export const JOIN_DETAIL_MAX_LENGTH = 500;

export const JOIN_KINDS = ["video", "phone", "address"] as const;
export type JoinKind = (typeof JOIN_KINDS)[number];

export const JOIN_KIND_LABELS: Record<JoinKind, string> = {
  video: "Video call",
  phone: "Phone call",
  address: "In person, at an address",
};

/** What the join detail is, said to the person beside it. */
export const JOIN_DETAIL_LABELS: Record<JoinKind, string> = {
  video: "Video link",
  phone: "Phone",
  address: "Address",
};

export const SESSION_OUTCOMES = ["held", "missed"] as const;
export type SessionOutcome = (typeof SESSION_OUTCOMES)[number];

export type SessionState = "booked" | "cancelled" | "held" | "missed";

/**
 * The states that hold a referral's first session: a booked one, or one that
 * took place. A cancelled or missed session does not: the counselor offers new
 * times and the person books again (one such session per referral, enforced
 * by the database's partial unique index).
 */
export const LIVE_SESSION_STATES = ["booked", "held"] as const satisfies readonly SessionState[];

export function isLiveSession(state: SessionState): boolean {
  return (LIVE_SESSION_STATES as readonly SessionState[]).includes(state);
}

/** Who acted on a session: the person, the joined partner, or the counselor. */
export type BookingSide = "person" | "partner" | "team";

const MS_PER_MINUTE = 60_000;

export function sessionEnd(startsAt: Date, lengthMinutes: number): Date {
  return new Date(startsAt.getTime() + lengthMinutes * MS_PER_MINUTE);
}

/**
 * Whether the person may still move or cancel on the page: until `cutoffHours`
 * before the start. After that the page says to message the counselor.
 */
export function canPeopleChange(startsAt: Date, now: Date, cutoffHours: number): boolean {
  return startsAt.getTime() - now.getTime() >= cutoffHours * 3_600_000;
}

/** Whether the counselor may mark a session held or missed: once it has ended. */
export function hasEnded(startsAt: Date, lengthMinutes: number, now: Date): boolean {
  return sessionEnd(startsAt, lengthMinutes).getTime() <= now.getTime();
}

/** The reminders before a booked session, in hours before its start, first one first. */
export const SESSION_REMINDER_HOURS = [24, 1] as const;
export type SessionReminderHours = (typeof SESSION_REMINDER_HOURS)[number];

export type NextSessionReminder = { at: Date; hours: SessionReminderHours } | null;

/**
 * The next reminder of a session starting at `startsAt`: the first of 24 and 1
 * hours before that is still ahead of `now` (and, with `after`, comes after
 * that reminder). A session booked 3 hours ahead gets only the hour's reminder.
 */
export function nextSessionReminder(
  startsAt: Date,
  now: Date,
  after?: SessionReminderHours,
): NextSessionReminder {
  for (const hours of SESSION_REMINDER_HOURS) {
    if (after !== undefined && hours >= after) continue;
    const at = new Date(startsAt.getTime() - hours * 3_600_000);
    if (after !== undefined || at.getTime() > now.getTime()) return { at, hours };
  }
  return null;
}
