// The one way an instant (a timestamp, not a calendar day) is shown to a
// person: in their own time zone, the one they chose in the tracker's
// settings, never the server's. A time names its zone, so "11:46 AM" cannot be
// read in the wrong one. Calendar days (check-ins, hard dates) are plain
// dates and go through lib/tracker/calendar-day.ts instead.

const LOCALE = "en-US";
const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${timeZone}|${withTime}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(
      LOCALE,
      withTime
        ? { timeZone, dateStyle: "medium", timeStyle: "short" }
        : { timeZone, dateStyle: "long" },
    );
    formats.set(key, format);
  }
  return format;
}

/** The zone's name as the person chose it: "Europe/Berlin" reads "Europe/Berlin time". */
function zoneName(timeZone: string): string {
  return timeZone === "UTC" ? "UTC" : `${timeZone.replaceAll("_", " ")} time`;
}

/** "Dec 5, 2026, 12:46 PM (Europe/Berlin time)" */
export function formatDateTimeIn(instant: Date, timeZone: string): string {
  return `${formatFor(timeZone, true).format(instant)} (${zoneName(timeZone)})`;
}

/** "December 5, 2026": the day the instant falls on in the person's zone. */
export function formatDateIn(instant: Date, timeZone: string): string {
  return formatFor(timeZone, false).format(instant);
}
