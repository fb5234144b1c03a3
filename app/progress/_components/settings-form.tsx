"use client";

import { useActionState, useEffect, useId, useState } from "react";
import { updateTrackerSettings } from "@/lib/actions/tracker-settings";
import { type FormState } from "@/lib/actions/form-state";
import { FieldError, FormMessage } from "@/components/ui/field-error";
import { buttonClass, inputClass } from "@/components/ui/styles";

export function SettingsForm({
  timeZone,
  configured,
  breakupDate,
  timeZones,
}: {
  timeZone: string;
  configured: boolean;
  breakupDate: string | null;
  timeZones: string[];
}) {
  const [state, action, pending] = useActionState<FormState, FormData>(updateTrackerSettings, {});
  const id = useId();
  const errors = state.fieldErrors ?? {};
  const [zone, setZone] = useState(state.values?.timeZone ?? timeZone);

  // Until the user has saved a zone, suggest the one their device reports.
  useEffect(() => {
    if (configured) return;
    const detected = Intl.DateTimeFormat().resolvedOptions().timeZone;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the device zone exists only in the browser
    if (detected && timeZones.includes(detected)) setZone(detected);
  }, [configured, timeZones]);

  return (
    <form action={action} className="mt-4 space-y-5" noValidate>
      <FormMessage error={state.formError} message={state.message} />
      <div>
        <label htmlFor={`${id}-zone`} className="block font-semibold">
          Your time zone
        </label>
        <p id={`${id}-zone-hint`} className="mt-1 text-sm text-neutral-600 dark:text-neutral-400">
          It decides when your day starts, for check-ins and hard-date reminders.
        </p>
        <select
          id={`${id}-zone`}
          name="timeZone"
          value={zone}
          onChange={(event) => setZone(event.target.value)}
          aria-describedby={[`${id}-zone-hint`, errors.timeZone ? `${id}-zone-error` : ""]
            .join(" ")
            .trim()}
          aria-invalid={errors.timeZone ? true : undefined}
          className={inputClass}
        >
          {timeZones.map((z) => (
            <option key={z} value={z}>
              {z.replaceAll("_", " ")}
            </option>
          ))}
        </select>
        <FieldError id={`${id}-zone-error`} errors={errors.timeZone} />
      </div>
      <div>
        <label htmlFor={`${id}-breakup`} className="block font-semibold">
          The day the relationship ended <span className="font-normal">(optional)</span>
        </label>
        <p
          id={`${id}-breakup-hint`}
          className="mt-1 text-sm text-neutral-600 dark:text-neutral-400"
        >
          Only used to show how much time you have given yourself. Leave it empty if you prefer.
        </p>
        <input
          id={`${id}-breakup`}
          name="breakupDate"
          type="date"
          min="1900-01-01"
          defaultValue={state.values?.breakupDate ?? breakupDate ?? ""}
          aria-describedby={[`${id}-breakup-hint`, errors.breakupDate ? `${id}-breakup-error` : ""]
            .join(" ")
            .trim()}
          aria-invalid={errors.breakupDate ? true : undefined}
          className={inputClass}
        />
        <FieldError id={`${id}-breakup-error`} errors={errors.breakupDate} />
      </div>
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? "Saving…" : "Save settings"}
      </button>
    </form>
  );
}
