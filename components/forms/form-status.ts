import type { FormState } from "@/lib/actions/form-state";

/**
 * "saved" or "error" for an answered submission. Actions state it; an older
 * answer without `status` is read from what it carries.
 */
export function formStatus(state: FormState): FormState["status"] {
  if (state.status) return state.status;
  const hasFieldErrors = Object.values(state.fieldErrors ?? {}).some((e) => e?.length);
  if (state.formError || hasFieldErrors) return "error";
  return state.message ? "saved" : undefined;
}

/** The errors to list at the top of a refused form: the form's own, then one per field. */
export function summaryErrors(state: FormState): { name?: string; text: string }[] {
  const fields = Object.entries(state.fieldErrors ?? {}).flatMap(([name, errors]) =>
    errors?.length ? [{ name, text: errors.join(" ") }] : [],
  );
  return state.formError ? [{ text: state.formError }, ...fields] : fields;
}
