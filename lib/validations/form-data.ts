// Turns a submitted form into a plain object for a zod schema. React adds its
// own "$ACTION_..." fields to forms that post before hydration; those are not
// the user's input. A repeated name stays an array and a file stays a file, so
// a strict schema refuses both instead of silently taking the first value.

export type FormInput = Record<string, unknown>;

/**
 * The form a server action was given, or an empty one. Anyone can call an
 * action with any arguments (React's reply encoding carries strings, numbers,
 * objects...), not only the FormData a form sends: `formData.get` on those
 * threw, and every action answered such a request with a 500. An empty form
 * fails every schema calmly instead.
 */
export function asFormData(value: unknown): FormData {
  return value instanceof FormData ? value : new FormData();
}

export function formDataToObject(formData: FormData): FormInput {
  // A Map, then Object.fromEntries: a field named "__proto__" becomes a plain
  // key (refused by the strict schema), never the object's prototype.
  const fields = new Map<string, unknown>();
  for (const [name, value] of asFormData(formData).entries()) {
    if (name.startsWith("$ACTION")) continue;
    const existing = fields.get(name);
    if (!fields.has(name)) fields.set(name, value);
    else fields.set(name, Array.isArray(existing) ? [...existing, value] : [existing, value]);
  }
  return Object.fromEntries(fields);
}

export type FieldErrors = Record<string, string[] | undefined>;
