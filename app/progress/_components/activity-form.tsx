"use client";

import { useActionState, useId } from "react";
import { addActivity } from "@/lib/actions/goals";
import { type FormState } from "@/lib/actions/form-state";
import { FieldError, FormMessage } from "@/components/ui/field-error";
import { buttonClass, inputClass } from "@/components/ui/styles";
import { ACTIVITY_TITLE_MAX } from "@/lib/tracker/limits";

export function ActivityForm({ requestKey, today }: { requestKey: string; today: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(addActivity, {});
  const id = useId();
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="mt-4 space-y-4" noValidate>
      <input type="hidden" name="requestKey" value={requestKey} />
      <FormMessage error={state.formError} message={state.message} />
      <div>
        <label htmlFor={`${id}-title`} className="block font-semibold">
          Something new you tried
        </label>
        <input
          id={`${id}-title`}
          name="title"
          type="text"
          maxLength={ACTIVITY_TITLE_MAX}
          defaultValue={state.values?.title ?? ""}
          aria-describedby={errors.title ? `${id}-title-error` : undefined}
          aria-invalid={errors.title ? true : undefined}
          className={inputClass}
        />
        <FieldError id={`${id}-title-error`} errors={errors.title} />
      </div>
      <div>
        <label htmlFor={`${id}-day`} className="block font-semibold">
          When
        </label>
        <input
          id={`${id}-day`}
          name="day"
          type="date"
          min="1900-01-01"
          max={today}
          defaultValue={state.values?.day ?? today}
          aria-describedby={errors.day ? `${id}-day-error` : undefined}
          aria-invalid={errors.day ? true : undefined}
          className={inputClass}
        />
        <FieldError id={`${id}-day-error`} errors={errors.day} />
      </div>
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? "Saving…" : "Save activity"}
      </button>
    </form>
  );
}
