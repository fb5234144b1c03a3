"use client";

import { updateReminderSettings } from "@/lib/actions/reminders";
import { ActionForm } from "@/components/forms/action-form";
import { CheckboxField } from "@/components/forms/checkbox-field";
import { Fieldset } from "@/components/forms/fieldset";
import { TextField } from "@/components/forms/text-field";

/** The two reminders, each off until its box is ticked, and when they come. */
export function ReminderSettingsForm({
  dailyEnabled,
  dailyTime,
  hardDatesEnabled,
  hardDateDaysBefore,
  sessionRemindersEnabled,
  timeZone,
}: {
  dailyEnabled: boolean;
  dailyTime: string;
  hardDatesEnabled: boolean;
  hardDateDaysBefore: number;
  sessionRemindersEnabled: boolean;
  timeZone: string;
}) {
  return (
    <ActionForm
      action={updateReminderSettings}
      submitLabel="Save reminders"
      className="mt-4 space-y-5"
    >
      <Fieldset legend="Which reminders">
        <CheckboxField
          name="dailyEnabled"
          label="A daily reminder to check in"
          defaultChecked={dailyEnabled}
        />
        <CheckboxField
          name="hardDatesEnabled"
          label="A heads-up before each of my hard dates"
          defaultChecked={hardDatesEnabled}
        />
        <CheckboxField
          name="sessionRemindersEnabled"
          label="A reminder a day and an hour before an appointment I booked"
          defaultChecked={sessionRemindersEnabled}
        />
      </Fieldset>
      <TextField
        label="At what time"
        name="dailyTime"
        type="time"
        defaultValue={dailyTime}
        hint={`Your time, ${timeZone.replaceAll("_", " ")}. Heads-ups come at this time too.`}
      />
      <TextField
        label="How many days before a hard date"
        name="hardDateDaysBefore"
        type="number"
        inputMode="numeric"
        min={1}
        max={30}
        defaultValue={String(hardDateDaysBefore)}
        hint="From 1 to 30 days."
      />
    </ActionForm>
  );
}
