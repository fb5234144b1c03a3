import { describe, expect, it } from "vitest";
import { reflectOn } from "@/lib/tracker/reflection";

describe(reflectOn, () => {
  it("offers the crisis lines on the lowest mood only", () => {
    expect(reflectOn({ mood: 1, missing: 5, contact: "NONE" }).offerCrisisLines).toBe(true);
    expect(reflectOn({ mood: 2, missing: 5, contact: "NONE" }).offerCrisisLines).toBe(false);
    expect(reflectOn({ mood: 5, missing: 0, contact: "NONE" }).offerCrisisLines).toBe(false);
  });

  it("suggests talking to someone on a hard day or after a slip, kindly", () => {
    const hard = reflectOn({ mood: 1, missing: 9, contact: "NONE" });
    expect(hard.step.number).toBe(3);
    expect(hard.step.href).toBe("/progress/people");
    const slip = reflectOn({ mood: 3, missing: 5, contact: "I_REACHED_OUT" });
    expect(slip.step.number).toBe(3);
    expect(slip.words).toContain("does not undo the days before it");
  });

  it("asks for a hard memory when missing them a lot on an okay day", () => {
    const r = reflectOn({ mood: 3, missing: 8, contact: "THEY_REACHED_OUT" });
    expect(r.step.number).toBe(1);
    expect(r.step.href).toBe("/progress/memories");
  });

  it("suggests something new on a good day, and time otherwise", () => {
    expect(reflectOn({ mood: 4, missing: 2, contact: "NONE" }).step.number).toBe(2);
    expect(reflectOn({ mood: 3, missing: 4, contact: "NONE" }).step.number).toBe(5);
  });
});
