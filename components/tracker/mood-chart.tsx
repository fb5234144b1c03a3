import Link from "next/link";
import { formatDayLong, formatDayShort } from "@/lib/tracker/calendar-day";
import {
  CHART_RANGES,
  DEFAULT_GEOMETRY,
  dotsPath,
  linePath,
  pointPosition,
  type ChartRange,
  type SeriesPoint,
} from "@/lib/tracker/chart";
import {
  MISSING_MAX,
  MISSING_MIN,
  MOOD_MAX,
  MOOD_MIN,
  MOODS,
  moodWord,
} from "@/lib/tracker/scales";
import { softClass } from "@/components/ui/styles";

// Drawn on the server as plain SVG: no charting library, no client code. The
// lines differ by dash as well as colour; the text summary comes first and the
// numbers are one click away as a table, for screen readers and for anyone.

const MOOD_SCALE = { min: MOOD_MIN, max: MOOD_MAX };
const MISSING_SCALE = { min: MISSING_MIN, max: MISSING_MAX };

export function MoodChart({
  points,
  range,
  summary,
}: {
  points: SeriesPoint[];
  range: ChartRange;
  summary: string[];
}) {
  const { width, height, padding } = DEFAULT_GEOMETRY;
  const checkedIn = points.filter((p) => p.mood !== null);
  const first = points[0];
  const last = points.at(-1);
  const middle = points[Math.floor(points.length / 2)];
  const xLabels = [first, middle, last].filter((p) => p !== undefined);
  const titleId = `mood-chart-title-${range}`;
  const descId = `mood-chart-desc-${range}`;

  return (
    <figure aria-labelledby={titleId} className="mt-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={titleId} className="text-lg font-semibold">
          Mood and missing them, last {range} days
        </h3>
        <nav aria-label="Chart period" className="flex gap-3 text-sm">
          {CHART_RANGES.map((r) => (
            <Link
              key={r}
              href={r === 30 ? "/progress/history#chart" : `/progress/history?range=${r}#chart`}
              aria-current={r === range ? "page" : undefined}
              className={
                r === range
                  ? "font-semibold underline underline-offset-4"
                  : "underline-offset-4 hover:underline"
              }
            >
              {r} days
            </Link>
          ))}
        </nav>
      </div>
      <div id={descId} className={`mt-2 space-y-1 ${softClass}`}>
        {summary.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>

      {checkedIn.length === 0 ? (
        <p className="mt-4 rounded-md bg-neutral-100 p-4 text-neutral-700 dark:bg-neutral-900 dark:text-neutral-300">
          Your chart will appear here after your first check-ins.
        </p>
      ) : (
        <>
          <svg
            viewBox={`0 0 ${width} ${height}`}
            role="img"
            aria-labelledby={`${titleId} ${descId}`}
            className="mt-4 h-auto w-full text-neutral-400"
            preserveAspectRatio="xMidYMid meet"
          >
            {MOODS.map(({ value, word }) => {
              const { y } = pointPosition(0, 1, value, MOOD_SCALE);
              return (
                <g key={value}>
                  <line
                    x1={padding.left}
                    x2={width - padding.right}
                    y1={y}
                    y2={y}
                    stroke="currentColor"
                    strokeOpacity={0.3}
                    strokeWidth={1}
                  />
                  <text
                    x={padding.left - 6}
                    y={y + 4}
                    textAnchor="end"
                    fontSize={11}
                    fill="currentColor"
                  >
                    {value}
                    <title>{word}</title>
                  </text>
                </g>
              );
            })}
            {[MISSING_MIN, 5, MISSING_MAX].map((value) => {
              const { y } = pointPosition(0, 1, value, MISSING_SCALE);
              return (
                <text
                  key={`missing-${value}`}
                  x={width - padding.right + 6}
                  y={y + 4}
                  fontSize={11}
                  className="fill-sky-700 dark:fill-sky-300"
                >
                  {value}
                </text>
              );
            })}
            {xLabels.map((p, i) => {
              const index = points.indexOf(p);
              const { x } = pointPosition(index, points.length, MOOD_MIN, MOOD_SCALE);
              return (
                <text
                  key={p.day}
                  x={x}
                  y={height - 8}
                  textAnchor={i === 0 ? "start" : i === xLabels.length - 1 ? "end" : "middle"}
                  fontSize={11}
                  fill="currentColor"
                >
                  {formatDayShort(p.day)}
                </text>
              );
            })}
            <path
              d={linePath(points, "missing", MISSING_SCALE)}
              fill="none"
              strokeWidth={2}
              strokeDasharray="6 4"
              strokeLinejoin="round"
              className="stroke-sky-700 dark:stroke-sky-300"
            />
            <path
              d={linePath(points, "mood", MOOD_SCALE)}
              fill="none"
              strokeWidth={2.5}
              strokeLinejoin="round"
              className="stroke-brand-700 dark:stroke-brand-100"
            />
            {/* Dots (a lone check-in has no line): one path per metric. */}
            <path
              d={dotsPath(points, "missing", MISSING_SCALE)}
              strokeWidth={5}
              strokeLinecap="round"
              className="stroke-sky-700 dark:stroke-sky-300"
            />
            <path
              d={dotsPath(points, "mood", MOOD_SCALE)}
              strokeWidth={6}
              strokeLinecap="round"
              className="stroke-brand-700 dark:stroke-brand-100"
            />
          </svg>
          <ul className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-sm" aria-label="Legend">
            <li className="flex items-center gap-2">
              <svg width="28" height="8" aria-hidden="true">
                <line
                  x1="0"
                  x2="28"
                  y1="4"
                  y2="4"
                  strokeWidth="2.5"
                  className="stroke-brand-700 dark:stroke-brand-100"
                />
              </svg>
              Mood (solid line, 1 = very hard, 5 = really good; left scale)
            </li>
            <li className="flex items-center gap-2">
              <svg width="28" height="8" aria-hidden="true">
                <line
                  x1="0"
                  x2="28"
                  y1="4"
                  y2="4"
                  strokeWidth="2"
                  strokeDasharray="6 4"
                  className="stroke-sky-700 dark:stroke-sky-300"
                />
              </svg>
              How much you missed them (dashed line, 0 to 10; right scale)
            </li>
          </ul>
          <details className="mt-3">
            <summary className="cursor-pointer font-medium underline-offset-4 hover:underline">
              Show the numbers as a table
            </summary>
            <div className="mt-2 max-h-96 overflow-auto">
              {/* Cell styles set once here, not on each of up to 365 rows' cells. */}
              <table className="w-full text-left text-sm [&_td]:py-1 [&_th]:py-1 [&_tr>:not(:last-child)]:pr-4 [&_tbody_th]:font-normal">
                <caption className="sr-only">
                  Your check-ins in the last {range} days, newest first
                </caption>
                <thead>
                  <tr className="border-b border-neutral-300 dark:border-neutral-700">
                    <th scope="col">Day</th>
                    <th scope="col">Mood</th>
                    <th scope="col">Missing them (0–10)</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-neutral-200 dark:divide-neutral-800">
                  {[...checkedIn].reverse().map((p) => (
                    <tr key={p.day}>
                      <th scope="row">{formatDayLong(p.day)}</th>
                      <td>{`${p.mood} · ${moodWord(p.mood!)}`}</td>
                      <td>{p.missing}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </figure>
  );
}
