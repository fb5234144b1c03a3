import { describe, expect, it } from "vitest";
import { addDays } from "@/lib/tracker/calendar-day";
import { buildSeries, compareWeeks, describeWeek, dotsPath, linePath } from "@/lib/tracker/chart";

const TODAY = "2026-11-26";
const day = (offset: number) => addDays(TODAY, offset);

describe(buildSeries, () => {
  it("has one point per day, with gaps where there was no check-in", () => {
    const series = buildSeries([{ day: day(-1), mood: 3, missing: 7 }], TODAY, 30);
    expect(series).toHaveLength(30);
    expect(series[0]!.day).toBe(day(-29));
    expect(series.at(-1)).toEqual({ day: TODAY, mood: null, missing: null });
    expect(series.at(-2)).toEqual({ day: day(-1), mood: 3, missing: 7 });
  });
});

describe(linePath, () => {
  it("breaks the line at a missing day instead of drawing across it", () => {
    const points = [
      { day: day(-3), mood: 1, missing: 0 },
      { day: day(-2), mood: 5, missing: 0 },
      { day: day(-1), mood: null, missing: null },
      { day: TODAY, mood: 3, missing: 0 },
    ];
    const path = linePath(points, "mood", { min: 1, max: 5 });
    expect(path.match(/M/g)).toHaveLength(2);
    expect(path.match(/L/g)).toHaveLength(1);
  });
});

describe(describeWeek, () => {
  const rows = [
    ...[-13, -12, -11, -10, -9].map((o, i) => ({
      day: day(o),
      mood: [2, 2, 3, 2, 3][i]!,
      missing: 8,
    })),
    ...[-6, -5, -4, -3].map((o, i) => ({ day: day(o), mood: [3, 3, 3, 4][i]!, missing: 6 })),
  ];

  it("says how the average mood moved between last week and this week", () => {
    const { mood, missing } = compareWeeks(rows, TODAY);
    expect(describeWeek(mood)).toBe("Your average mood this week rose from 2.4 to 3.3.");
    expect(describeWeek(missing)).toBe(
      "How much you missed them this week went down from 8.0 to 6.0 out of 10.",
    );
  });

  it("speaks of a dip gently, and of no data plainly", () => {
    const { mood } = compareWeeks(
      [
        { day: day(-8), mood: 4, missing: 2 },
        { day: day(-1), mood: 3, missing: 2 },
      ],
      TODAY,
    );
    expect(describeWeek(mood)).toBe("Your average mood this week dipped from 4.0 to 3.0.");
    expect(describeWeek(compareWeeks([], TODAY).mood)).toMatch(/no check-ins/);
  });
});

describe(dotsPath, () => {
  it("draws one dot per day with a value and none for a day without", () => {
    const points = [
      { day: day(-2), mood: 1, missing: 4 },
      { day: day(-1), mood: null, missing: null },
      { day: TODAY, mood: 5, missing: 0 },
    ];
    const path = dotsPath(points, "mood", { min: 1, max: 5 });
    expect(path.match(/M/g)).toHaveLength(2);
    expect(path.match(/h0/g)).toHaveLength(2);
  });

  it("puts each dot on the line's vertex for that day", () => {
    const points = [
      { day: day(-1), mood: 2, missing: 7 },
      { day: TODAY, mood: 4, missing: 3 },
    ];
    const scale = { min: 0, max: 10 };
    const coordinates = (path: string) => path.match(/-?\d+(\.\d+)? -?\d+(\.\d+)?/g);
    expect(coordinates(dotsPath(points, "missing", scale))).toEqual(
      coordinates(linePath(points, "missing", scale)),
    );
  });
});
