import { type CalendarDay } from "@/lib/tracker/calendar-day";
import { csvHead, csvLines, type CsvColumns } from "@/lib/tracker/csv";
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

function checkInColumns(triggers: Map<string, string | null>): CsvColumns<CheckInExportRow> {
  return [
    { header: "day", value: (r) => r.day },
    { header: "mood (1-5)", value: (r) => r.mood },
    { header: "mood in words", value: (r) => moodWord(r.mood) },
    { header: "missing them (0-10)", value: (r) => r.missing },
    { header: "contact", value: (r) => CONTACT_LABELS[r.contact] },
    { header: "what led to contact", value: (r) => triggers.get(r.day) ?? "" },
    { header: "note", value: (r) => r.note ?? "" },
  ];
}

export function checkInsCsv(
  rows: ReadonlyArray<CheckInExportRow>,
  triggers: Map<string, string | null>,
) {
  return checkInsCsvHead() + checkInsCsvLines(rows, triggers);
}

/** The CSV a page at a time: the head once, then each page's lines with that page's triggers. */
export function checkInsCsvHead(): string {
  return csvHead(checkInColumns(new Map()));
}

export function checkInsCsvLines(
  rows: ReadonlyArray<CheckInExportRow>,
  triggers: Map<string, string | null>,
): string {
  return csvLines(rows, checkInColumns(triggers));
}

export function exportFileName(kind: "json" | "csv", today: CalendarDay): string {
  return kind === "json" ? `heartwork-tracker-${today}.json` : `heartwork-check-ins-${today}.csv`;
}
