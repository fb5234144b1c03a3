"use client";

import { createContext, useContext } from "react";
import { echoedValue, echoedValues, type FormState } from "@/lib/actions/form-state";
import { formStatus } from "@/components/forms/form-status";

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
  // After a refusal, what this browser sent is exactly what was typed: it wins
  // over the server's echo, which is capped at each limit and leaves out what
  // must never travel back (the safety screen's answers). Without JavaScript
  // there is nothing sent to read, and the echo alone restores the form.
  const sent = formStatus(form.state) === "error" ? form.sent : null;
  return {
    id,
    hintId: `${id}-hint`,
    errorId: `${id}-error`,
    errors: form.state.fieldErrors?.[name],
    /** What the field held when refused, or `fallback` before the first refusal. */
    text: (fallback = "") => {
      const typed = sent?.get(name);
      return typeof typed === "string" ? typed : (echoedValue(values, name) ?? fallback);
    },
    /**
     * The choices ticked when refused. A refusal carries every ticked box, so a
     * box absent from it was unticked: the fallback counts only before then.
     */
    choices: (fallback: readonly string[] = []) => {
      if (sent) return sent.getAll(name).filter((v) => typeof v === "string");
      return values ? echoedValues(values, name) : [...fallback];
    },
  };
}
