// The private safety screen both partners answer, each alone, before anything
// joint. Its questions follow the universal-screening guidance in docs/product.md
// (fear, physical harm, threats or force, coercive control). Only the outcome
// is kept: the answers are reduced to it in memory and never stored, shown to
// the partner, emailed or logged.

export const SAFETY_QUESTIONS = [
  { id: "afraid", text: "Are you ever afraid of your partner?" },
  {
    id: "hurt",
    text: "Has your partner ever hit, pushed, choked or otherwise physically hurt you?",
  },
  {
    id: "threatened",
    text: "Has your partner threatened you, or forced you to do things you did not want to do?",
  },
  {
    id: "controlled",
    text: "Does your partner control where you go, who you see, your money or your phone?",
  },
] as const;

export type SafetyQuestionId = (typeof SAFETY_QUESTIONS)[number]["id"];

/** "Not sure" is treated like "yes": when in doubt, we do not arrange joint sessions. */
export const SAFETY_ANSWERS = ["no", "yes", "unsure"] as const;
export type SafetyAnswer = (typeof SAFETY_ANSWERS)[number];

export type SafetyScreenOutcome = "CLEAR" | "CONCERN";

export function safetyScreenOutcome(
  answers: Readonly<Record<SafetyQuestionId, SafetyAnswer>>,
): SafetyScreenOutcome {
  return SAFETY_QUESTIONS.every(({ id }) => answers[id] === "no") ? "CLEAR" : "CONCERN";
}
