// The printed report of a benchmark, drill or suite: figures for the person
// reading the run, as plain lines on stdout (problems on stderr). Not the app's
// logger: these are not events of a running Heartwork, they are the output the
// scripts exist to print, and they carry only the tests' own synthetic data.

export function report(line = ""): void {
  process.stdout.write(`${line}\n`);
}

export function reportProblem(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** Rows of figures as an aligned text table (column order: the first row's keys). */
export function reportTable(rows: Array<Record<string, unknown>>): void {
  const columns = Object.keys(rows[0] ?? {});
  const cells = rows.map((row) => columns.map((column) => String(row[column] ?? "")));
  const widths = columns.map((column, i) =>
    Math.max(column.length, ...cells.map((row) => row[i]!.length)),
  );
  const line = (values: string[]) => values.map((v, i) => v.padEnd(widths[i]!)).join("  ");
  report(line(columns));
  report(line(widths.map((w) => "-".repeat(w))));
  for (const row of cells) report(line(row));
}
