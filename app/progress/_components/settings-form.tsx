"use client";

import { useEffect, useState } from "react";
import { updateTrackerSettings } from "@/lib/actions/tracker-settings";
import { ActionForm } from "@/components/forms/action-form";
import { useField } from "@/components/forms/form-context";
import { SelectField } from "@/components/forms/select-field";
import { TextField } from "@/components/forms/text-field";

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
  return (
    <ActionForm
      action={updateTrackerSettings}
      submitLabel="Save settings"
      className="mt-4 space-y-5"
    >
      <ZoneField timeZone={timeZone} configured={configured} timeZones={timeZones} />
      <BreakupDateField
        breakupDate={breakupDate}
        hint="Only used to show how much time you have given yourself. Leave it empty if you prefer."
      />
    </ActionForm>
  );
}

/** The optional day it ended (settings and the welcome). */
export function BreakupDateField({
  breakupDate,
  hint,
}: {
  breakupDate: string | null;
  hint?: string;
}) {
  return (
    <TextField
      label="The day the relationship ended"
      optional
      name="breakupDate"
      type="date"
      min="1900-01-01"
      defaultValue={breakupDate ?? ""}
      hint={hint}
    />
  );
}

export function ZoneField({
  timeZone,
  configured,
  timeZones,
}: {
  timeZone: string;
  configured: boolean;
  timeZones: string[];
}) {
  const echoed = useField("timeZone").text();
  const [suggested, setSuggested] = useState(echoed || timeZone);

  // Until the user has saved a zone, suggest the one their device reports.
  useEffect(() => {
    if (configured || echoed) return;
    const detected = Intl.DateTimeFormat().resolvedOptions().timeZone;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the device zone exists only in the browser
    if (detected && timeZones.includes(detected)) setSuggested(detected);
  }, [configured, echoed, timeZones]);

  // Uncontrolled, remounted when the suggestion changes: React resets a form
  // after its action, and a controlled select would show the first zone then.
  return (
    <SelectField
      key={suggested}
      label="Your time zone"
      name="timeZone"
      hint="It decides when your day starts, for check-ins and hard-date reminders."
      options={timeZones.map((z) => ({ value: z, label: z.replaceAll("_", " ") }))}
      defaultValue={suggested}
    />
  );
}
