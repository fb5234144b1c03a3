"use client";

import { createContext, useContext } from "react";
import { echoedValue, echoedValues, type FormState } from "@/lib/actions/form-state";

type FormContextValue = {
  id: string;
  state: FormState;
  /** What this browser sent last: the full text, where the server's echo is capped. */
  sent: FormData | null;
};

export const FormContext = createContext<FormContextValue | null>(null);

/** The DOM id of a field (or of a group's first choice), the target of the error summary's link. */
export function fieldId(formId: string, name: string): string {
  return `${formId}-${name}`;
}

/** Joins the ids a control is described by, leaving out the absent ones. */
export function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  return ids.filter(Boolean).join(" ") || undefined;
}

/**
 * Everything one field needs from the form it sits in: its ids, its errors
 * and what it held when the last submission was refused. Inside an
 * <ActionForm>; every field component reads it, so no form wires ids by hand.
 */
export function useField(name: string) {
  const form = useContext(FormContext);
  if (!form) throw new Error(`The field "${name}" must sit inside an <ActionForm>.`);
  const id = fieldId(form.id, name);
  const values = form.state.values;
  return {
    id,
    hintId: `${id}-hint`,
    errorId: `${id}-error`,
    errors: form.state.fieldErrors?.[name],
    /** The echoed text, or `fallback` when nothing was echoed for this field. */
    text: (fallback = "") =>
      untruncated(echoedValue(values, name), form.sent?.get(name)) ?? fallback,
    /**
     * The echoed choices. A refused submission echoes every ticked box, so a
     * box absent from the echo was unticked: the fallback counts only before
     * the first submission.
     */
    choices: (fallback: readonly string[] = []) =>
      values ? echoedValues(values, name) : [...fallback],
  };
}

/**
 * The server echoes at most a field's limit, so a pasted 70,000 characters
 * would come back as the first 5,000 and a second "Save" would store them cut.
 * When the echo is the start of what this browser sent, the sent text wins:
 * nothing typed is ever dropped without the person deciding so.
 */
function untruncated(echoed: string | undefined, sent: FormDataEntryValue | null | undefined) {
  if (echoed === undefined || typeof sent !== "string") return echoed;
  return sent.length > echoed.length && sent.startsWith(echoed) ? sent : echoed;
}
