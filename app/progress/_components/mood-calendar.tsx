import Link from "next/link";
import { formatDayLong, type CalendarDay } from "@/lib/tracker/calendar-day";
import { formatMonth, monthWeeks, type Month } from "@/lib/tracker/month-grid";
import { moodColor } from "@/lib/tracker/mood-colors";
import { CONTACT_LABELS, MOODS, moodWord, type ContactKind } from "@/lib/tracker/scales";
import { borderClass, linkClass, mutedClass, ownTextClass } from "@/components/ui/styles";

type DayCheckIn = {
  day: CalendarDay;
  mood: number;
  missing: number;
  contact: ContactKind;
  note: string | null;
};

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** Where a day's details open: never past the screen's edge, at 320 px either. */
const POPOVER_SIDE = [
  "left-0",
  "left-0",
  "left-0",
  "left-1/2 -translate-x-1/2",
  "right-0",
  "right-0",
  "right-0",
];

/**
 * A month of check-ins as a table (a screen reader hears a calendar: the
 * month as its caption, weekdays as column headers). A day with a check-in is
 * coloured by mood and opens its details and note on tap (a <details>, no
 * JavaScript); an empty day from the first day on links to filling it in;
 * days before the first day and after today stay blank.
 */
export function MoodCalendar({
  month,
  checkIns,
  firstDay,
  today,
}: {
  month: Month;
  checkIns: readonly DayCheckIn[];
  firstDay: CalendarDay;
  today: CalendarDay;
}) {
  const byDay = new Map(checkIns.map((c) => [c.day, c]));
  return (
    <>
      <table className="mt-4 w-full table-fixed border-separate border-spacing-1 text-center [&_td]:h-11 [&_td]:rounded-md [&_td]:p-0 [&_td]:align-middle">
        <caption className="mb-1 text-left text-lg font-semibold">
          Your moods in {formatMonth(month)}
        </caption>
        <thead>
          <tr className={`text-xs ${mutedClass}`}>
            {WEEKDAYS.map((name) => (
              <th key={name} scope="col" abbr={name} className="font-medium">
                {name.slice(0, 3)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthWeeks(month).map((week, row) => (
            <tr key={row}>
              {week.map((day, column) => (
                <DayCell
                  key={day ?? `pad-${column}`}
                  day={day}
                  column={column}
                  checkIn={day ? byDay.get(day) : undefined}
                  inRange={day !== null && day >= firstDay && day <= today}
                  today={today}
                />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <ul
        aria-label="Colours"
        className={`mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm ${mutedClass}`}
      >
        {MOODS.map((mood) => (
          <li key={mood.value} className="flex items-center gap-1.5">
            <span aria-hidden="true" className={`size-3 rounded-full ${moodColor(mood.value)}`} />
            {mood.word}
          </li>
        ))}
      </ul>
    </>
  );
}

function DayCell({
  day,
  column,
  checkIn,
  inRange,
  today,
}: {
  day: CalendarDay | null;
  column: number;
  checkIn: DayCheckIn | undefined;
  inRange: boolean;
  today: CalendarDay;
}) {
  if (!day || !inRange) return <td>{day && day > today ? <DayNumber day={day} muted /> : null}</td>;
  const editHref = day === today ? "/progress/check-in" : `/progress/check-in?day=${day}`;
  if (!checkIn) {
    return (
      <td className={`border border-dashed ${borderClass}`}>
        <Link href={editHref} className="flex h-full items-center justify-center rounded-md">
          <DayNumber day={day} />
          <span className="sr-only">Fill in {formatDayLong(day)}</span>
        </Link>
      </td>
    );
  }
  return (
    <td className={`${moodColor(checkIn.mood)} text-neutral-900`}>
      <details className="relative h-full">
        <summary className="flex h-full cursor-pointer list-none items-center justify-center rounded-md font-medium [&::-webkit-details-marker]:hidden">
          <DayNumber day={day} />
          <span className="sr-only">
            {formatDayLong(day)}: {moodWord(checkIn.mood)}
            {checkIn.note ? ", with a note" : ""}
          </span>
          {checkIn.note && (
            <span
              aria-hidden="true"
              className="absolute right-1 top-1 size-1.5 rounded-full bg-neutral-900"
            />
          )}
        </summary>
        <div
          className={`absolute top-full z-20 mt-1 w-60 rounded-lg border ${borderClass} bg-white p-3 text-left text-sm text-neutral-900 shadow-lg dark:bg-neutral-900 dark:text-neutral-100 ${POPOVER_SIDE[column]}`}
        >
          <p className="font-semibold">{formatDayLong(day)}</p>
          <p className="mt-1">
            {moodWord(checkIn.mood)} · missing them {checkIn.missing} of 10 ·{" "}
            {CONTACT_LABELS[checkIn.contact]}
          </p>
          {checkIn.note && <p className={`mt-2 ${ownTextClass}`}>{checkIn.note}</p>}
          <Link href={editHref} className={`mt-2 inline-block ${linkClass}`}>
            Change<span className="sr-only"> {formatDayLong(day)}</span>
          </Link>
        </div>
      </details>
    </td>
  );
}

function DayNumber({ day, muted }: { day: CalendarDay; muted?: boolean }) {
  return (
    <span aria-hidden="true" className={muted ? mutedClass : undefined}>
      {Number.parseInt(day.slice(8), 10)}
    </span>
  );
}
