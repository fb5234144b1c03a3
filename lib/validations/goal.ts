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

export const goalSchema = z
  .object({
    title: requiredText(GOAL_TITLE_MAX, "The goal"),
    note: optionalText(GOAL_NOTE_MAX),
    targetDate: optionalCalendarDay("a target date", LATEST_TARGET),
    requestKey,
  })
  .strict();

export const goalDoneSchema = z
  .object({
    id: rowId,
    done: z.enum(["true", "false"], { error: "Please choose done or not done." }),
  })
  .strict();

export function activitySchema(today: CalendarDay) {
  return z
    .object({
      title: requiredText(ACTIVITY_TITLE_MAX, "What you tried"),
      day: calendarDay("the day", today),
      requestKey,
    })
    .strict();
}

export type GoalInput = z.infer<typeof goalSchema>;
export type ActivityInput = z.infer<ReturnType<typeof activitySchema>>;
