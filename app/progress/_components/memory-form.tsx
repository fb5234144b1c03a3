"use client";

import { useActionState, useId } from "react";
import { addMemory } from "@/lib/actions/memories";
import { type FormState } from "@/lib/actions/form-state";
import { FieldError, FormMessage } from "@/components/ui/field-error";
import { buttonClass, inputClass } from "@/components/ui/styles";
import { MEMORY_KINDS, MEMORY_LABELS } from "@/lib/tracker/scales";
import { MEMORY_MAX } from "@/lib/tracker/limits";

export function MemoryForm({
  requestKey,
  suggestKind,
}: {
  requestKey: string;
  suggestKind?: "GOOD" | "HARD";
}) {
  const [state, action, pending] = useActionState<FormState, FormData>(addMemory, {});
  const id = useId();
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="mt-4 space-y-4" noValidate>
      <input type="hidden" name="requestKey" value={requestKey} />
      <FormMessage error={state.formError} message={state.message} />
      <fieldset aria-describedby={errors.kind ? `${id}-kind-error` : undefined}>
        <legend className="font-semibold">What kind of memory is it?</legend>
        <div className="mt-2 flex flex-wrap gap-4">
          {MEMORY_KINDS.map((kind) => (
            <label key={kind} className="flex items-center gap-2">
              <input
                type="radio"
                name="kind"
                value={kind}
                defaultChecked={(state.values?.kind ?? suggestKind) === kind}
                className="accent-brand-700"
              />
              {MEMORY_LABELS[kind]}
            </label>
          ))}
        </div>
        <FieldError id={`${id}-kind-error`} errors={errors.kind} />
      </fieldset>
      <div>
        <label htmlFor={`${id}-text`} className="block font-semibold">
          The memory
        </label>
        <textarea
          id={`${id}-text`}
          name="text"
          rows={3}
          maxLength={MEMORY_MAX}
          defaultValue={state.values?.text ?? ""}
          aria-describedby={errors.text ? `${id}-text-error` : undefined}
          aria-invalid={errors.text ? true : undefined}
          className={inputClass}
        />
        <FieldError id={`${id}-text-error`} errors={errors.text} />
      </div>
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? "Saving…" : "Save memory"}
      </button>
    </form>
  );
}
