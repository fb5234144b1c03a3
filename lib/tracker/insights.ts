import type { ContactKind } from "@/lib/tracker/scales";

// Patterns in words, from the person's own check-ins, computed on the server.
// A comparison is only said when each side has enough days to mean something:
// two or three days either way is chance, not a pattern. No judgement and no
// advice in the sentence itself: the numbers, plainly.

/** Each side of a comparison needs at least this many check-ins. */
export const INSIGHT_MIN_DAYS = 7;
/** Patterns are about lately: check-ins from this many days back, today included. */
export const INSIGHT_WINDOW_DAYS = 90;
/** "Missing them a lot" and "less" on the 0–10 scale. */
const MISSING_A_LOT = 7;
const MISSING_LESS = 3;

export type InsightRow = { mood: number; missing: number; contact: ContactKind };

export type Insights = {
  /** The sentences that can be said honestly (possibly none). */
  sentences: string[];
  /** When a comparison could not be made yet, what it still needs. */
  waitingFor: string[];
};

const avg = (rows: readonly InsightRow[]) => rows.reduce((sum, r) => sum + r.mood, 0) / rows.length;
const oneDecimal = (n: number) => n.toFixed(1);

function compare(
  a: { rows: InsightRow[]; words: string },
  b: { rows: InsightRow[]; words: string },
): string | null {
  if (a.rows.length < INSIGHT_MIN_DAYS || b.rows.length < INSIGHT_MIN_DAYS) return null;
  const x = oneDecimal(avg(a.rows));
  const y = oneDecimal(avg(b.rows));
  if (x === y) return `Your mood averaged ${x} out of 5 ${a.words} and ${b.words} alike.`;
  return `${capitalize(a.words)}, your mood averaged ${x} out of 5; ${b.words}, ${y}.`;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function computeInsights(rows: readonly InsightRow[]): Insights {
  const sentences: string[] = [];
  const waitingFor: string[] = [];

  const without = rows.filter((r) => r.contact === "NONE");
  const withContact = rows.filter((r) => r.contact !== "NONE");
  const contact = compare(
    { rows: without, words: "on days without contact" },
    { rows: withContact, words: "on days with contact" },
  );
  if (contact) sentences.push(contact);
  else
    waitingFor.push(`${INSIGHT_MIN_DAYS} check-ins with contact and ${INSIGHT_MIN_DAYS} without`);

  const aLot = rows.filter((r) => r.missing >= MISSING_A_LOT);
  const less = rows.filter((r) => r.missing <= MISSING_LESS);
  const missing = compare(
    { rows: aLot, words: `on days you missed them a lot (${MISSING_A_LOT} or more)` },
    { rows: less, words: `on days you missed them less (${MISSING_LESS} or less)` },
  );
  if (missing) sentences.push(missing);
  else
    waitingFor.push(
      `${INSIGHT_MIN_DAYS} days of missing them a lot and ${INSIGHT_MIN_DAYS} of missing them less`,
    );

  return { sentences, waitingFor };
}
