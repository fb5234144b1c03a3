import { z } from "zod";
import { EARLIEST_DAY, isCalendarDay, type CalendarDay } from "@/lib/tracker/calendar-day";

// Field schemas shared by the tracker's forms. Messages are written for the
// person reading them next to the field, calmly.

/** A calendar day between 1900 and `latest` (today in the user's time zone, for past events). */
export function calendarDay(label: string, latest?: CalendarDay) {
  return z
    .string({ error: `Please choose ${label}.` })
    .refine(isCalendarDay, { error: `Please choose ${label} as a real date.` })
    .refine((day) => day >= EARLIEST_DAY, { error: `Please choose a date from 1900 on.` })
    .refine((day) => latest === undefined || day <= latest, {
      error: `That date is still in the future. You can only fill in today or earlier.`,
    });
}

export function optionalCalendarDay(label: string, latest?: CalendarDay) {
  return z
    .union([z.literal(""), calendarDay(label, latest)])
    .optional()
    .transform((v) => (v ? v : undefined));
}

export function integerIn(min: number, max: number, message: string) {
  return z
    .string({ error: message })
    .regex(/^-?\d{1,3}$/, { error: message })
    .transform(Number)
    .pipe(z.number().int().min(min, { error: message }).max(max, { error: message }));
}

export function choiceOf<const T extends readonly [string, ...string[]]>(
  values: T,
  message: string,
) {
  return z.enum(values, { error: message });
}

/** The one-time key a form carries so a double submit creates one row. */
export const requestKey = z
  .string({ error: "This form has expired. Please reload the page and try again." })
  .regex(/^[A-Za-z0-9_-]{16,64}$/, {
    error: "This form has expired. Please reload the page and try again.",
  });

/** The id of one of the user's own rows. */
export const rowId = z
  .string({ error: "That entry could not be found." })
  .regex(/^[A-Za-z0-9_-]{1,64}$/, { error: "That entry could not be found." });
