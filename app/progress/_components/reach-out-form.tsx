"use client";

import { useActionState, useId } from "react";
import { addReachOut } from "@/lib/actions/reach-outs";
import { type FormState } from "@/lib/actions/form-state";
import { FieldError, FormMessage } from "@/components/ui/field-error";
import { buttonClass, inputClass } from "@/components/ui/styles";
import { REACH_OUT_FEELING_LABELS, REACH_OUT_FEELINGS } from "@/lib/tracker/scales";
import { REACH_OUT_NOTE_MAX, WHO_MAX } from "@/lib/tracker/limits";

export function ReachOutForm({ requestKey, today }: { requestKey: string; today: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(addReachOut, {});
  const id = useId();
  const errors = state.fieldErrors ?? {};
  const describe = (name: string, hint?: string) =>
    [hint, errors[name] ? `${id}-${name}-error` : undefined].filter(Boolean).join(" ") || undefined;
  return (
    <form action={action} className="mt-4 space-y-4" noValidate>
      <input type="hidden" name="requestKey" value={requestKey} />
      <FormMessage error={state.formError} message={state.message} />
      <div>
        <label htmlFor={`${id}-who`} className="block font-semibold">
          Who you talked to
        </label>
        <p id={`${id}-who-hint`} className="mt-1 text-sm text-neutral-600 dark:text-neutral-400">
          A first name or a nickname is enough. Names are encrypted and stay private.
        </p>
        <input
          id={`${id}-who`}
          name="who"
          type="text"
          maxLength={WHO_MAX}
          defaultValue={state.values?.who ?? ""}
          aria-describedby={describe("who", `${id}-who-hint`)}
          aria-invalid={errors.who ? true : undefined}
          className={inputClass}
        />
        <FieldError id={`${id}-who-error`} errors={errors.who} />
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
          aria-describedby={describe("day")}
          aria-invalid={errors.day ? true : undefined}
          className={inputClass}
        />
        <FieldError id={`${id}-day-error`} errors={errors.day} />
      </div>
      <fieldset aria-describedby={describe("feeling")}>
        <legend className="font-semibold">How did it feel?</legend>
        <div className="mt-2 flex flex-wrap gap-4">
          {REACH_OUT_FEELINGS.map((feeling) => (
            <label key={feeling} className="flex items-center gap-2">
              <input
                type="radio"
                name="feeling"
                value={feeling}
                defaultChecked={state.values?.feeling === feeling}
                className="accent-brand-700"
              />
              {REACH_OUT_FEELING_LABELS[feeling]}
            </label>
          ))}
        </div>
        <FieldError id={`${id}-feeling-error`} errors={errors.feeling} />
      </fieldset>
      <div>
        <label htmlFor={`${id}-note`} className="block font-semibold">
          A note <span className="font-normal">(optional)</span>
        </label>
        <textarea
          id={`${id}-note`}
          name="note"
          rows={2}
          maxLength={REACH_OUT_NOTE_MAX}
          defaultValue={state.values?.note ?? ""}
          aria-describedby={describe("note")}
          aria-invalid={errors.note ? true : undefined}
          className={inputClass}
        />
        <FieldError id={`${id}-note-error`} errors={errors.note} />
      </div>
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? "Saving…" : "Save"}
      </button>
    </form>
  );
}
