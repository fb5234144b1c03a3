import { describe, expect, it } from "vitest";
import {
  addMonths,
  clampMonth,
  formatMonth,
  lastDayOf,
  monthWeeks,
} from "@/lib/tracker/month-grid";

describe("month grid", () => {
  it("steps across years", () => {
    expect(addMonths("2026-12", 1)).toBe("2027-01");
    expect(addMonths("2026-01", -1)).toBe("2025-12");
    expect(lastDayOf("2028-02")).toBe("2028-02-29");
    expect(formatMonth("2026-12")).toBe("December 2026");
  });

  it("lays a month out in Sunday-first weeks", () => {
    // December 1, 2026 is a Tuesday.
    const weeks = monthWeeks("2026-12");
    expect(weeks).toHaveLength(5);
    expect(weeks[0]).toEqual([
      null,
      null,
      "2026-12-01",
      "2026-12-02",
      "2026-12-03",
      "2026-12-04",
      "2026-12-05",
    ]);
    expect(weeks[4]).toEqual([
      "2026-12-27",
      "2026-12-28",
      "2026-12-29",
      "2026-12-30",
      "2026-12-31",
      null,
      null,
    ]);
  });

  it("keeps the month between the first day and today", () => {
    expect(clampMonth("2026-10", "2026-11-20", "2026-12-05")).toBe("2026-11");
    expect(clampMonth("2027-01", "2026-11-20", "2026-12-05")).toBe("2026-12");
    expect(clampMonth("nonsense", "2026-11-20", "2026-12-05")).toBe("2026-12");
    expect(clampMonth("2026-11", "2026-11-20", "2026-12-05")).toBe("2026-11");
  });
});
