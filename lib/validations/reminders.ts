import { z } from "zod";
import { integerIn } from "@/lib/validations/tracker-fields";

// The reminders form: two boxes, a local time and a number of days. Both
// reminders are off unless their box is ticked (an absent box is unticked).

export const ticked = z
  .literal("on", { error: "Please tick the box or leave it empty." })
  .optional()
  .transform((value) => value === "on");

const TIME_MESSAGE = "Please choose a time, such as 20:00.";

export const localTime = z
  .string({ error: TIME_MESSAGE })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: TIME_MESSAGE })
  .transform((value) => Number(value.slice(0, 2)) * 60 + Number(value.slice(3, 5)));

export const reminderSettingsSchema = z
  .object({
    dailyEnabled: ticked,
    dailyTime: localTime,
    hardDatesEnabled: ticked,
    hardDateDaysBefore: integerIn(1, 30, "Please choose a number of days from 1 to 30."),
    // Reminders a day and an hour before a booked appointment.
    sessionRemindersEnabled: ticked,
  })
  .strict();

export type ReminderSettingsInput = z.infer<typeof reminderSettingsSchema>;

// The same appointment-reminder box on the team's side (/team/agenda): the
// one stored preference, changed from either place.
export const teamAppointmentRemindersSchema = z
  .object({ sessionRemindersEnabled: ticked })
  .strict();

/** "20:00" for 1200 minutes after midnight. */
export function formatLocalTime(minuteOfDay: number): string {
  const hours = String(Math.floor(minuteOfDay / 60)).padStart(2, "0");
  const minutes = String(minuteOfDay % 60).padStart(2, "0");
  return `${hours}:${minutes}`;
}
