import { isSlip, MOOD_MIN, type ContactKind } from "@/lib/tracker/scales";
import { STEPS } from "@/lib/tracker/steps";

// The few lines shown after a check-in is saved: a kind word that fits the
// answers and one of the article's five steps to try today. Pure, so the same
// answers always get the same words (and the unit test can say which).

export type CheckInAnswers = { mood: number; missing: number; contact: ContactKind };

export type Reflection = {
  /** One or two sentences about the day, in the answers' own terms. */
  words: string;
  /** The article's step to try today. */
  step: { number: number; title: string; suggestion: string; href: string; linkLabel: string };
  /** The lowest mood: offer 988 and the hotline, gently. */
  offerCrisisLines: boolean;
};

const HIGH_MISSING = 7;

export function reflectOn({ mood, missing, contact }: CheckInAnswers): Reflection {
  const lowest = mood === MOOD_MIN;
  const words = isSlip(contact)
    ? "One day of contact does not undo the days before it. Be gentle with yourself."
    : lowest
      ? "Today sounds really hard. Thank you for writing it down; you do not have to carry it alone."
      : mood === 2
        ? "A hard day. Naming it is already something."
        : mood >= 4
          ? "A good day is worth noticing. It does not mean you are over it, and it does not need to."
          : "An okay day counts too.";
  return { words, step: stepFor({ mood, missing, contact }), offerCrisisLines: lowest };
}

function stepFor({ mood, missing, contact }: CheckInAnswers): Reflection["step"] {
  if (mood <= 2 || isSlip(contact)) {
    return {
      ...pick(3),
      suggestion: "Is there one person you could message or call today, just to talk?",
      href: "/progress/people",
      linkLabel: "Your friends and family",
    };
  }
  if (missing >= HIGH_MISSING) {
    return {
      ...pick(1),
      suggestion:
        "Missing them a lot often means remembering only the good parts. Could you write down one moment that was hard, too?",
      href: "/progress/memories",
      linkLabel: "Add a memory",
    };
  }
  if (mood >= 4) {
    return {
      ...pick(2),
      suggestion: "A good day is a good day to try something new, however small.",
      href: "/progress/goals",
      linkLabel: "Goals and new things",
    };
  }
  return {
    ...pick(5),
    suggestion:
      "These feelings will not disappear overnight, and that is normal. It just takes time.",
    href: "/progress/steps",
    linkLabel: "The five steps",
  };
}

function pick(number: 1 | 2 | 3 | 5) {
  const step = STEPS[number - 1]!;
  return { number: step.number, title: step.title };
}
