"use server";

import { runAction } from "@/lib/actions/action-pipeline";
import { type FormState } from "@/lib/actions/form-state";
import { savedOnProgress } from "@/lib/actions/tracker-rows";
import { pauseReminders, resumeReminders, saveReminderSettings } from "@/lib/data/reminders";
import { formatDateTimeIn } from "@/lib/time/format-in-zone";
import { getTrackerSettings } from "@/lib/data/tracker-settings";
import { noInputSchema } from "@/lib/validations/no-input";
import { reminderSettingsSchema } from "@/lib/validations/reminders";

export async function updateReminderSettings(
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  return runAction(formData, {
    name: "updateReminderSettings",
    schema: reminderSettingsSchema,
    async work({ user, input }) {
      await saveReminderSettings({
        userId: user.id,
        dailyEnabled: input.dailyEnabled,
        dailyMinute: input.dailyTime,
        hardDatesEnabled: input.hardDatesEnabled,
        hardDateDaysBefore: input.hardDateDaysBefore,
      });
      const anyOn = input.dailyEnabled || input.hardDatesEnabled;
      return savedOnProgress(anyOn ? "Saved. Your reminders are on." : "Saved. Reminders are off.");
    },
  });
}

export async function pauseRemindersForAWeek(
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  return runAction(formData, {
    name: "pauseRemindersForAWeek",
    schema: noInputSchema,
    async work({ user }) {
      const [until, { timeZone }] = await Promise.all([
        pauseReminders({ userId: user.id }),
        getTrackerSettings({ userId: user.id }),
      ]);
      return savedOnProgress(`Paused until ${formatDateTimeIn(until, timeZone)}.`);
    },
  });
}

export async function resumeRemindersNow(_prev: FormState, formData: FormData): Promise<FormState> {
  return runAction(formData, {
    name: "resumeRemindersNow",
    schema: noInputSchema,
    async work({ user }) {
      await resumeReminders({ userId: user.id });
      return savedOnProgress("Reminders are back on.");
    },
  });
}
