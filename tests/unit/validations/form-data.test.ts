import { describe, expect, it } from "vitest";
import { z } from "zod";
import { checkInSchema } from "@/lib/validations/check-in";
import { formDataToObject, MAX_FORM_ENTRIES, TOO_MANY_FIELDS } from "@/lib/validations/form-data";

/** The body of the report: about 1 MB, one field 19,000 times. */
function floodedForm(copies = 19_000): FormData {
  const form = new FormData();
  const value = "x".repeat(50);
  for (let i = 0; i < copies; i++) form.append("note", value);
  return form;
}

describe(formDataToObject, () => {
  it("refuses a form with more entries than any real form, at once", () => {
    const form = floodedForm();
    const started = performance.now();
    const input = formDataToObject(form);
    const elapsed = performance.now() - started;
    expect(input).toEqual({ [TOO_MANY_FIELDS]: true });
    expect(elapsed).toBeLessThan(50); // the quadratic parse took seconds
  });

  it("so every strict schema refuses it as a whole, without a field error to echo", () => {
    const result = checkInSchema("2026-11-26").safeParse(formDataToObject(floodedForm()));
    expect(result.success).toBe(false);
    const { formErrors, fieldErrors } = z.flattenError(result.error!);
    expect(formErrors.join(" ")).toMatch(/Unrecognized key/);
    expect(fieldErrors).not.toHaveProperty(TOO_MANY_FIELDS);
  });

  it("keeps every value of a name repeated up to the limit, in order", () => {
    const form = new FormData();
    for (let i = 0; i < MAX_FORM_ENTRIES; i++) form.append("focuses", `f${i}`);
    const { focuses } = formDataToObject(form) as { focuses: string[] };
    expect(focuses).toHaveLength(MAX_FORM_ENTRIES);
    expect(focuses.slice(0, 3)).toEqual(["f0", "f1", "f2"]);
    expect(focuses.at(-1)).toBe(`f${MAX_FORM_ENTRIES - 1}`);
  });

  it("counts React's own fields too, so they cannot carry the flood", () => {
    const form = new FormData();
    for (let i = 0; i <= MAX_FORM_ENTRIES; i++) form.append(`$ACTION_${i}`, "");
    expect(formDataToObject(form)).toEqual({ [TOO_MANY_FIELDS]: true });
  });
});
