import { addDays, daysBetween, type CalendarDay } from "@/lib/tracker/calendar-day";

// Pure computations behind the mood chart: a day-by-day series with gaps where
// no check-in exists, the geometry of the SVG lines, and the plain-language
// summary that screen-reader users (and everyone else) read first.

export const CHART_RANGES = [30, 90] as const;
export type ChartRange = (typeof CHART_RANGES)[number];

export type DailyValues = { day: CalendarDay; mood: number; missing: number };
export type SeriesPoint = { day: CalendarDay; mood: number | null; missing: number | null };

export function parseChartRange(value: unknown): ChartRange {
  return value === "90" || value === 90 ? 90 : 30;
}

/** One point per calendar day from `today - range + 1` to `today`. */
export function buildSeries(
  rows: ReadonlyArray<DailyValues>,
  today: CalendarDay,
  range: number,
): SeriesPoint[] {
  const byDay = new Map(rows.map((r) => [r.day, r]));
  const start = addDays(today, -(range - 1));
  return Array.from({ length: range }, (_, i) => {
    const day = addDays(start, i);
    const row = byDay.get(day);
    return { day, mood: row?.mood ?? null, missing: row?.missing ?? null };
  });
}

export function average(values: ReadonlyArray<number>): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

function averageOf(
  rows: ReadonlyArray<DailyValues>,
  key: "mood" | "missing",
  from: CalendarDay,
  to: CalendarDay,
): number | null {
  return average(
    rows
      .filter((r) => daysBetween(from, r.day) >= 0 && daysBetween(r.day, to) >= 0)
      .map((r) => r[key]),
  );
}

export type WeekComparison = {
  metric: "mood" | "missing";
  previous: number | null;
  current: number | null;
};

/** This week (the last 7 days, today included) against the 7 days before it. */
export function compareWeeks(rows: ReadonlyArray<DailyValues>, today: CalendarDay) {
  const thisWeekStart = addDays(today, -6);
  const lastWeekEnd = addDays(today, -7);
  const lastWeekStart = addDays(today, -13);
  const compare = (metric: "mood" | "missing"): WeekComparison => ({
    metric,
    previous: averageOf(rows, metric, lastWeekStart, lastWeekEnd),
    current: averageOf(rows, metric, thisWeekStart, today),
  });
  return { mood: compare("mood"), missing: compare("missing") };
}

const oneDecimal = (n: number) => n.toFixed(1);

/** "Your average mood this week rose from 2.4 to 3.1." — never a judgement. */
export function describeWeek({ metric, previous, current }: WeekComparison): string {
  const subject =
    metric === "mood" ? "Your average mood this week" : "How much you missed them this week";
  const scale = metric === "mood" ? "out of 5" : "out of 10";
  if (current === null && previous === null) {
    return metric === "mood"
      ? "There are no check-ins in the last two weeks yet."
      : "There is nothing to compare yet.";
  }
  if (current === null) {
    return `${subject.replace("this week", "last week")} was ${oneDecimal(previous!)} ${scale}; there are no check-ins this week yet.`;
  }
  if (previous === null) {
    return `${subject} is ${oneDecimal(current)} ${scale}.`;
  }
  const a = oneDecimal(previous);
  const b = oneDecimal(current);
  if (a === b) return `${subject} stayed at ${b} ${scale}, the same as last week.`;
  const rose = Number(b) > Number(a);
  if (metric === "mood") return `${subject} ${rose ? "rose" : "dipped"} from ${a} to ${b}.`;
  return `${subject} went ${rose ? "up" : "down"} from ${a} to ${b} ${scale}.`;
}

export type ChartGeometry = {
  width: number;
  height: number;
  padding: { top: number; right: number; bottom: number; left: number };
};

export const DEFAULT_GEOMETRY: ChartGeometry = {
  width: 640,
  height: 220,
  padding: { top: 12, right: 30, bottom: 28, left: 30 },
};

/**
 * SVG path data for one metric, as fractions of its scale. Days without a
 * check-in break the line (a new "M"), so a gap is never drawn as a trend.
 */
export function linePath(
  points: ReadonlyArray<SeriesPoint>,
  key: "mood" | "missing",
  scale: { min: number; max: number },
  geometry: ChartGeometry = DEFAULT_GEOMETRY,
): string {
  let path = "";
  let drawing = false;
  points.forEach((point, i) => {
    const value = point[key];
    if (value === null) {
      drawing = false;
      return;
    }
    const { x, y } = pointPosition(i, points.length, value, scale, geometry);
    path += `${drawing ? "L" : "M"}${x.toFixed(1)} ${y.toFixed(1)} `;
    drawing = true;
  });
  return path.trim();
}

/**
 * One dot per day with a value, as a single path of zero-length segments
 * (drawn with round caps, the stroke width is the dot's diameter): the same
 * picture as a <circle> per day in a fraction of the markup, which every
 * dashboard render sends twice (HTML and the React payload).
 */
export function dotsPath(
  points: ReadonlyArray<SeriesPoint>,
  key: "mood" | "missing",
  scale: { min: number; max: number },
  geometry: ChartGeometry = DEFAULT_GEOMETRY,
): string {
  return points
    .flatMap((point, i) => {
      const value = point[key];
      if (value === null) return [];
      const { x, y } = pointPosition(i, points.length, value, scale, geometry);
      return [`M${x.toFixed(1)} ${y.toFixed(1)}h0`];
    })
    .join("");
}

export function pointPosition(
  index: number,
  count: number,
  value: number,
  scale: { min: number; max: number },
  geometry: ChartGeometry = DEFAULT_GEOMETRY,
): { x: number; y: number } {
  const { width, height, padding } = geometry;
  const innerWidth = width - padding.left - padding.right;
  const innerHeight = height - padding.top - padding.bottom;
  const step = count > 1 ? innerWidth / (count - 1) : 0;
  return {
    x: padding.left + index * step,
    y: padding.top + innerHeight * (1 - (value - scale.min) / (scale.max - scale.min)),
  };
}
