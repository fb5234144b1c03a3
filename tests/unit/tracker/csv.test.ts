import { describe, expect, it } from "vitest";
import { escapeCsvCell, toCsv } from "@/lib/tracker/csv";

describe(escapeCsvCell, () => {
  it.each([
    [
      '=HYPERLINK("http://evil.example","click")',
      `"'=HYPERLINK(""http://evil.example"",""click"")"`,
    ],
    ["+1+1", "'+1+1"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "'\tcmd"],
    ["\r=1", `"'\r=1"`],
  ])("neutralises the formula %j", (input, output) => {
    expect(escapeCsvCell(input)).toBe(output);
  });

  it("quotes commas, quotes and line breaks, and leaves plain text alone", () => {
    expect(escapeCsvCell("a, b")).toBe('"a, b"');
    expect(escapeCsvCell('he said "hi"')).toBe('"he said ""hi"""');
    expect(escapeCsvCell("two\nlines")).toBe('"two\nlines"');
    expect(escapeCsvCell("calm day")).toBe("calm day");
    expect(escapeCsvCell(null)).toBe("");
  });

  it("writes numbers as numbers, negative ones too", () => {
    expect(escapeCsvCell(-3)).toBe("-3");
    expect(escapeCsvCell(7)).toBe("7");
  });
});

describe(toCsv, () => {
  it("writes a header row and CRLF lines with a UTF-8 byte-order mark", () => {
    const csv = toCsv(
      [{ day: "2026-11-26", note: "=1+1" }],
      [
        { header: "day", value: (r) => r.day },
        { header: "note", value: (r) => r.note },
      ],
    );
    expect(csv).toBe("\uFEFFday,note\r\n2026-11-26,'=1+1\r\n");
  });
});
