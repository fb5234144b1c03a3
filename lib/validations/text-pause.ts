import { z } from "zod";
import { NOTE_MAX, TRIGGER_MAX } from "@/lib/tracker/limits";
import { optionalText } from "@/lib/validations/free-text";
import { choiceOf, requestKey, rowId } from "@/lib/validations/tracker-fields";

// "I want to text them": the message written here instead (never sent), what
// set the wish off, and then how the pause ended.

export const startTextPauseSchema = z
  .object({
    draft: optionalText(NOTE_MAX),
    trigger: optionalText(TRIGGER_MAX),
    requestKey,
  })
  .strict();

export const PAUSE_CHOICES = ["REACHED_OUT", "SLIPPED", "KEPT_DRAFT"] as const;

export const endTextPauseSchema = z
  .object({
    id: rowId,
    outcome: choiceOf(PAUSE_CHOICES, "Please choose what you would like to do now."),
  })
  .strict();

export type StartTextPauseInput = z.infer<typeof startTextPauseSchema>;
