import { type CalendarDay } from "@/lib/tracker/calendar-day";
import { toCsv } from "@/lib/tracker/csv";
import { CONTACT_LABELS, moodWord, type ContactKind } from "@/lib/tracker/scales";

// The two export formats. JSON carries everything; the CSV is the check-ins,
// one row a day, for a spreadsheet (formula-escaped by toCsv).

export const EXPORT_FORMAT_VERSION = 1;

export type CheckInExportRow = {
  day: CalendarDay;
  mood: number;
  missing: number;
  contact: ContactKind;
  note: string | null;
};

export function checkInsCsv(
  rows: ReadonlyArray<CheckInExportRow>,
  triggers: Map<string, string | null>,
) {
  return toCsv(rows, [
    { header: "day", value: (r) => r.day },
    { header: "mood (1-5)", value: (r) => r.mood },
    { header: "mood in words", value: (r) => moodWord(r.mood) },
    { header: "missing them (0-10)", value: (r) => r.missing },
    { header: "contact", value: (r) => CONTACT_LABELS[r.contact] },
    { header: "what led to contact", value: (r) => triggers.get(r.day) ?? "" },
    { header: "note", value: (r) => r.note ?? "" },
  ]);
}

export function exportFileName(kind: "json" | "csv", today: CalendarDay): string {
  return kind === "json" ? `heartwork-tracker-${today}.json` : `heartwork-check-ins-${today}.csv`;
}
