"use client";

import { useActionState, useId } from "react";
import { addHardDate } from "@/lib/actions/hard-dates";
import { type FormState } from "@/lib/actions/form-state";
import { FieldError, FormMessage } from "@/components/ui/field-error";
import { buttonClass, inputClass } from "@/components/ui/styles";
import { HARD_DATE_LABEL_MAX, HARD_DATE_PLAN_MAX } from "@/lib/tracker/limits";

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

export function HardDateForm({ requestKey }: { requestKey: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(addHardDate, {});
  const id = useId();
  const errors = state.fieldErrors ?? {};
  const aria = (name: string, hint?: string) => ({
    "aria-describedby":
      [hint, errors[name] ? `${id}-${name}-error` : undefined].filter(Boolean).join(" ") ||
      undefined,
    "aria-invalid": errors[name] ? true : undefined,
  });
  return (
    <form action={action} className="mt-4 space-y-4" noValidate>
      <input type="hidden" name="requestKey" value={requestKey} />
      <FormMessage error={state.formError} message={state.message} />
      <div>
        <label htmlFor={`${id}-label`} className="block font-semibold">
          What is the date?
        </label>
        <p id={`${id}-label-hint`} className="mt-1 text-sm text-neutral-600 dark:text-neutral-400">
          For example: their birthday, our anniversary, the day we met.
        </p>
        <input
          id={`${id}-label`}
          name="label"
          type="text"
          maxLength={HARD_DATE_LABEL_MAX}
          defaultValue={state.values?.label ?? ""}
          className={inputClass}
          {...aria("label", `${id}-label-hint`)}
        />
        <FieldError id={`${id}-label-error`} errors={errors.label} />
      </div>
      <fieldset>
        <legend className="font-semibold">Which day of the year?</legend>
        <div className="mt-1 grid grid-cols-2 gap-4">
          <div>
            <label htmlFor={`${id}-month`} className="block text-sm">
              Month
            </label>
            <select
              id={`${id}-month`}
              name="month"
              defaultValue={state.values?.month ?? ""}
              className={inputClass}
              {...aria("month")}
            >
              <option value="">Choose…</option>
              {MONTHS.map((name, i) => (
                <option key={name} value={i + 1}>
                  {name}
                </option>
              ))}
            </select>
            <FieldError id={`${id}-month-error`} errors={errors.month} />
          </div>
          <div>
            <label htmlFor={`${id}-day`} className="block text-sm">
              Day
            </label>
            <select
              id={`${id}-day`}
              name="day"
              defaultValue={state.values?.day ?? ""}
              className={inputClass}
              {...aria("day")}
            >
              <option value="">Choose…</option>
              {Array.from({ length: 31 }, (_, i) => (
                <option key={i} value={i + 1}>
                  {i + 1}
                </option>
              ))}
            </select>
            <FieldError id={`${id}-day-error`} errors={errors.day} />
          </div>
        </div>
      </fieldset>
      <div>
        <label htmlFor={`${id}-plan`} className="block font-semibold">
          Your plan for the day <span className="font-normal">(optional)</span>
        </label>
        <p id={`${id}-plan-hint`} className="mt-1 text-sm text-neutral-600 dark:text-neutral-400">
          The article&apos;s advice: reach out to friends and spend the day together.
        </p>
        <textarea
          id={`${id}-plan`}
          name="plan"
          rows={2}
          maxLength={HARD_DATE_PLAN_MAX}
          defaultValue={state.values?.plan ?? ""}
          className={inputClass}
          {...aria("plan", `${id}-plan-hint`)}
        />
        <FieldError id={`${id}-plan-error`} errors={errors.plan} />
      </div>
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? "Saving…" : "Add date"}
      </button>
    </form>
  );
}
