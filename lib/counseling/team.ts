// The counseling team's fixed rules: roles, limits and which message threads a
// referral has. Pure, so forms, data functions and tests share one copy.
// docs/counseling-team.md explains the model.

export const TEAM_ROLES = ["counselor", "coordinator"] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

export const MESSAGE_THREADS = ["PERSON", "PARTNER", "SHARED"] as const;
export type MessageThread = (typeof MESSAGE_THREADS)[number];

/** Outcomes a team member may close with; WITHDRAWN is the person's own act. */
export const CLOSING_OUTCOMES = [
  "COUNSELING_STARTED",
  "REFERRED_ELSEWHERE",
  "NO_RESPONSE",
  "OTHER",
] as const;
export type ClosingOutcome = (typeof CLOSING_OUTCOMES)[number];

export const INBOX_FILTERS = ["new", "mine", "others", "closed"] as const;
export type InboxFilter = (typeof INBOX_FILTERS)[number];

export const MESSAGE_MAX_LENGTH = 4_000;
export const RESOURCES_MAX_LENGTH = 2_000;
export const DISPLAY_NAME_MAX_LENGTH = 40;
export const OPERATOR_MAX_LENGTH = 100;
export const INBOX_PAGE_SIZE = 25;
/** Messages kept on one thread's page: the newest ones. */
export const THREAD_PAGE_SIZE = 50;

/**
 * Messages one person may post per day, across all their threads. The
 * referral's people get a human pace; team members a ceiling that only a
 * runaway script reaches.
 */
export const MESSAGES_PER_DAY = { person: 20, team: 200 } as const;

/** What decides a referral's threads (never shown to the team as such). */
export type ThreadFacts = {
  format: "COUPLES" | "INDIVIDUAL" | null;
  partnerId: string | null;
  partnerScreenOutcome: "CLEAR" | "CONCERN" | null;
};

/**
 * The partner takes part only after joining with a clear screen of their own:
 * that is also the only partner the team is ever told about (a partner whose
 * screen raised a concern is invisible to the team and to the person, exactly
 * like one who has not answered yet).
 */
export function partnerHasJoined(facts: ThreadFacts): boolean {
  return facts.partnerId !== null && facts.partnerScreenOutcome === "CLEAR";
}

/** The threads a referral has: the person's always; the partner's and the shared one once the partner joined a couples referral. */
export function referralThreads(facts: ThreadFacts): MessageThread[] {
  return facts.format === "COUPLES" && partnerHasJoined(facts)
    ? ["PERSON", "PARTNER", "SHARED"]
    : ["PERSON"];
}

export type ReferralSide = "person" | "partner" | "team";

/** The threads one side may read and write: each partner never sees the other's private thread. */
export function threadsFor(side: ReferralSide, facts: ThreadFacts): MessageThread[] {
  const open = referralThreads(facts);
  if (side === "team") return open;
  const own: MessageThread = side === "person" ? "PERSON" : "PARTNER";
  return open.filter((thread) => thread === own || thread === "SHARED");
}
