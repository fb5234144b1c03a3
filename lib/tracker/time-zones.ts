import { isValidTimeZone } from "@/lib/tracker/calendar-day";

// This runtime's ICU lists a few zones under names the places themselves
// dropped (Asia/Calcutta, Europe/Kiev). Someone in Kolkata or Kyiv scans the
// list for their city's name, so the list offers the current name; both
// spellings are valid IANA names and time is the same under either.
const CURRENT_NAMES: Record<string, string> = {
  "Asia/Calcutta": "Asia/Kolkata",
  "Asia/Katmandu": "Asia/Kathmandu",
  "Asia/Rangoon": "Asia/Yangon",
  "Asia/Saigon": "Asia/Ho_Chi_Minh",
  "Europe/Kiev": "Europe/Kyiv",
  "Atlantic/Faeroe": "Atlantic/Faroe",
  "America/Godthab": "America/Nuuk",
  "Pacific/Truk": "Pacific/Chuuk",
  "Pacific/Ponape": "Pacific/Pohnpei",
  "Pacific/Enderbury": "Pacific/Kanton",
};

/** The zones a person may choose from: UTC, their current one, then every zone this runtime knows. */
export function selectableTimeZones(current: string): string[] {
  const zones = Intl.supportedValuesOf("timeZone")
    .map((zone) => CURRENT_NAMES[zone] ?? zone)
    .filter(isValidTimeZone)
    .sort();
  return Array.from(new Set(["UTC", current, ...zones]));
}
