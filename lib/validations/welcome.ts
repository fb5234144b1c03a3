import { z } from "zod";
import { isValidTimeZone, type CalendarDay } from "@/lib/tracker/calendar-day";
import { optionalCalendarDay } from "@/lib/validations/tracker-fields";

/** The welcome's screens, in order; "skip" ends the welcome from any of them. */
export const WELCOME_STEPS = ["zone", "breakup", "reminders"] as const;
export type WelcomeStep = (typeof WELCOME_STEPS)[number];

/**
 * One screen's answer. Each screen sends only its own field; `today` is the
 * person's day (no breakup date in the future).
 */
export function welcomeSchema(today: CalendarDay) {
  return z
    .object({
      step: z.enum([...WELCOME_STEPS, "skip"], { error: "Please reload the page and try again." }),
      timeZone: z
        .string()
        .refine(isValidTimeZone, { error: "Please choose a time zone from the list." })
        .optional(),
      breakupDate: optionalCalendarDay("the date", today),
      reminders: z.enum(["yes", "no"], { error: "Please choose yes or not now." }).optional(),
    })
    .strict()
    .superRefine(({ step, timeZone }, ctx) => {
      if (step === "zone" && timeZone === undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["timeZone"],
          message: "Please choose your time zone.",
        });
      }
    });
}
