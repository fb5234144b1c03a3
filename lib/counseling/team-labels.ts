import type {
  ClosingOutcome,
  InboxFilter,
  MessageThread,
  ReferralSide,
} from "@/lib/counseling/team";

// The words the team's pages and the person's counseling page use for the
// team's fixed lists. Pure, so server pages and tests share one copy.

export const CLOSING_OUTCOME_LABELS: Record<ClosingOutcome, string> = {
  COUNSELING_STARTED: "Counseling has started",
  REFERRED_ELSEWHERE: "Referred to another service",
  NO_RESPONSE: "No response after several tries",
  OTHER: "Closed for another reason",
};

export const INBOX_FILTER_LABELS: Record<InboxFilter, string> = {
  new: "New",
  mine: "Claimed by me",
  others: "Claimed by others",
  closed: "Closed",
};

/** A thread's name as each side reads it. */
export function threadLabel(thread: MessageThread, side: ReferralSide): string {
  if (thread === "SHARED") return side === "team" ? "Shared with both" : "Shared with your partner";
  if (side !== "team") return "Just you and the counselor";
  return thread === "PERSON" ? "Private: the person" : "Private: the partner";
}

/** The query a claim leads to, and what the referral's page then says (the claim form is gone). */
export const CLAIMED_FLASH = "claimed=1";
export const CLAIMED_MESSAGE = "You claimed this referral. Only you write to the person now.";
