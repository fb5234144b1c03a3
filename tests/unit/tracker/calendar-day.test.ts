import { describe, expect, it } from "vitest";
import {
  addDays,
  daysBetween,
  isCalendarDay,
  isValidTimeZone,
  todayIn,
} from "@/lib/tracker/calendar-day";

describe(isCalendarDay, () => {
  it.each(["2024-02-29", "1900-01-01", "2026-12-31"])("accepts the real day %s", (day) => {
    expect(isCalendarDay(day)).toBe(true);
  });

  it.each(["2025-02-29", "2026-13-01", "2026-04-31", "26-01-01", "2026-1-1", "", "2026-01-01T00"])(
    "refuses %j",
    (day) => {
      expect(isCalendarDay(day)).toBe(false);
    },
  );
});

describe(addDays, () => {
  it("crosses months, years and leap days", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2025-02-28", 1)).toBe("2025-03-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });

  it("is not moved by daylight-saving changes", () => {
    expect(daysBetween("2026-03-07", "2026-03-09")).toBe(2);
    expect(daysBetween("2026-10-24", "2026-10-26")).toBe(2);
  });
});

describe(todayIn, () => {
  it("gives each time zone its own calendar day at the same instant", () => {
    const instant = new Date("2026-11-26T08:30:00Z");
    expect(todayIn("UTC", instant)).toBe("2026-11-26");
    expect(todayIn("Pacific/Kiritimati", instant)).toBe("2026-11-26"); // UTC+14: 22:30
    expect(todayIn("Pacific/Pago_Pago", instant)).toBe("2026-11-25"); // UTC-11: 21:30 the day before
    expect(todayIn("Asia/Kolkata", new Date("2026-11-26T18:45:00Z"))).toBe("2026-11-27");
  });
});

describe(isValidTimeZone, () => {
  it("knows real IANA zones and refuses made-up ones", () => {
    expect(isValidTimeZone("Europe/Berlin")).toBe(true);
    expect(isValidTimeZone("UTC")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
  });
});
