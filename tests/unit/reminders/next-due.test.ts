import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  localDayOf,
  localTimeToInstant,
  nextDailyDue,
  nextHardDateDue,
  zoneOffsetMinutes,
} from "@/lib/reminders/next-due";
import { addDays, daysBetween, todayIn } from "@/lib/tracker/calendar-day";

const SEED = 16_05;
// Northern DST, southern DST, a 30-minute DST shift on a 30-minute offset,
// a fixed 30-minute offset, a 45-minute offset with DST, and no DST at all.
const ZONES = [
  "America/New_York",
  "Europe/London",
  "Australia/Sydney",
  "America/Santiago",
  "Australia/Lord_Howe",
  "Asia/Kolkata",
  "Pacific/Chatham",
  "UTC",
] as const;

function wallClock(instant: Date, timeZone: string): { day: string; minute: number } {
  const local = new Date(instant.getTime() + zoneOffsetMinutes(timeZone, instant) * 60_000);
  return {
    day: local.toISOString().slice(0, 10),
    minute: local.getUTCHours() * 60 + local.getUTCMinutes(),
  };
}

describe(localDayOf, () => {
  it("agrees with todayIn", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: 0, max: 2 * 366 * 24 * 4 }),
        (zone, q) => {
          const instant = new Date(Date.UTC(2026, 0, 1) + q * 15 * 60_000);
          expect(localDayOf(zone, instant)).toBe(todayIn(zone, instant));
        },
      ),
      { seed: SEED, numRuns: 500 },
    );
  });
});

describe(localTimeToInstant, () => {
  // [why, local day, minute of the day, zone, the instant]
  it.each([
    ["an ordinary day", "2026-07-01", 20 * 60, "America/New_York", "2026-07-02T00:00:00.000Z"],
    ["a 30-minute offset", "2026-07-01", 20 * 60, "Asia/Kolkata", "2026-07-01T14:30:00.000Z"],
    // 02:30 does not exist; 03:30 EDT.
    [
      "New York's spring gap: just after it",
      "2026-03-08",
      150,
      "America/New_York",
      "2026-03-08T07:30:00.000Z",
    ],
    // 01:30 happens twice; the earlier is EDT.
    [
      "New York's autumn repeat: the earlier",
      "2026-11-01",
      90,
      "America/New_York",
      "2026-11-01T05:30:00.000Z",
    ],
    // 02:30 happens twice; the earlier is AEDT (+11).
    [
      "Sydney's April repeat: the earlier",
      "2026-04-05",
      150,
      "Australia/Sydney",
      "2026-04-04T15:30:00.000Z",
    ],
    // 02:30 does not exist; 03:30 AEDT.
    [
      "Sydney's October gap: just after it",
      "2026-10-04",
      150,
      "Australia/Sydney",
      "2026-10-03T16:30:00.000Z",
    ],
    // 02:00 jumps to 02:30 (+10:30 → +11); 02:15 lands at 02:45.
    [
      "Lord Howe's half-hour gap",
      "2026-10-04",
      135,
      "Australia/Lord_Howe",
      "2026-10-03T15:45:00.000Z",
    ],
  ] as const)("%s", (_why, day, minute, zone, instant) => {
    expect(localTimeToInstant(day, minute, zone).toISOString()).toBe(instant);
  });

  it("keeps the wall time whenever it exists, in every zone and on every day (property)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: 0, max: 2 * 366 }),
        fc.integer({ min: 0, max: 24 * 60 - 1 }),
        (zone, offset, minute) => {
          const day = addDays("2026-01-01", offset);
          const at = localTimeToInstant(day, minute, zone);
          const wall = wallClock(at, zone);
          if (wall.day === day && wall.minute === minute) return;
          // Only a time in a gap may move, forward, by at most the gap (≤ 1 h), same day or next.
          const moved = daysBetween(day, wall.day) * 1440 + wall.minute - minute;
          expect(moved).toBeGreaterThan(0);
          expect(moved).toBeLessThanOrEqual(60);
        },
      ),
      { seed: SEED, numRuns: 3_000 },
    );
  });
});

describe(nextDailyDue, () => {
  it("is later today when the time has not come yet, tomorrow when it has", () => {
    const now = new Date("2026-07-01T12:00:00Z");
    expect(nextDailyDue({ minuteOfDay: 20 * 60, timeZone: "UTC", now })).toEqual({
      day: "2026-07-01",
      at: new Date("2026-07-01T20:00:00Z"),
    });
    expect(nextDailyDue({ minuteOfDay: 9 * 60, timeZone: "UTC", now })).toEqual({
      day: "2026-07-02",
      at: new Date("2026-07-02T09:00:00Z"),
    });
  });

  it("walks a year of days in every zone: one reminder per local day, none missed, each in the future (property)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: 0, max: 24 * 60 - 1 }),
        fc.integer({ min: 0, max: 365 }),
        (zone, minute, startOffset) => {
          let now = new Date(Date.UTC(2026, 0, 1) + startOffset * 86_400_000);
          let previous: string | undefined;
          for (let i = 0; i < 370; i++) {
            const due = nextDailyDue({ minuteOfDay: minute, timeZone: zone, now, after: previous });
            expect(due.at.getTime()).toBeGreaterThan(now.getTime());
            if (previous) expect(daysBetween(previous, due.day)).toBe(1);
            // The instant falls on its local day (a gap can push it at most an hour on).
            expect(daysBetween(due.day, wallClock(due.at, zone).day)).toBeLessThanOrEqual(
              minute >= 23 * 60 ? 1 : 0,
            );
            previous = due.day;
            now = due.at; // the scheduler runs right at the due instant
          }
        },
      ),
      { seed: SEED, numRuns: 40 },
    );
  });

  it("does not send twice on the day the clocks go back, nor skip the day they go forward", () => {
    for (const [zone, back, forward] of [
      ["America/New_York", "2026-11-01", "2026-03-08"],
      ["Australia/Sydney", "2026-04-05", "2026-10-04"],
      ["Australia/Lord_Howe", "2026-04-05", "2026-10-04"],
    ] as const) {
      for (const day of [back, forward]) {
        const first = nextDailyDue({
          minuteOfDay: 150,
          timeZone: zone,
          now: localTimeToInstant(addDays(day, -1), 12 * 60, zone),
          after: addDays(day, -1),
        });
        expect(first.day).toBe(day);
        const second = nextDailyDue({
          minuteOfDay: 150,
          timeZone: zone,
          now: first.at,
          after: first.day,
        });
        expect(second.day).toBe(addDays(day, 1));
      }
    }
  });
});

describe(nextHardDateDue, () => {
  it("gives the heads-up the chosen number of days before, at the chosen time", () => {
    const due = nextHardDateDue({
      date: { month: 2, day: 14 },
      daysBefore: 7,
      minuteOfDay: 9 * 60,
      timeZone: "Australia/Sydney",
      now: new Date("2026-01-01T00:00:00Z"),
    });
    expect(due.day).toBe("2026-02-07");
    expect(due.at.toISOString()).toBe("2026-02-06T22:00:00.000Z");
  });

  it("waits for next year once this year's heads-up has passed", () => {
    const due = nextHardDateDue({
      date: { month: 2, day: 14 },
      daysBefore: 7,
      minuteOfDay: 9 * 60,
      timeZone: "UTC",
      now: new Date("2026-02-10T00:00:00Z"),
    });
    expect(due.day).toBe("2027-02-07");
  });

  it("moves on a year after it was sent, never repeating a day (property)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 1439 }),
        (zone, month, day, daysBefore, minute) => {
          const first = nextHardDateDue({
            date: { month, day },
            daysBefore,
            minuteOfDay: minute,
            timeZone: zone,
            now: new Date("2026-06-01T00:00:00Z"),
          });
          const second = nextHardDateDue({
            date: { month, day },
            daysBefore,
            minuteOfDay: minute,
            timeZone: zone,
            now: first.at,
            after: first.day,
          });
          const gap = daysBetween(first.day, second.day);
          expect(gap === 365 || gap === 366).toBe(true);
        },
      ),
      { seed: SEED, numRuns: 500 },
    );
  });
});
