"use client";

import { useActionState } from "react";
import { type FormState } from "@/lib/actions/form-state";
import { FormMessage } from "@/components/ui/field-error";

type RowAction = (state: FormState, formData: FormData) => Promise<FormState>;

/** One button that acts on one of the user's own rows (remove, mark done). */
export function RowActionButton({
  action,
  id,
  label,
  fields = {},
  className = "text-sm underline underline-offset-4 hover:no-underline",
}: {
  action: RowAction;
  id: string;
  /** The accessible name: says which row, e.g. "Remove “run 5k”". */
  label: string;
  fields?: Record<string, string>;
  className?: string;
  children?: never;
}) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, {});
  return (
    <form action={formAction} className="inline">
      <input type="hidden" name="id" value={id} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={className} disabled={pending}>
        {label}
      </button>
      {state.formError && <FormMessage error={state.formError} />}
    </form>
  );
}
