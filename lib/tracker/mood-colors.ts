// One colour per mood, shared by the check-in's cards and the calendar. Light
// enough that dark text stays readable on them in both colour schemes; never
// the only sign of a mood (the word is always there too). Literal class
// strings, so Tailwind finds them.
export const MOOD_COLORS: Record<number, string> = {
  1: "bg-rose-300",
  2: "bg-orange-200",
  3: "bg-amber-100",
  4: "bg-lime-200",
  5: "bg-emerald-300",
};

export function moodColor(mood: number): string {
  return MOOD_COLORS[Math.round(mood)] ?? "bg-neutral-200";
}
