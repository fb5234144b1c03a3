"use server";

import { defineAction } from "@/lib/actions/action-pipeline";
import { savedOnProgress } from "@/lib/actions/tracker-rows";
import { pauseReminders, resumeReminders, saveReminderSettings } from "@/lib/data/reminders";
import { formatDateTimeIn } from "@/lib/time/format-in-zone";
import { getTrackerSettings } from "@/lib/data/tracker-settings";
import { noInputSchema } from "@/lib/validations/no-input";
import { reminderSettingsSchema } from "@/lib/validations/reminders";

export const updateReminderSettings = defineAction("updateReminderSettings", {
  schema: reminderSettingsSchema,
  async work({ user, input }) {
    await saveReminderSettings({
      userId: user.id,
      dailyEnabled: input.dailyEnabled,
      dailyMinute: input.dailyTime,
      hardDatesEnabled: input.hardDatesEnabled,
      hardDateDaysBefore: input.hardDateDaysBefore,
      sessionRemindersEnabled: input.sessionRemindersEnabled,
    });
    const anyOn = input.dailyEnabled || input.hardDatesEnabled;
    return savedOnProgress(anyOn ? "Saved. Your reminders are on." : "Saved. Reminders are off.");
  },
});

export const pauseRemindersForAWeek = defineAction("pauseRemindersForAWeek", {
  schema: noInputSchema,
  async work({ user }) {
    const [until, { timeZone }] = await Promise.all([
      pauseReminders({ userId: user.id }),
      getTrackerSettings({ userId: user.id }),
    ]);
    return savedOnProgress(`Paused until ${formatDateTimeIn(until, timeZone)}.`);
  },
});

export const resumeRemindersNow = defineAction("resumeRemindersNow", {
  schema: noInputSchema,
  async work({ user }) {
    await resumeReminders({ userId: user.id });
    return savedOnProgress("Reminders are back on.");
  },
});
