"use client";

import { updateTeamAppointmentReminders } from "@/lib/actions/team-reminders";
import { ActionForm } from "@/components/forms/action-form";
import { CheckboxField } from "@/components/forms/checkbox-field";
import { secondaryButtonClass } from "@/components/ui/styles";

/**
 * The counselor's appointment reminders, on the team's side: the same
 * preference as the box on /progress/reminders, changed from either place.
 */
export function AppointmentRemindersForm({ enabled }: { enabled: boolean }) {
  return (
    <ActionForm
      action={updateTeamAppointmentReminders}
      submitLabel="Save"
      submitClassName={secondaryButtonClass}
    >
      <CheckboxField
        name="sessionRemindersEnabled"
        label="Email me a reminder a day and an hour before each session"
        defaultChecked={enabled}
      />
    </ActionForm>
  );
}
