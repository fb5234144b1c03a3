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

/**
 * More entries than any of our forms has (the counseling intake, the largest,
 * has about 25 with React's own): a body made of thousands of copies of one
 * field is refused here, before it costs anything.
 */
export const MAX_FORM_ENTRIES = 100;
/** The one key of a refused form: no schema knows it, so every strict schema refuses the form. */
export const TOO_MANY_FIELDS = "(too many fields)";

export function formDataToObject(formData: FormData): FormInput {
  // A Map, then Object.fromEntries: a field named "__proto__" becomes a plain
  // key (refused by the strict schema), never the object's prototype.
  const fields = new Map<string, unknown>();
  // Repeated names collect into one array, appended in place: copying it for
  // each repeat made 19,000 copies of one field hold the event loop for seconds.
  const repeated = new Set<string>();
  let entries = 0;
  for (const [name, value] of asFormData(formData).entries()) {
    if (++entries > MAX_FORM_ENTRIES) return { [TOO_MANY_FIELDS]: true };
    if (name.startsWith("$ACTION")) continue;
    if (!fields.has(name)) {
      fields.set(name, value);
    } else if (repeated.has(name)) {
      (fields.get(name) as unknown[]).push(value);
    } else {
      repeated.add(name);
      fields.set(name, [fields.get(name), value]);
    }
  }
  return Object.fromEntries(fields);
}

export type FieldErrors = Record<string, string[] | undefined>;
