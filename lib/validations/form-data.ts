// Turns a submitted form into a plain object for a zod schema. React adds its
// own "$ACTION_..." fields to forms that post before hydration; those are not
// the user's input. A repeated name stays an array and a file stays a file, so
// a strict schema refuses both instead of silently taking the first value.

export type FormInput = Record<string, unknown>;

export function formDataToObject(formData: FormData): FormInput {
  const object: FormInput = {};
  for (const [name, value] of formData.entries()) {
    if (name.startsWith("$ACTION")) continue;
    if (Object.hasOwn(object, name)) {
      const existing = object[name];
      object[name] = Array.isArray(existing) ? [...existing, value] : [existing, value];
    } else {
      object[name] = value;
    }
  }
  return object;
}

export type FieldErrors = Record<string, string[] | undefined>;
