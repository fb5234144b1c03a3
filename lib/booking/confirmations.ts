import type { BookingSide, SessionState } from "@/lib/booking/rules";

// What the page says after a change to the first session (issue 15). The form
// that made the change leaves the page with it (a taken time's form, a
// cancelled session's buttons), so its own status line cannot say it: the
// action redirects with `?session=<change>` and the page says it in a focused
// status region (components/ui/flash-status.tsx), as a claim does (CLAIMED_FLASH).

export const SESSION_FLASH_PARAM = "session";

/** What the person or the joined partner hears after taking, moving or cancelling. */
export const PEOPLE_CONFIRMATIONS = {
  booked: "Booked. We emailed you a calendar invitation.",
  moved: "Moved. We emailed everyone the updated calendar invitation.",
  cancelled: "Cancelled. We emailed everyone so it leaves their calendars.",
} as const;

/** What the holder hears after cancelling or marking the session. */
export const TEAM_CONFIRMATIONS = {
  cancelled: "Cancelled. We emailed the person so it leaves their calendar.",
  held: "Saved: the session was held. The person's page shows it.",
  missed: "Saved: the person did not come. The person's page shows it.",
} as const;

export type PeopleChange = keyof typeof PEOPLE_CONFIRMATIONS;
export type TeamChange = keyof typeof TEAM_CONFIRMATIONS;

/** The page a change is confirmed on: the person's, the joined partner's or the holder's. */
export function confirmationPage(
  done: { referralId: string; side: BookingSide },
  change: PeopleChange | TeamChange,
): string {
  const query = `?${SESSION_FLASH_PARAM}=${change}`;
  switch (done.side) {
    case "person":
      return `/counseling${query}`;
    case "partner":
      return `/counseling/joined/${encodeURIComponent(done.referralId)}${query}`;
    case "team":
      return `/team/referrals/${encodeURIComponent(done.referralId)}${query}`;
  }
}

/**
 * The confirmation a page shows for its `?session=` value, or null. Only when
 * the session still stands as the change left it: an old link reopened after
 * a later change says nothing rather than something untrue.
 */
export function sessionConfirmation(
  side: "people" | "team",
  value: unknown,
  state: SessionState | null,
): string | null {
  const messages: Record<string, string> =
    side === "people" ? PEOPLE_CONFIRMATIONS : TEAM_CONFIRMATIONS;
  if (typeof value !== "string" || !Object.hasOwn(messages, value)) return null;
  const stands =
    value === "booked" || value === "moved"
      ? state === "booked"
      : value === "cancelled"
        ? state !== "booked"
        : state === value;
  return stands ? messages[value]! : null;
}
