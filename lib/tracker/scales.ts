// The words the tracker uses for its scales and choices. Numbers alone feel
// like a grade; every value has words, and the words are gentle.

export const MOODS = [
  { value: 1, word: "Very hard" },
  { value: 2, word: "Hard" },
  { value: 3, word: "Okay" },
  { value: 4, word: "Good" },
  { value: 5, word: "Really good" },
] as const;

export const MOOD_MIN = 1;
export const MOOD_MAX = 5;
export const MISSING_MIN = 0;
export const MISSING_MAX = 10;

export function moodWord(mood: number): string {
  return MOODS.find((m) => m.value === Math.round(mood))?.word ?? "";
}

export function missingWord(missing: number): string {
  const value = Math.round(missing);
  if (value <= 0) return "Not at all";
  if (value <= 3) return "A little";
  if (value <= 6) return "Quite a lot";
  if (value <= 9) return "A great deal";
  return "All the time";
}

export const CONTACT_KINDS = [
  "NONE",
  "THEY_REACHED_OUT",
  "I_REACHED_OUT",
  "WE_MET",
  "CHECKED_SOCIAL",
] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

export const CONTACT_LABELS: Record<ContactKind, string> = {
  NONE: "No contact",
  THEY_REACHED_OUT: "They reached out",
  I_REACHED_OUT: "I reached out",
  WE_MET: "We met",
  CHECKED_SOCIAL: "I checked their social media",
};

/** Contact the user chose: it ends the current no-contact run (kindly). */
export const SLIP_CONTACT_KINDS: ReadonlyArray<ContactKind> = [
  "I_REACHED_OUT",
  "WE_MET",
  "CHECKED_SOCIAL",
];

export function isSlip(contact: ContactKind): boolean {
  return SLIP_CONTACT_KINDS.includes(contact);
}

export const MEMORY_KINDS = ["GOOD", "HARD"] as const;
export type MemoryKind = (typeof MEMORY_KINDS)[number];
export const MEMORY_LABELS: Record<MemoryKind, string> = {
  GOOD: "A good memory",
  HARD: "A hard memory",
};

export const REACH_OUT_FEELINGS = ["BETTER", "SAME", "WORSE"] as const;
export type ReachOutFeeling = (typeof REACH_OUT_FEELINGS)[number];
export const REACH_OUT_FEELING_LABELS: Record<ReachOutFeeling, string> = {
  BETTER: "I felt better afterwards",
  SAME: "About the same",
  WORSE: "It was hard",
};
