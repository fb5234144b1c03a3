import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  SAFETY_ANSWERS,
  SAFETY_QUESTIONS,
  safetyScreenOutcome,
} from "@/lib/counseling/safety-screen";

describe(safetyScreenOutcome, () => {
  it("is clear only when every answer is no", () => {
    expect(
      safetyScreenOutcome({ afraid: "no", hurt: "no", threatened: "no", controlled: "no" }),
    ).toBe("CLEAR");
  });

  it("closes the invitation path on any yes or not sure, for every combination", () => {
    const answer = fc.constantFrom(...SAFETY_ANSWERS);
    fc.assert(
      fc.property(
        fc.record({ afraid: answer, hurt: answer, threatened: answer, controlled: answer }),
        (answers) => {
          const allNo = Object.values(answers).every((a) => a === "no");
          expect(safetyScreenOutcome(answers)).toBe(allNo ? "CLEAR" : "CONCERN");
        },
      ),
      { seed: 20261126, numRuns: 200 },
    );
  });

  it("asks about fear, physical harm, threats or force, and control", () => {
    const text = SAFETY_QUESTIONS.map((q) => q.text).join(" ");
    for (const word of ["afraid", "hurt", "threatened", "forced", "control", "money", "phone"]) {
      expect(text).toContain(word);
    }
  });
});
