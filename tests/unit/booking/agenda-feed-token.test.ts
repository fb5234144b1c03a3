import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  agendaFeedPath,
  agendaFeedTokenFromSegment,
  generateAgendaFeedToken,
  hashAgendaFeedToken,
} from "@/lib/booking/agenda-feed-token";
import { formatClockIn } from "@/lib/time/format-in-zone";

// The calendar feed's link: 256 random bits, only the SHA-256 kept, and a
// path segment read back only when it is exactly a token (with or without .ics).

describe("the agenda feed token", () => {
  it("is 32 random bytes in base64url, hashed with SHA-256, never the same twice", () => {
    const tokens = Array.from({ length: 50 }, () => generateAgendaFeedToken());
    for (const { token, tokenHash } of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(token, "base64url")).toHaveLength(32);
      expect(tokenHash).toBe(createHash("sha256").update(token).digest("base64url"));
      expect(hashAgendaFeedToken(token)).toBe(tokenHash);
      expect(tokenHash).not.toBe(token);
    }
    expect(new Set(tokens.map((t) => t.token)).size).toBe(50);
  });

  it("reads a path segment back only when it is a token", () => {
    const { token } = generateAgendaFeedToken();
    expect(agendaFeedPath(token)).toBe(`/team/agenda/feed/${token}.ics`);
    expect(agendaFeedTokenFromSegment(`${token}.ics`)).toBe(token);
    expect(agendaFeedTokenFromSegment(token)).toBe(token);
    for (const bad of [`${token}.txt`, `${token}x.ics`, token.slice(1), "", ".ics", "../x.ics"]) {
      expect(agendaFeedTokenFromSegment(bad), bad).toBeNull();
    }
  });
});

describe(formatClockIn, () => {
  it("says the time of day in the zone on the 24-hour clock, across a DST change", () => {
    expect(formatClockIn(new Date("2027-03-14T06:30:00Z"), "America/New_York")).toBe("01:30");
    expect(formatClockIn(new Date("2027-03-14T07:30:00Z"), "America/New_York")).toBe("03:30");
    expect(formatClockIn(new Date("2027-04-03T15:45:00Z"), "Australia/Adelaide")).toBe("02:15");
    expect(formatClockIn(new Date("2027-04-03T16:45:00Z"), "Australia/Adelaide")).toBe("02:15");
  });
});
