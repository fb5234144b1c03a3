// How many rows each list a person can grow may hold (SECURITY.md 33). One
// place for every number, so the data functions that enforce them, the pages
// that show the lists and the docs agree. Without a cap, one signed-in script
// could fill the database (300 memories of 2,000 characters went in at 31 a
// second) and every page and export that reads the list would slow down.
//
// Each cap is far above what a person writes by hand, and no larger than what
// the list's page shows, so a full list is always fully visible and "remove
// one" is always possible. Lists bounded by themselves are not here: check-ins
// and slips are one per day, tracker settings and the counseling referral one
// per person.
//
// Pure (no zod, no server code): client components may import the numbers.

export const ROW_LIMITS = {
  /** Memories (Step 1). */
  memories: 200,
  /** Goals (Step 2). */
  goals: 100,
  /** New things tried (Step 2). */
  activities: 300,
  /** Times reaching out to friends and family (Step 3). */
  reachOuts: 300,
  /** Hard dates (one a day of the year would be 366; nobody needs that many). */
  hardDates: 50,
  /** Partner invitations one person has ever sent (the daily limit paces them; this bounds the total). */
  invitations: 50,
  /** Messages one person writes on one referral (the daily limit in lib/counseling/team.ts paces them). */
  counselingMessages: 1_000,
} as const;

export type CappedList = keyof typeof ROW_LIMITS;

/** What each list is called in its message ("You can keep up to 200 memories."). */
const LIST_NAMES: Record<CappedList, string> = {
  memories: "memories",
  goals: "goals",
  activities: "new things you tried",
  reachOuts: "times you reached out",
  hardDates: "hard dates",
  invitations: "invitations",
  counselingMessages: "messages on one request",
};

const number = new Intl.NumberFormat("en-US");

/** The refusal of a full list: the cap, and what to do about it. */
export function rowLimitMessage(list: CappedList): string {
  const cap = `${number.format(ROW_LIMITS[list])} ${LIST_NAMES[list]}`;
  if (list === "invitations") {
    return `You can send up to ${cap} in all, and you have reached that. Nothing was sent.`;
  }
  if (list === "counselingMessages") {
    return `You can write up to ${cap}, and you have reached that. Nothing was sent.`;
  }
  return `You can keep up to ${cap}. Remove one to add another.`;
}
