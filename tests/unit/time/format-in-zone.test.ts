import { describe, expect, it } from "vitest";
import { formatDateIn, formatDateTimeIn } from "@/lib/time/format-in-zone";

// 23:30 UTC on December 5th: already the 6th east of Greenwich, still the 5th in New York.
const instant = new Date("2026-12-05T23:30:00.000Z");

describe("formatDateTimeIn", () => {
  it("shows the time in the person's zone and names that zone", () => {
    expect(formatDateTimeIn(instant, "Europe/Berlin")).toBe(
      "Dec 6, 2026, 12:30 AM (Europe/Berlin time)",
    );
    expect(formatDateTimeIn(instant, "America/New_York")).toBe(
      "Dec 5, 2026, 6:30 PM (America/New York time)",
    );
  });

  it("names UTC plainly for a person who has not chosen a zone", () => {
    expect(formatDateTimeIn(instant, "UTC")).toBe("Dec 5, 2026, 11:30 PM (UTC)");
  });
});

describe("formatDateIn", () => {
  it("gives the day the instant falls on in the person's zone", () => {
    expect(formatDateIn(instant, "Pacific/Kiritimati")).toBe("December 6, 2026");
    expect(formatDateIn(instant, "America/Los_Angeles")).toBe("December 5, 2026");
  });
});
