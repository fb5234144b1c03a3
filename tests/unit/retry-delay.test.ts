import { describe, expect, it } from "vitest";
import { retryDelayMs } from "@/lib/email/worker";

describe(retryDelayMs, () => {
  const options = { baseMs: 1_000, maxMs: 60_000 };

  it("doubles with each attempt, between half and all of the exponential delay", () => {
    for (const [attempt, full] of [
      [1, 1_000],
      [2, 2_000],
      [3, 4_000],
      [6, 32_000],
    ] as const) {
      expect(retryDelayMs(attempt, { ...options, random: () => 0 })).toBe(full / 2);
      expect(retryDelayMs(attempt, { ...options, random: () => 1 })).toBe(full);
    }
  });

  it("never waits longer than the maximum", () => {
    expect(retryDelayMs(30, { ...options, random: () => 1 })).toBe(60_000);
  });

  it("spreads retries out (jitter)", () => {
    const delays = new Set(Array.from({ length: 20 }, () => retryDelayMs(4, options)));
    expect(delays.size).toBeGreaterThan(1);
  });
});
