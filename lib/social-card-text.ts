// next/og draws with a bundled Latin font and, for any character that font
// lacks, downloads another from a font service. Nothing may leave our machine,
// so card text is folded into Latin-1 before drawing, and the rest dropped.
const FOLDS: Record<string, string> = {
  "\u2018": "'",
  "\u2019": "'",
  "\u201C": '"',
  "\u201D": '"',
  "\u2013": "-",
  "\u2014": "-",
  "\u2026": "...",
};

export function socialCardText(text: string): string {
  return [...text.normalize("NFC")]
    .map((char) => FOLDS[char] ?? char)
    .join("")
    .replace(/[^\x20-\x7E\u00A0-\u00FF]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}
