// CSV for spreadsheets, with formula-injection escaping (OWASP "CSV
// Injection"): a text cell that starts with = + - @, a tab or a carriage
// return is prefixed with a single quote so Excel, LibreOffice and Sheets show
// it as text instead of running it. Numbers are written as numbers.

const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvValue = string | number | boolean | null | undefined;

export function escapeCsvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

export type CsvColumns<T> = ReadonlyArray<{ header: string; value: (row: T) => CsvValue }>;

/** The start of a file: the BOM (Excel then reads UTF-8 names and emoji correctly) and the header line. */
export function csvHead<T>(columns: CsvColumns<T>): string {
  return `\uFEFF${columns.map((c) => escapeCsvCell(c.header)).join(",")}\r\n`;
}

/** Data lines, each ended by CRLF (RFC 4180): a file can be written a page at a time. */
export function csvLines<T>(rows: ReadonlyArray<T>, columns: CsvColumns<T>): string {
  return rows
    .map((row) => `${columns.map((c) => escapeCsvCell(c.value(row))).join(",")}\r\n`)
    .join("");
}

export function toCsv<T>(rows: ReadonlyArray<T>, columns: CsvColumns<T>): string {
  return csvHead(columns) + csvLines(rows, columns);
}
