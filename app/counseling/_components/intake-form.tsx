"use client";

import { useActionState, useState } from "react";
import { submitIntake } from "@/lib/actions/counseling";
import type { FormState } from "@/lib/actions/form-state";
import {
  COUNSELING_CONTACTS,
  COUNSELING_FOCUSES,
  COUNSELING_FORMATS,
  COUNSELING_TIMES,
  INTAKE_NOTE_MAX_LENGTH,
  type CounselingContact,
} from "@/lib/counseling/intake";
import { FieldError, FormMessage } from "@/components/ui/field-error";
import { buttonClass, inputClass } from "@/components/ui/styles";

const fieldsetClass = "rounded-lg border border-neutral-200 p-4 dark:border-neutral-800";
const hintClass = "mt-1 text-sm text-neutral-600 dark:text-neutral-400";
const optionClass = "flex min-h-10 items-start gap-2 py-1";

function errorProps(errors: string[] | undefined, id: string) {
  return errors ? { "aria-describedby": id, "aria-invalid": true as const } : {};
}

export function IntakeForm({ couplesAllowed }: { couplesAllowed: boolean }) {
  const [state, action, pending] = useActionState<FormState, FormData>(submitIntake, {});
  const [contact, setContact] = useState<CounselingContact>("EMAIL");
  const errors = state.fieldErrors ?? {};
  const formats = couplesAllowed
    ? (Object.keys(COUNSELING_FORMATS) as (keyof typeof COUNSELING_FORMATS)[])
    : (["INDIVIDUAL"] as const);

  return (
    <form action={action} className="mt-8 space-y-6" noValidate>
      <fieldset className={fieldsetClass} {...errorProps(errors.format, "format-error")}>
        <legend className="px-1 font-medium">What would you like?</legend>
        {formats.map((format, index) => (
          <label key={format} className={optionClass}>
            <input
              type="radio"
              name="format"
              value={format}
              defaultChecked={index === 0}
              className="mt-1 size-5"
            />
            {COUNSELING_FORMATS[format]}
          </label>
        ))}
        <FieldError id="format-error" errors={errors.format} />
      </fieldset>

      <fieldset className={fieldsetClass}>
        <legend className="px-1 font-medium">What do you hope counseling helps with?</legend>
        <p className={hintClass}>Optional. Choose any that fit.</p>
        {Object.entries(COUNSELING_FOCUSES).map(([value, label]) => (
          <label key={value} className={optionClass}>
            <input type="checkbox" name="focuses" value={value} className="mt-1 size-5" />
            {label}
          </label>
        ))}
        <label
          className={`${optionClass} mt-2 border-t border-neutral-200 pt-3 dark:border-neutral-800`}
        >
          <input type="checkbox" name="shareFocuses" defaultChecked className="mt-1 size-5" />
          Share these choices with the counseling team
        </label>
      </fieldset>

      <div>
        <label htmlFor="note" className="block font-medium">
          Anything else you would like a counselor to know?
        </label>
        <p id="note-hint" className={hintClass}>
          Optional, up to {INTAKE_NOTE_MAX_LENGTH} characters. Stored encrypted. It is shared only
          if you tick the box below, and never with your partner.
        </p>
        <textarea
          id="note"
          name="note"
          rows={4}
          maxLength={INTAKE_NOTE_MAX_LENGTH}
          aria-describedby={errors.note ? "note-error" : "note-hint"}
          aria-invalid={errors.note ? true : undefined}
          className={inputClass}
        />
        <FieldError id="note-error" errors={errors.note} />
        <label className={optionClass}>
          <input type="checkbox" name="shareNote" className="mt-1 size-5" />
          Share my note with the counseling team
        </label>
      </div>

      <fieldset
        className={fieldsetClass}
        {...errorProps(errors.preferredTimes, "preferredTimes-error")}
      >
        <legend className="px-1 font-medium">When could sessions work for you?</legend>
        {Object.entries(COUNSELING_TIMES).map(([value, label]) => (
          <label key={value} className={optionClass}>
            <input type="checkbox" name="preferredTimes" value={value} className="mt-1 size-5" />
            {label}
          </label>
        ))}
        <FieldError id="preferredTimes-error" errors={errors.preferredTimes} />
      </fieldset>

      <fieldset
        className={fieldsetClass}
        {...errorProps(errors.contactMethod, "contactMethod-error")}
      >
        <legend className="px-1 font-medium">How may a counselor contact you?</legend>
        {Object.entries(COUNSELING_CONTACTS).map(([value, label]) => (
          <label key={value} className={optionClass}>
            <input
              type="radio"
              name="contactMethod"
              value={value}
              checked={contact === value}
              onChange={() => setContact(value as CounselingContact)}
              className="mt-1 size-5"
            />
            {label}
          </label>
        ))}
        <FieldError id="contactMethod-error" errors={errors.contactMethod} />
        {contact === "PHONE" ? (
          <div className="mt-3">
            <label htmlFor="phone" className="block font-medium">
              Phone number
            </label>
            <input
              id="phone"
              name="phone"
              type="tel"
              autoComplete="tel"
              maxLength={40}
              aria-describedby={errors.phone ? "phone-error" : undefined}
              aria-invalid={errors.phone ? true : undefined}
              className={inputClass}
            />
            <FieldError id="phone-error" errors={errors.phone} />
            <label className={optionClass}>
              <input type="checkbox" name="safeToLeaveMessage" className="mt-1 size-5" />
              It is safe to leave a voice message on this number
            </label>
          </div>
        ) : null}
        <p className={hintClass}>
          Your contact details go to the counseling team only, so they can arrange your free first
          session.
        </p>
      </fieldset>

      <FormMessage error={state.formError} />
      <button type="submit" className={buttonClass} disabled={pending}>
        Send my request
      </button>
    </form>
  );
}
