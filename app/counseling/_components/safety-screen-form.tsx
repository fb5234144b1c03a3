"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/actions/form-state";
import { SAFETY_QUESTIONS } from "@/lib/counseling/safety-screen";
import { FieldError, FormMessage } from "@/components/ui/field-error";
import { buttonClass } from "@/components/ui/styles";

const CHOICES = [
  { value: "no", label: "No" },
  { value: "yes", label: "Yes" },
  { value: "unsure", label: "Not sure" },
] as const;

/** The private safety screen. The answers go to the server once and are never stored. */
export function SafetyScreenForm({
  action,
  referralId,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  /** Set when the invited partner answers, naming the referral they joined. */
  referralId?: string;
}) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, {});
  return (
    <form action={formAction} className="mt-8 space-y-6" noValidate autoComplete="off">
      {referralId ? <input type="hidden" name="referralId" value={referralId} /> : null}
      {SAFETY_QUESTIONS.map((question) => {
        const errors = state.fieldErrors?.[question.id];
        return (
          <fieldset
            key={question.id}
            aria-describedby={errors ? `${question.id}-error` : undefined}
            className="rounded-lg border border-neutral-200 p-4 dark:border-neutral-800"
          >
            <legend className="px-1 font-medium">{question.text}</legend>
            <div className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
              {CHOICES.map((choice) => (
                <label key={choice.value} className="inline-flex min-h-10 items-center gap-2">
                  <input
                    type="radio"
                    name={question.id}
                    value={choice.value}
                    required
                    className="size-5"
                  />
                  {choice.label}
                </label>
              ))}
            </div>
            <FieldError id={`${question.id}-error`} errors={errors} />
          </fieldset>
        );
      })}
      <FormMessage error={state.formError} />
      <button type="submit" className={buttonClass} disabled={pending}>
        Continue
      </button>
    </form>
  );
}
