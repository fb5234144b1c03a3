// The article's five steps, in its own words, and the gentle nudges the
// tracker derives from what the user logged.

import { COUNSELING_ENTRY } from "@/lib/counseling/entry-points";

export const STEPS = [
  {
    number: 1,
    title: "Remember all parts of the relationship",
    summary: "Try to remember all parts of the relationship – not just the good parts.",
    href: "/progress/memories",
  },
  {
    number: 2,
    title: "Engage in new experiences",
    summary: "Try something new, and create some achievable goals for yourself.",
    href: "/progress/goals",
  },
  {
    number: 3,
    title: "Speak to your family and friends",
    summary: "It can help to express your feelings with the people who know you best.",
    href: "/progress/people",
  },
  {
    number: 4,
    title: "Speak to a counselor",
    summary:
      "If everything seems a bit too much, or you don't understand what you're feeling, it can really help to speak to a counselor.",
    href: "/progress/steps#step-4",
  },
  {
    number: 5,
    title: "Allow yourself time",
    summary: "These feelings will not disappear overnight!",
    href: "/progress/steps#step-5",
  },
] as const;

/** The article's own reassurance for step 5. */
export const TIME_REASSURANCE =
  "These feelings will not disappear overnight! Having a broken heart is something we need to work on and talk about, and time helps to heal the wound. Don't feel bad if things have been improving, and then you have a day when you miss him again! It just takes time.";

export const COUNSELING_LINKS = {
  couples: {
    href: COUNSELING_ENTRY.us.href,
    label: "Start couples counseling (the first session is free)",
  },
  individual: { href: COUNSELING_ENTRY.me.href, label: "Talk to a counselor on your own" },
} as const;

/**
 * When the memory log leans far to one side, ask (gently) for the other kind.
 * The article's point is balance: not idealizing, not only hurting.
 */
export function memoryBalanceNudge(good: number, hard: number): "GOOD" | "HARD" | null {
  if (good + hard < 3) return null;
  if (good >= 2 * hard + 2) return "HARD";
  if (hard >= 2 * good + 2) return "GOOD";
  return null;
}

export function pluralize(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
