import { z } from "zod";
import { isValidTimeZone, type CalendarDay } from "@/lib/tracker/calendar-day";
import { optionalCalendarDay } from "@/lib/validations/tracker-fields";

export function trackerSettingsSchema(today: CalendarDay) {
  return z
    .object({
      timeZone: z
        .string({ error: "Please choose your time zone." })
        .refine(isValidTimeZone, { error: "Please choose a time zone from the list." }),
      breakupDate: optionalCalendarDay("the date", today),
    })
    .strict();
}

export type TrackerSettingsInput = z.infer<ReturnType<typeof trackerSettingsSchema>>;
