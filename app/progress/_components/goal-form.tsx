"use client";

import { useActionState, useId } from "react";
import { addGoal } from "@/lib/actions/goals";
import { type FormState } from "@/lib/actions/form-state";
import { FieldError, FormMessage } from "@/components/ui/field-error";
import { buttonClass, inputClass } from "@/components/ui/styles";
import { GOAL_NOTE_MAX, GOAL_TITLE_MAX } from "@/lib/tracker/limits";

export function GoalForm({ requestKey }: { requestKey: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(addGoal, {});
  const id = useId();
  const errors = state.fieldErrors ?? {};
  const field = (name: string) => ({
    id: `${id}-${name}`,
    name,
    defaultValue: state.values?.[name] ?? "",
    "aria-describedby": errors[name] ? `${id}-${name}-error` : undefined,
    "aria-invalid": errors[name] ? true : undefined,
    className: inputClass,
  });
  return (
    <form action={action} className="mt-4 space-y-4" noValidate>
      <input type="hidden" name="requestKey" value={requestKey} />
      <FormMessage error={state.formError} message={state.message} />
      <div>
        <label htmlFor={`${id}-title`} className="block font-semibold">
          Your goal
        </label>
        <input type="text" maxLength={GOAL_TITLE_MAX} {...field("title")} />
        <FieldError id={`${id}-title-error`} errors={errors.title} />
      </div>
      <div>
        <label htmlFor={`${id}-targetDate`} className="block font-semibold">
          Target date <span className="font-normal">(optional)</span>
        </label>
        <input type="date" min="1900-01-01" {...field("targetDate")} />
        <FieldError id={`${id}-targetDate-error`} errors={errors.targetDate} />
      </div>
      <div>
        <label htmlFor={`${id}-note`} className="block font-semibold">
          A note <span className="font-normal">(optional)</span>
        </label>
        <textarea rows={2} maxLength={GOAL_NOTE_MAX} {...field("note")} />
        <FieldError id={`${id}-note-error`} errors={errors.note} />
      </div>
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? "Saving…" : "Add goal"}
      </button>
    </form>
  );
}
