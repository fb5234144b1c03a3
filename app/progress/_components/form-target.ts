import type { FormState } from "@/lib/actions/form-state";

type RowAction = (state: FormState, formData: FormData) => Promise<FormState>;

/** A tracker form either adds a row (its one-time request key) or edits one (its current values). */
export type RowFormMode<Row extends { id: string }> =
  { requestKey: string; editing?: undefined } | { editing: Row; requestKey?: undefined };

/** The action, hidden fields and button label of a form in either mode. */
export function rowFormTarget<Row extends { id: string }>(
  mode: RowFormMode<Row>,
  add: RowAction,
  edit: RowAction,
  addLabel: string,
): { action: RowAction; hidden: Record<string, string>; submitLabel: string } {
  return mode.editing
    ? { action: edit, hidden: { id: mode.editing.id }, submitLabel: "Save changes" }
    : { action: add, hidden: { requestKey: mode.requestKey ?? "" }, submitLabel: addLabel };
}
