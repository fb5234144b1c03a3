import { isValidTimeZone } from "@/lib/tracker/calendar-day";

/** The zones a person may choose from: UTC, their current one, then every zone this runtime knows. */
export function selectableTimeZones(current: string): string[] {
  const zones = Intl.supportedValuesOf("timeZone").filter(isValidTimeZone);
  return Array.from(new Set(["UTC", current, ...zones]));
}
