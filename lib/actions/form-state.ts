/** What a refused form sends back so every field keeps what was typed: one string per field, an array for repeated names (checkbox groups). */
export type FormValues = Record<string, string | string[]>;

// The small state object every form action returns to useActionState.
export type FormState = {
  /** "saved" after a success, "error" after a refusal; absent before the first submission. */
  status?: "saved" | "error";
  fieldErrors?: Record<string, string[] | undefined>;
  formError?: string;
  message?: string;
  /** Echo of what was submitted, so a failed submission keeps it. */
  values?: FormValues;
};

/** The echoed text of a single-valued field (the first one if it was repeated). */
export function echoedValue(values: FormValues | undefined, name: string): string | undefined {
  const value = values?.[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The echoed choices of a checkbox group (empty when none were ticked). */
export function echoedValues(values: FormValues | undefined, name: string): string[] {
  const value = values?.[name];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
