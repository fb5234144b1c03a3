import { asFormData } from "@/lib/validations/form-data";

// The small state object every form action returns to useActionState.
export type FormState = {
  fieldErrors?: Record<string, string[] | undefined>;
  formError?: string;
  message?: string;
  /** Echo of what was typed, so a failed submission keeps it. */
  values?: Record<string, string>;
};

/** Reads named string fields from a FormData, ignoring everything else (React's $ACTION_ keys). */
export function formFields<K extends string>(
  formData: FormData,
  names: readonly K[],
): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const name of names) {
    const value = asFormData(formData).get(name);
    if (typeof value === "string") out[name] = value;
  }
  return out;
}
