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

const appointmentFormats = new Map<string, Intl.DateTimeFormat>();

/** The zone as a place: "America/New_York" reads "New York time", UTC stays "UTC". */
export function zonePlaceName(timeZone: string): string {
  if (timeZone === "UTC" || timeZone === "Etc/UTC") return "UTC";
  const place = timeZone.split("/").at(-1)!.replaceAll("_", " ");
  return `${place} time`;
}

/**
 * "Tuesday 9 December, 18:00, New York time": an appointment as the person
 * reads it, in their zone on the 24-hour clock, naming the zone so it cannot
 * be read hours off.
 */
export function formatAppointmentIn(instant: Date, timeZone: string): string {
  let format = appointmentFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      weekday: "long",
      day: "numeric",
      month: "long",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    appointmentFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? "";
  return `${part("weekday")} ${part("day")} ${part("month")}, ${part("hour")}:${part("minute")}, ${zonePlaceName(timeZone)}`;
}

const clockFormats = new Map<string, Intl.DateTimeFormat>();

/** "18:00": the time of day in the zone, 24-hour clock (the heading names the zone). */
export function formatClockIn(instant: Date, timeZone: string): string {
  let format = clockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    clockFormats.set(timeZone, format);
  }
  return format.format(instant);
}
