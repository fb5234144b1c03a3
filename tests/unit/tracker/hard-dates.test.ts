import { describe, expect, it } from "vitest";
import { todayIn } from "@/lib/tracker/calendar-day";
import {
  isValidYearlyDate,
  nextOccurrence,
  upcomingHardDates,
  VALENTINES_DAY,
} from "@/lib/tracker/hard-dates";

describe(nextOccurrence, () => {
  it("is this year's date when it has not passed, today included", () => {
    expect(nextOccurrence({ month: 12, day: 24 }, "2026-11-26")).toBe("2026-12-24");
    expect(nextOccurrence({ month: 11, day: 26 }, "2026-11-26")).toBe("2026-11-26");
  });

  it("moves to next year once the date has passed", () => {
    expect(nextOccurrence({ month: 2, day: 14 }, "2026-11-26")).toBe("2027-02-14");
    expect(nextOccurrence({ month: 11, day: 25 }, "2026-11-26")).toBe("2027-11-25");
  });

  it("keeps February 29 on February 28 in common years and on the 29th in leap years", () => {
    const leapDay = { month: 2, day: 29 };
    expect(nextOccurrence(leapDay, "2026-11-26")).toBe("2027-02-28");
    expect(nextOccurrence(leapDay, "2027-11-26")).toBe("2028-02-29");
    expect(nextOccurrence(leapDay, "2028-02-29")).toBe("2028-02-29");
    expect(nextOccurrence(leapDay, "2028-03-01")).toBe("2029-02-28");
    expect(nextOccurrence(leapDay, "2099-03-01")).toBe("2100-02-28"); // 2100 is not a leap year
  });
});

describe(upcomingHardDates, () => {
  it("warns two weeks ahead and not before, nearest first", () => {
    const dates = [
      { label: "far", month: 3, day: 1 },
      { ...VALENTINES_DAY },
      { label: "edge", month: 2, day: 15 },
    ];
    const upcoming = upcomingHardDates(dates, "2027-01-31");
    expect(upcoming.map((d) => [d.label, d.daysUntil, d.soon])).toEqual([
      ["Valentine's Day", 14, true],
      ["edge", 15, false],
      ["far", 29, false],
    ]);
  });

  it("starts the warning at the user's own midnight, not the server's", () => {
    const instant = new Date("2027-01-31T12:00:00Z");
    const valentines = [VALENTINES_DAY];
    // Already February 1 in Kiritimati (UTC+14), still January 31 in Pago Pago (UTC-11).
    expect(upcomingHardDates(valentines, todayIn("Pacific/Kiritimati", instant))[0]).toMatchObject({
      daysUntil: 13,
      soon: true,
    });
    expect(upcomingHardDates(valentines, todayIn("Pacific/Pago_Pago", instant))[0]).toMatchObject({
      daysUntil: 14,
      soon: true,
    });
    expect(
      upcomingHardDates(
        valentines,
        todayIn("Pacific/Pago_Pago", new Date("2027-01-30T12:00:00Z")),
      )[0],
    ).toMatchObject({ daysUntil: 15, soon: false });
  });
});

describe(isValidYearlyDate, () => {
  it("accepts February 29 and refuses days no year has", () => {
    expect(isValidYearlyDate({ month: 2, day: 29 })).toBe(true);
    expect(isValidYearlyDate({ month: 2, day: 30 })).toBe(false);
    expect(isValidYearlyDate({ month: 4, day: 31 })).toBe(false);
    expect(isValidYearlyDate({ month: 13, day: 1 })).toBe(false);
    expect(isValidYearlyDate({ month: 0, day: 1 })).toBe(false);
  });
});
