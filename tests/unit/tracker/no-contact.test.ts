import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, daysBetween } from "@/lib/tracker/calendar-day";
import { CONTACT_KINDS, isSlip } from "@/lib/tracker/scales";
import { aggregateContactDays, computeNoContactCounter } from "@/lib/tracker/no-contact";

const TODAY = "2026-11-26";

function counterFor(days: Array<[offset: number, contact: boolean]>) {
  const checkIns = days.map(([offset, contact]) => ({ day: addDays(TODAY, offset), contact }));
  return computeNoContactCounter(aggregateContactDays(checkIns, TODAY), TODAY);
}

describe(computeNoContactCounter, () => {
  it("has nothing to count before the first check-in", () => {
    expect(counterFor([])).toMatchObject({ started: false, currentRun: 0, longestRun: 0 });
  });

  it("counts every day since the first check-in when there was never contact", () => {
    expect(counterFor([[-9, false]])).toMatchObject({
      started: true,
      currentRun: 10,
      longestRun: 10,
      contactFreeInWindow: 10,
      windowDays: 10,
    });
  });

  it("does not hold a day without a check-in against anyone", () => {
    expect(
      counterFor([
        [-20, false],
        [-2, false],
      ]),
    ).toMatchObject({ currentRun: 21 });
  });

  it("ends the current run on a slip but keeps the longest run and the 30-day count", () => {
    const counter = counterFor([
      [-40, false],
      [-5, true],
      [-1, false],
    ]);
    expect(counter.currentRun).toBe(5); // the five days after the slip, today included
    expect(counter.longestRun).toBe(35); // days -40 .. -6 stay on record
    expect(counter.contactFreeInWindow).toBe(29);
    expect(counter.windowDays).toBe(30);
    expect(counter.lastContactDay).toBe(addDays(TODAY, -5));
  });

  it("shows a run of zero on a day with contact, never a negative number", () => {
    expect(
      counterFor([
        [-3, false],
        [0, true],
      ]),
    ).toMatchObject({ currentRun: 0, longestRun: 3 });
  });

  it("counts only contact the user chose as a slip, not being contacted", () => {
    expect(CONTACT_KINDS.filter(isSlip)).toEqual(["I_REACHED_OUT", "WE_MET", "CHECKED_SOCIAL"]);
    expect(isSlip("THEY_REACHED_OUT")).toBe(false);
    expect(isSlip("NONE")).toBe(false);
  });

  it("agrees with a day-by-day count for any history (property, fixed seed)", () => {
    const history = fc.uniqueArray(
      fc.record({ offset: fc.integer({ min: -400, max: 0 }), contact: fc.boolean() }),
      { selector: (d) => d.offset, maxLength: 80 },
    );
    fc.assert(
      fc.property(history, (entries) => {
        const checkIns = entries.map((e) => ({
          day: addDays(TODAY, e.offset),
          contact: e.contact,
        }));
        const counter = computeNoContactCounter(aggregateContactDays(checkIns, TODAY), TODAY);
        if (checkIns.length === 0) return counter.started === false;

        // Naive: walk every day from the first check-in to today.
        const contact = new Set(checkIns.filter((c) => c.contact).map((c) => c.day));
        const first = checkIns.map((c) => c.day).sort()[0]!;
        let run = 0;
        let longest = 0;
        let freeInWindow = 0;
        let windowDays = 0;
        for (let day = first; daysBetween(day, TODAY) >= 0; day = addDays(day, 1)) {
          run = contact.has(day) ? 0 : run + 1;
          longest = Math.max(longest, run);
          if (daysBetween(day, TODAY) < 30) {
            windowDays++;
            if (!contact.has(day)) freeInWindow++;
          }
        }
        expect(counter).toMatchObject({
          currentRun: run,
          longestRun: longest,
          contactFreeInWindow: freeInWindow,
          windowDays,
        });
      }),
      { seed: 20261126, numRuns: 300 },
    );
  });
});
