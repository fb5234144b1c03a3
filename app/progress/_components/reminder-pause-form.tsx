"use client";

import { pauseRemindersForAWeek, resumeRemindersNow } from "@/lib/actions/reminders";
import { ActionForm } from "@/components/forms/action-form";
import { secondaryButtonClass } from "@/components/ui/styles";

/** "Pause for a week", or "Resume now" while a pause is running. */
export function ReminderPauseForm({ paused }: { paused: boolean }) {
  return (
    <ActionForm
      action={paused ? resumeRemindersNow : pauseRemindersForAWeek}
      submitLabel={paused ? "Resume reminders now" : "Pause reminders for a week"}
      submitClassName={secondaryButtonClass}
    />
  );
}
