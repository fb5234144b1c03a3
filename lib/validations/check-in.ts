import { z } from "zod";
import { NOTE_MAX, TRIGGER_MAX } from "@/lib/tracker/limits";
import { type CalendarDay } from "@/lib/tracker/calendar-day";
import { CONTACT_KINDS, MISSING_MAX, MISSING_MIN, MOOD_MAX, MOOD_MIN } from "@/lib/tracker/scales";
import { optionalText } from "@/lib/validations/free-text";
import { calendarDay, choiceOf, integerIn } from "@/lib/validations/tracker-fields";

/** A day's check-in; `today` is the user's own calendar day (no future check-ins). */
export function checkInSchema(today: CalendarDay) {
  return z
    .object({
      day: calendarDay("the day", today),
      mood: integerIn(MOOD_MIN, MOOD_MAX, "Please choose how you are feeling."),
      missing: integerIn(
        MISSING_MIN,
        MISSING_MAX,
        "Please choose how much you miss them, from 0 to 10.",
      ),
      contact: choiceOf(CONTACT_KINDS, "Please choose whether you were in contact."),
      note: optionalText(NOTE_MAX),
      trigger: optionalText(TRIGGER_MAX),
    })
    .strict();
}

export type CheckInInput = z.infer<ReturnType<typeof checkInSchema>>;
