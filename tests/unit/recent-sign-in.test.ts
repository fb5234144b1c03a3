import { describe, expect, it } from "vitest";
import { isRecentSignIn } from "@/lib/auth/recent-sign-in";

describe(isRecentSignIn, () => {
  const now = Date.parse("2026-11-26T12:00:00Z");
  it.each([
    [0, true],
    [9 * 60_000, true],
    [10 * 60_000, true],
    [10 * 60_000 + 1, false],
    [24 * 3600_000, false],
  ])("a sign-in %d ms ago is recent: %s", (ago, expected) => {
    expect(isRecentSignIn({ signedInAt: new Date(now - ago) }, now)).toBe(expected);
  });
});
