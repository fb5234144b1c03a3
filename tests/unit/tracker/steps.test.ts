import { describe, expect, it } from "vitest";
import { memoryBalanceNudge } from "@/lib/tracker/steps";

describe(memoryBalanceNudge, () => {
  it("asks nothing while the log is short or roughly balanced", () => {
    expect(memoryBalanceNudge(0, 0)).toBeNull();
    expect(memoryBalanceNudge(2, 0)).toBeNull();
    expect(memoryBalanceNudge(3, 1)).toBeNull();
    expect(memoryBalanceNudge(4, 4)).toBeNull();
  });

  it("gently asks for a hard memory when the good ones pile up, and the other way round", () => {
    expect(memoryBalanceNudge(3, 0)).toBe("HARD");
    expect(memoryBalanceNudge(6, 2)).toBe("HARD");
    expect(memoryBalanceNudge(0, 3)).toBe("GOOD");
    expect(memoryBalanceNudge(1, 5)).toBe("GOOD");
  });
});
