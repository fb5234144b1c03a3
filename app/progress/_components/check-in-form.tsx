"use client";

import { useActionState, useId } from "react";
import { recordCheckIn } from "@/lib/actions/check-ins";
import { type FormState } from "@/lib/actions/form-state";
import { FieldError, FormMessage } from "@/components/ui/field-error";
import { buttonClass, inputClass } from "@/components/ui/styles";
import {
  CONTACT_KINDS,
  CONTACT_LABELS,
  isSlip,
  MISSING_MAX,
  MISSING_MIN,
  MOODS,
  type ContactKind,
} from "@/lib/tracker/scales";
import { NOTE_MAX, TRIGGER_MAX } from "@/lib/tracker/limits";

export type CheckInDefaults = {
  mood: number;
  missing: number;
  contact: ContactKind;
  note: string | null;
  trigger: string | null;
} | null;

const legendClass = "text-base font-semibold";
const choiceClass =
  "flex cursor-pointer items-center gap-2 rounded-md border border-neutral-300 px-3 py-2 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50 dark:border-neutral-700 dark:has-[:checked]:border-brand-100 dark:has-[:checked]:bg-neutral-900";

export function CheckInForm({
  day,
  dayLabel,
  defaults,
}: {
  day: string;
  /** "today" or the long date, for the legends. */
  dayLabel: string;
  defaults: CheckInDefaults;
}) {
  const [state, action, pending] = useActionState<FormState, FormData>(recordCheckIn, {});
  const id = useId();
  const errors = state.fieldErrors ?? {};
  const value = (name: string, fallback: string) => state.values?.[name] ?? fallback;
  const describedBy = (name: string, hint?: string) =>
    [hint, errors[name] ? `${id}-${name}-error` : undefined].filter(Boolean).join(" ") || undefined;
  const onDay = dayLabel === "today" ? "today" : `on ${dayLabel}`;

  return (
    <form action={action} className="group mt-4 space-y-6" noValidate>
      <input type="hidden" name="day" value={day} />
      <FormMessage error={state.formError} message={state.message} />
      {errors.day && <FieldError id={`${id}-day-error`} errors={errors.day} />}

      <fieldset aria-describedby={describedBy("mood")}>
        <legend className={legendClass}>How are you feeling {onDay}?</legend>
        <div className="mt-2 grid grid-cols-1 gap-2 sm:grid-cols-5">
          {MOODS.map((mood) => (
            <label key={mood.value} className={choiceClass}>
              <input
                type="radio"
                name="mood"
                value={mood.value}
                defaultChecked={value("mood", String(defaults?.mood ?? "")) === String(mood.value)}
                required
                className="accent-brand-700"
              />
              <span>
                {mood.word}{" "}
                <span className="text-neutral-600 dark:text-neutral-400">({mood.value} of 5)</span>
              </span>
            </label>
          ))}
        </div>
        <FieldError id={`${id}-mood-error`} errors={errors.mood} />
      </fieldset>

      <fieldset aria-describedby={describedBy("missing", `${id}-missing-hint`)}>
        <legend className={legendClass}>How much do you miss them {onDay}?</legend>
        <p
          id={`${id}-missing-hint`}
          className="mt-1 text-sm text-neutral-600 dark:text-neutral-400"
        >
          0 means not at all, 10 means all the time. Any number is okay.
        </p>
        <div className="mt-2 flex flex-wrap gap-2">
          {Array.from({ length: MISSING_MAX - MISSING_MIN + 1 }, (_, i) => MISSING_MIN + i).map(
            (n) => (
              <label key={n} className={`${choiceClass} min-w-12 justify-center`}>
                <input
                  type="radio"
                  name="missing"
                  value={n}
                  defaultChecked={value("missing", String(defaults?.missing ?? "")) === String(n)}
                  required
                  className="accent-brand-700"
                />
                <span>
                  {n}
                  {n === MISSING_MIN && <span className="sr-only"> (not at all)</span>}
                  {n === MISSING_MAX && <span className="sr-only"> (all the time)</span>}
                </span>
              </label>
            ),
          )}
        </div>
        <FieldError id={`${id}-missing-error`} errors={errors.missing} />
      </fieldset>

      <fieldset aria-describedby={describedBy("contact")}>
        <legend className={legendClass}>Were you in contact {onDay}?</legend>
        <div className="mt-2 grid grid-cols-1 gap-2 sm:grid-cols-2">
          {CONTACT_KINDS.map((kind) => (
            <label key={kind} className={choiceClass}>
              <input
                type="radio"
                name="contact"
                value={kind}
                data-slip={isSlip(kind) ? "" : undefined}
                defaultChecked={value("contact", defaults?.contact ?? "") === kind}
                required
                className="accent-brand-700"
              />
              <span>{CONTACT_LABELS[kind]}</span>
            </label>
          ))}
        </div>
        <FieldError id={`${id}-contact-error`} errors={errors.contact} />
      </fieldset>

      {/* Only asked when the chosen contact was the user's own; shown without JavaScript by :has(). */}
      <div className="hidden group-has-[input[data-slip]:checked]:block">
        <label htmlFor={`${id}-trigger`} className="block font-semibold">
          What led to it? <span className="font-normal">(optional)</span>
        </label>
        <p
          id={`${id}-trigger-hint`}
          className="mt-1 text-sm text-neutral-600 dark:text-neutral-400"
        >
          Noticing what led to contact can help next time. It is not a mark against you.
        </p>
        <textarea
          id={`${id}-trigger`}
          name="trigger"
          rows={2}
          maxLength={TRIGGER_MAX}
          defaultValue={value("trigger", defaults?.trigger ?? "")}
          aria-describedby={describedBy("trigger", `${id}-trigger-hint`)}
          aria-invalid={errors.trigger ? true : undefined}
          className={inputClass}
        />
        <FieldError id={`${id}-trigger-error`} errors={errors.trigger} />
      </div>

      <div>
        <label htmlFor={`${id}-note`} className="block font-semibold">
          A private note <span className="font-normal">(optional)</span>
        </label>
        <p id={`${id}-note-hint`} className="mt-1 text-sm text-neutral-600 dark:text-neutral-400">
          Only you can read it. It is encrypted before it is stored.
        </p>
        <textarea
          id={`${id}-note`}
          name="note"
          rows={4}
          maxLength={NOTE_MAX}
          defaultValue={value("note", defaults?.note ?? "")}
          aria-describedby={describedBy("note", `${id}-note-hint`)}
          aria-invalid={errors.note ? true : undefined}
          className={inputClass}
        />
        <FieldError id={`${id}-note-error`} errors={errors.note} />
      </div>

      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? "Saving…" : "Save check-in"}
      </button>
    </form>
  );
}
