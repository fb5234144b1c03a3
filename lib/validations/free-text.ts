import { z } from "zod";

// The one rule for anything a person writes in their own words: notes,
// memories, goals, plans, names, the invitation message, the decline note,
// the intake note, a phone number. In this order:
//
//   1. control characters are refused, with a message that says so, except
//      tab, line feed and carriage return (what a textarea sends). A pasted
//      NUL or escape sequence is refused rather than silently removed, so what
//      is stored is exactly what the person sees.
//   2. surrounding whitespace is trimmed,
//   3. then the length limit counts what is left, and its message names the
//      limit and how long the text is, so nothing is ever cut silently.

/** Every Unicode control character (category Cc) except tab, LF and CR. */
const FORBIDDEN_CONTROL = /[^\P{Cc}\t\n\r]/u;

export const HIDDEN_CHARACTER_MESSAGE =
  "This text contains a hidden control character, often copied in with pasted text. Please retype the part you pasted.";

const count = (n: number) => n.toLocaleString("en-US");

export function tooLongMessage(max: number, length: number): string {
  return `Please keep this to ${count(max)} characters or fewer. It has ${count(length)}.`;
}

/** Free text held to `max` characters after trimming; may be empty. */
export function freeText(max: number, notText = "Please write this as text.") {
  return z
    .string({ error: notText })
    .refine((value) => !FORBIDDEN_CONTROL.test(value), {
      error: HIDDEN_CHARACTER_MESSAGE,
      abort: true,
    })
    .trim()
    .max(max, { error: (issue) => tooLongMessage(max, String(issue.input ?? "").length) });
}

/** Optional free text: empty (or only spaces, or not sent) means absent. */
export function optionalText(max: number) {
  return freeText(max)
    .optional()
    .transform((value) => (value ? value : undefined));
}

/** Free text that must say something: "Please write the goal." when empty. */
export function requiredText(max: number, label: string) {
  const missing = `Please write ${label.toLowerCase()}.`;
  return freeText(max, missing).min(1, { error: missing });
}
