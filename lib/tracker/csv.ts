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

export function toCsv<T>(
  rows: ReadonlyArray<T>,
  columns: ReadonlyArray<{ header: string; value: (row: T) => CsvValue }>,
): string {
  const lines = [
    columns.map((c) => escapeCsvCell(c.header)).join(","),
    ...rows.map((row) => columns.map((c) => escapeCsvCell(c.value(row))).join(",")),
  ];
  // CRLF per RFC 4180; the BOM makes Excel read UTF-8 (names, emoji) correctly.
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
