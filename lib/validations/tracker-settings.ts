import { z } from "zod";
import { isValidTimeZone, todayIn } from "@/lib/tracker/calendar-day";
import { optionalCalendarDay } from "@/lib/validations/tracker-fields";

export const trackerSettingsSchema = z
  .object({
    timeZone: z
      .string({ error: "Please choose your time zone." })
      .refine(isValidTimeZone, { error: "Please choose a time zone from the list." }),
    breakupDate: optionalCalendarDay("the date"),
  })
  .strict()
  .superRefine(({ timeZone, breakupDate }, ctx) => {
    // "The future" is measured in the zone being chosen. zod runs this even
    // when the zone itself was refused (field refinements do not abort), and
    // Intl throws on an unknown zone: that was a 500 instead of a field error.
    if (!isValidTimeZone(timeZone)) return;
    if (breakupDate && breakupDate > todayIn(timeZone)) {
      ctx.addIssue({
        code: "custom",
        path: ["breakupDate"],
        message: "That date is still in the future. Please choose today or an earlier day.",
      });
    }
  });

export type TrackerSettingsInput = z.infer<typeof trackerSettingsSchema>;
