"use client";

import { addActivity } from "@/lib/actions/goals";
import { ActionForm } from "@/components/forms/action-form";
import { TextField } from "@/components/forms/text-field";
import { ACTIVITY_TITLE_MAX } from "@/lib/tracker/limits";

export function ActivityForm({ requestKey, today }: { requestKey: string; today: string }) {
  return (
    <ActionForm
      action={addActivity}
      hidden={{ requestKey }}
      submitLabel="Save activity"
      className="mt-4 space-y-4"
    >
      <TextField
        label="Something new you tried"
        name="title"
        hint={`Up to ${ACTIVITY_TITLE_MAX} characters.`}
      />
      <TextField
        label="When"
        name="day"
        type="date"
        min="1900-01-01"
        max={today}
        defaultValue={today}
      />
    </ActionForm>
  );
}
