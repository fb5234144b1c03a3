import { describe, expect, it } from "vitest";
import { computeInsights, INSIGHT_MIN_DAYS, type InsightRow } from "@/lib/tracker/insights";

const days = (count: number, row: InsightRow): InsightRow[] =>
  Array.from({ length: count }, () => row);

describe(computeInsights, () => {
  it("says nothing about contact until each side has enough days", () => {
    const rows = [
      ...days(INSIGHT_MIN_DAYS, { mood: 4, missing: 5, contact: "NONE" }),
      ...days(INSIGHT_MIN_DAYS - 1, { mood: 2, missing: 5, contact: "I_REACHED_OUT" }),
    ];
    const insights = computeInsights(rows);
    expect(insights.sentences).toEqual([]);
    expect(insights.waitingFor[0]).toBe("7 check-ins with contact and 7 without");
  });

  it("compares mood with and without contact, to one decimal", () => {
    const rows = [
      ...days(5, { mood: 4, missing: 5, contact: "NONE" }),
      ...days(2, { mood: 2, missing: 5, contact: "NONE" }),
      ...days(3, { mood: 3, missing: 5, contact: "THEY_REACHED_OUT" }),
      ...days(4, { mood: 2, missing: 5, contact: "WE_MET" }),
    ];
    // Without: (5*4 + 2*2) / 7 = 3.43; with: (3*3 + 4*2) / 7 = 2.43.
    expect(computeInsights(rows).sentences).toEqual([
      "On days without contact, your mood averaged 3.4 out of 5; on days with contact, 2.4.",
    ]);
  });

  it("says 'alike' when the averages round the same", () => {
    const rows = [
      ...days(7, { mood: 3, missing: 5, contact: "NONE" }),
      ...days(7, { mood: 3, missing: 5, contact: "CHECKED_SOCIAL" }),
    ];
    expect(computeInsights(rows).sentences).toEqual([
      "Your mood averaged 3.0 out of 5 on days without contact and on days with contact alike.",
    ]);
  });

  it("compares missing them a lot with missing them less, leaving out the middle", () => {
    const rows = [
      ...days(7, { mood: 2, missing: 9, contact: "NONE" }),
      ...days(7, { mood: 4, missing: 1, contact: "NONE" }),
      ...days(10, { mood: 5, missing: 5, contact: "NONE" }),
    ];
    const insights = computeInsights(rows);
    expect(insights.sentences).toEqual([
      "On days you missed them a lot (7 or more), your mood averaged 2.0 out of 5; on days you missed them less (3 or less), 4.0.",
    ]);
    expect(insights.waitingFor).toEqual(["7 check-ins with contact and 7 without"]);
  });

  it("has nothing to say about no check-ins at all", () => {
    expect(computeInsights([]).sentences).toEqual([]);
  });
});
