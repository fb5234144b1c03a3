import { z } from "zod";
import { HARD_DATE_LABEL_MAX, HARD_DATE_PLAN_MAX } from "@/lib/tracker/limits";
import { isValidYearlyDate } from "@/lib/tracker/hard-dates";
import { optionalText, requiredText } from "@/lib/validations/free-text";
import { integerIn, requestKey } from "@/lib/validations/tracker-fields";

export const hardDateSchema = z
  .object({
    label: requiredText(HARD_DATE_LABEL_MAX, "A name for the date"),
    month: integerIn(1, 12, "Please choose a month."),
    day: integerIn(1, 31, "Please choose a day of the month."),
    plan: optionalText(HARD_DATE_PLAN_MAX),
    requestKey,
  })
  .strict()
  .superRefine((value, ctx) => {
    if (!isValidYearlyDate(value)) {
      ctx.addIssue({
        code: "custom",
        path: ["day"],
        message: "That month does not have that day.",
      });
    }
  });

export const valentinesOfferSchema = z
  .object({ answer: z.enum(["add", "decline"], { error: "Please choose." }), requestKey })
  .strict();

export type HardDateInput = z.infer<typeof hardDateSchema>;
