import { z } from "zod";
import { GOAL_TITLE_MAX, GOAL_NOTE_MAX, ACTIVITY_TITLE_MAX } from "@/lib/tracker/limits";
import { type CalendarDay } from "@/lib/tracker/calendar-day";
import { optionalText, requiredText } from "@/lib/validations/free-text";
import {
  calendarDay,
  optionalCalendarDay,
  requestKey,
  rowId,
} from "@/lib/validations/tracker-fields";

const LATEST_TARGET: CalendarDay = "2199-12-31";

// Adding and editing check the same fields with the same limits; a new row
// carries its form's request key, an edited one the id of the row it changes.
const goalFields = {
  title: requiredText(GOAL_TITLE_MAX, "The goal"),
  note: optionalText(GOAL_NOTE_MAX),
  targetDate: optionalCalendarDay("a target date", LATEST_TARGET),
};

export const goalSchema = z.object({ ...goalFields, requestKey }).strict();

export const goalEditSchema = z.object({ ...goalFields, id: rowId }).strict();

export const goalDoneSchema = z
  .object({
    id: rowId,
    done: z.enum(["true", "false"], { error: "Please choose done or not done." }),
  })
  .strict();

function activityFields(today: CalendarDay) {
  return {
    title: requiredText(ACTIVITY_TITLE_MAX, "What you tried"),
    day: calendarDay("the day", today),
  };
}

export function activitySchema(today: CalendarDay) {
  return z.object({ ...activityFields(today), requestKey }).strict();
}

export function activityEditSchema(today: CalendarDay) {
  return z.object({ ...activityFields(today), id: rowId }).strict();
}

export type GoalInput = z.infer<typeof goalSchema>;
export type ActivityInput = z.infer<ReturnType<typeof activitySchema>>;
