import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { sessionCalendar, SESSION_SUMMARY } from "@/lib/booking/session-calendar";
import { zoneOffsetMinutes } from "@/lib/reminders/next-due";
import { formatAppointmentIn } from "@/lib/time/format-in-zone";
import { offerTimesSchema, offeredInstants } from "@/lib/validations/booking";
import { parseInvitation } from "@/tests/support/ics";

// A time goes from the counselor's form (a wall-clock time in their zone) to
// an instant, to the person's page (their zone, named) and to the calendar
// file (UTC, read back with ical.js). These tests hold that chain to the right
// instant across daylight-saving changes: northern (New York), southern
// (Sydney), a 30-minute offset with DST (Adelaide) and without (Kolkata).

// Hundreds of runs through Intl and ical.js: slow on a loaded two-core machine.
vi.setConfig({ testTimeout: 120_000 });

const SEED = 15_15;
const ZONES = [
  "America/New_York",
  "Australia/Sydney",
  "Australia/Adelaide",
  "Asia/Kolkata",
] as const;
const APP = { appUrl: "https://heartwork.example" };

function offerForm(zone: string, rows: { date: string; time: string; length?: number }[]) {
  const fields: Record<string, string> = {
    referralId: "ref_1",
    timeZone: zone,
    joinKind: "video",
    joinDetail: "https://video.example/room",
  };
  rows.forEach((row, i) => {
    fields[`date${i + 1}`] = row.date;
    fields[`time${i + 1}`] = row.time;
    fields[`length${i + 1}`] = String(row.length ?? 50);
  });
  return offerTimesSchema.parse(fields);
}

function wallClock(instant: Date, zone: string) {
  const local = new Date(instant.getTime() + zoneOffsetMinutes(zone, instant) * 60_000);
  return { date: local.toISOString().slice(0, 10), time: local.toISOString().slice(11, 16) };
}

function calendarOf(startsAt: Date, lengthMinutes: number) {
  return parseInvitation(
    sessionCalendar(
      {
        uid: "u@heartwork",
        sequence: 0,
        method: "REQUEST",
        startsAt,
        lengthMinutes,
        joinKind: "video",
        joinDetail: null,
        stamp: new Date("2026-01-01T00:00:00Z"),
      },
      APP,
    ),
  );
}

describe("a counselor's wall-clock time across daylight-saving changes", () => {
  it.each([
    // New York falls back on 1 Nov 2026: 01:30 happens twice; the earlier (EDT) is meant.
    ["America/New_York", "2026-11-01", "01:30", "2026-11-01T05:30:00.000Z"],
    ["America/New_York", "2026-11-01", "03:00", "2026-11-01T08:00:00.000Z"],
    // New York springs forward on 8 Mar 2026: 02:30 does not exist and lands after the gap.
    ["America/New_York", "2026-03-08", "02:30", "2026-03-08T07:30:00.000Z"],
    ["America/New_York", "2026-12-09", "18:00", "2026-12-09T23:00:00.000Z"],
    // Sydney springs forward on 4 Oct 2026 (southern spring) and falls back on 5 Apr 2026.
    ["Australia/Sydney", "2026-10-04", "09:00", "2026-10-03T22:00:00.000Z"],
    ["Australia/Sydney", "2026-10-03", "09:00", "2026-10-02T23:00:00.000Z"],
    ["Australia/Sydney", "2026-04-05", "02:30", "2026-04-04T15:30:00.000Z"],
    // Adelaide: +10:30 in summer, +09:30 in winter.
    ["Australia/Adelaide", "2026-01-15", "18:00", "2026-01-15T07:30:00.000Z"],
    ["Australia/Adelaide", "2026-07-15", "18:00", "2026-07-15T08:30:00.000Z"],
    // Kolkata: +05:30 all year.
    ["Asia/Kolkata", "2026-07-15", "18:00", "2026-07-15T12:30:00.000Z"],
  ])("%s %s %s is %s", (zone, date, time, instant) => {
    const [first] = offeredInstants(
      offerForm(zone, [
        { date, time },
        { date: "2027-01-01", time: "10:00" },
      ]),
    );
    expect(first!.startsAt.toISOString()).toBe(instant);
    expect(calendarOf(first!.startsAt, 50).start.toISOString()).toBe(instant);
  });

  it("reads back the same wall-clock time in the counselor's zone, outside the spring-forward gap", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.date({
          min: new Date("2026-01-01T00:00:00Z"),
          max: new Date("2028-12-31T00:00:00Z"),
          noInvalidDate: true,
        }),
        fc.integer({ min: 0, max: 24 * 60 - 1 }),
        (zone, day, minute) => {
          const date = day.toISOString().slice(0, 10);
          const time = `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
          const [first] = offeredInstants(
            offerForm(zone, [
              { date, time },
              { date: "2029-01-01", time: "10:00" },
            ]),
          );
          const back = wallClock(first!.startsAt, zone);
          if (back.date === date && back.time === time) return;
          // Only a time inside a spring-forward gap may move, and only forward, by the gap.
          const shift =
            zoneOffsetMinutes(zone, first!.startsAt) -
            zoneOffsetMinutes(zone, new Date(first!.startsAt.getTime() - 86_400_000));
          expect(shift).toBeGreaterThan(0);
          const entered = Date.parse(`${date}T${time}:00Z`);
          const shown = Date.parse(`${back.date}T${back.time}:00Z`);
          expect(shown - entered).toBe(shift * 60_000);
        },
      ),
      { seed: SEED, numRuns: 400 },
    );
  });

  it("puts the same instant, and the exact length, in the calendar file, and names the person's zone on the page", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.constantFrom(...ZONES),
        fc.date({
          min: new Date("2026-01-01T00:00:00Z"),
          max: new Date("2028-12-31T00:00:00Z"),
          noInvalidDate: true,
        }),
        fc.integer({ min: 15, max: 240 }),
        (counselorZone, personZone, instant, length) => {
          const startsAt = new Date(Math.floor(instant.getTime() / 60_000) * 60_000);
          const ics = calendarOf(startsAt, length);
          expect(ics.start.getTime()).toBe(startsAt.getTime());
          // Elapsed minutes, even when the session spans a clock change.
          expect(ics.end.getTime() - ics.start.getTime()).toBe(length * 60_000);
          expect(ics.summary).toBe(SESSION_SUMMARY);
          const shown = formatAppointmentIn(startsAt, personZone);
          const { time } = wallClock(startsAt, personZone);
          expect(shown).toContain(`, ${time}, `);
          expect(shown.endsWith(`${personZone.split("/")[1]!.replaceAll("_", " ")} time`)).toBe(
            true,
          );
          // The counselor's own reading of the same instant differs only by the zones' offsets.
          const diff =
            zoneOffsetMinutes(personZone, startsAt) - zoneOffsetMinutes(counselorZone, startsAt);
          const a = wallClock(startsAt, personZone);
          const b = wallClock(startsAt, counselorZone);
          expect(
            Date.parse(`${a.date}T${a.time}:00Z`) - Date.parse(`${b.date}T${b.time}:00Z`),
          ).toBe(diff * 60_000);
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  });

  it("says the example of the issue as written", () => {
    expect(formatAppointmentIn(new Date("2026-12-08T23:00:00Z"), "America/New_York")).toBe(
      "Tuesday 8 December, 18:00, New York time",
    );
    expect(formatAppointmentIn(new Date("2026-12-08T23:00:00Z"), "UTC")).toBe(
      "Tuesday 8 December, 23:00, UTC",
    );
  });
});

describe("the offer form's schema", () => {
  const base = { referralId: "ref_1", timeZone: "UTC", joinKind: "video", joinDetail: "x" };
  const errors = (fields: Record<string, string>) => {
    const result = offerTimesSchema.safeParse({ ...base, ...fields });
    return result.success ? {} : result.error.flatten().fieldErrors;
  };

  it("asks for at least two times, a date and a time for each, and 15 to 240 minutes", () => {
    expect(errors({ date1: "2030-01-01", time1: "10:00", length1: "50" })).toHaveProperty("date1");
    expect(
      errors({
        date1: "2030-01-01",
        time1: "",
        length1: "50",
        date2: "2030-01-02",
        time2: "10:00",
        length2: "50",
      }),
    ).toHaveProperty("time1");
    expect(
      errors({
        date1: "2030-01-01",
        time1: "10:00",
        length1: "0",
        date2: "2030-01-02",
        time2: "10:00",
        length2: "50",
      }),
    ).toHaveProperty("length1");
    expect(
      errors({
        date1: "2030-01-01",
        time1: "10:00",
        length1: "241",
        date2: "2030-01-02",
        time2: "10:00",
        length2: "50",
      }),
    ).toHaveProperty("length1");
    expect(
      errors({
        date1: "2030-01-01",
        time1: "10:00",
        length1: "50",
        date2: "2030-01-02",
        time2: "10:00",
        length2: "15",
      }),
    ).toEqual({});
    expect(
      errors({
        timeZone: "Mars/Olympus",
        date1: "2030-01-01",
        time1: "10:00",
        length1: "50",
        date2: "2030-01-02",
        time2: "10:00",
        length2: "50",
      }),
    ).toHaveProperty("timeZone");
  });
});
