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
