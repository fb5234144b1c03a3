// How "Removed. Undo" works for the tracker's lists (lib/data/pending-removals.ts).
// Pure: the client's undo bar imports the numbers too.
//
// A removed row leaves its table at once and waits, ciphertext as stored, in a
// pending removal. The page offers Undo for UNDO_SHOWN_MS; the server accepts
// it a little longer (a slow network, a click in the last second), then the
// copy is erased for good: SECURITY.md, a removed personal text lingers for
// under half a minute (the accepted window plus one purge round of 10 s).

export const UNDOABLE_LISTS = [
  "memories",
  "goals",
  "activities",
  "reachOuts",
  "hardDates",
] as const;

export type UndoableList = (typeof UNDOABLE_LISTS)[number];

/** How long the page shows "Removed. Undo". */
export const UNDO_SHOWN_MS = 10_000;

/** How long after a removal the server still restores it. */
export const UNDO_ACCEPTED_MS = 15_000;

/** Kept back from the accepted window, so an Undo clicked as the bar closes still arrives in time. */
const UNDO_MARGIN_MS = UNDO_ACCEPTED_MS - UNDO_SHOWN_MS;

/** How long to show Undo for a removal the server accepts for `acceptedForMs` more. */
export function undoShownFor(acceptedForMs: number): number {
  return Math.max(0, Math.min(UNDO_SHOWN_MS, acceptedForMs - UNDO_MARGIN_MS));
}

/** What each list calls one of its rows, for "Remove this memory?" and "Removed one memory." */
export const ROW_NOUNS: Record<UndoableList, string> = {
  memories: "memory",
  goals: "goal",
  activities: "new thing you tried",
  reachOuts: "entry",
  hardDates: "hard date",
};

/** What each list says when it is empty. */
export const EMPTY_LISTS: Record<UndoableList, string> = {
  memories: "Nothing here yet.",
  goals: "No goals yet. Something small is a fine start.",
  activities: "Nothing logged yet. Anything new counts, however small.",
  reachOuts: "Nothing logged yet.",
  hardDates: "No dates yet.",
};

/** What each list says when a row is added. */
export const ROW_ADDED: Record<UndoableList, string> = {
  memories: "Saved to your memories.",
  goals: "Goal added. Small and achievable is perfect.",
  activities: "Saved. Trying something new takes courage.",
  reachOuts: "Saved. Good friends are worth leaning on.",
  hardDates: "Saved. We will remind you two weeks before.",
};

/** The page each list lives on, where an edit returns to. */
export const LIST_PAGES: Record<UndoableList, string> = {
  memories: "/progress/memories",
  goals: "/progress/goals",
  activities: "/progress/goals",
  reachOuts: "/progress/people",
  hardDates: "/progress/hard-dates",
};

/** The DOM id of a row in its list, the target of links to it (#row-…). */
export function rowAnchor(id: string): string {
  return `row-${id}`;
}
