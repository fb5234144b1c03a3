import { z } from "zod";
import { WHO_MAX, REACH_OUT_NOTE_MAX } from "@/lib/tracker/limits";
import { type CalendarDay } from "@/lib/tracker/calendar-day";
import { REACH_OUT_FEELINGS } from "@/lib/tracker/scales";
import { optionalText, requiredText } from "@/lib/validations/free-text";
import { calendarDay, choiceOf, requestKey, rowId } from "@/lib/validations/tracker-fields";

// Adding and editing check the same fields with the same limits.
function reachOutFields(today: CalendarDay) {
  return {
    who: requiredText(WHO_MAX, "Who you talked to"),
    day: calendarDay("the day", today),
    feeling: choiceOf(REACH_OUT_FEELINGS, "Please choose how it felt."),
    note: optionalText(REACH_OUT_NOTE_MAX),
  };
}

export function reachOutSchema(today: CalendarDay) {
  return z.object({ ...reachOutFields(today), requestKey }).strict();
}

export function reachOutEditSchema(today: CalendarDay) {
  return z.object({ ...reachOutFields(today), id: rowId }).strict();
}

export type ReachOutInput = z.infer<ReturnType<typeof reachOutSchema>>;
