// The "I want to text them" pause: what each way out of it says afterwards.
// No blame for a slip: it is information, and it never wipes out the days before.

export type PauseOutcome = "REACHED_OUT" | "SLIPPED" | "KEPT_DRAFT";

export const PAUSE_CHOICE_LABELS: Record<PauseOutcome, string> = {
  REACHED_OUT: "Reach out to someone else instead",
  KEPT_DRAFT: "Keep the message for tomorrow",
  SLIPPED: "I contacted them anyway",
};

export const PAUSE_ENDINGS: Record<PauseOutcome, string> = {
  REACHED_OUT: "Good call. Someone who cares about you is a good person to talk to right now.",
  KEPT_DRAFT: "Kept for tomorrow, and not sent. Read it again, or delete it, whenever you like.",
  SLIPPED: "Noted, without judgement. It happens, and it does not undo the days before.",
};

/** How long after a pause ended the page still shows what was chosen. */
export const ENDING_SHOWN_MS = 30 * 60_000;
