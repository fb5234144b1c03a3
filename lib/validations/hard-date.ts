import { z } from "zod";
import { HARD_DATE_LABEL_MAX, HARD_DATE_PLAN_MAX } from "@/lib/tracker/limits";
import { isValidYearlyDate } from "@/lib/tracker/hard-dates";
import { optionalText, requiredText } from "@/lib/validations/free-text";
import { integerIn, requestKey, rowId } from "@/lib/validations/tracker-fields";

// Adding and editing check the same fields with the same limits; a new date
// carries its form's request key, an edited one the id of the date it changes.
const hardDateFields = {
  label: requiredText(HARD_DATE_LABEL_MAX, "A name for the date"),
  month: integerIn(1, 12, "Please choose a month."),
  day: integerIn(1, 31, "Please choose a day of the month."),
  plan: optionalText(HARD_DATE_PLAN_MAX),
};

function realYearlyDate(value: { month: number; day: number }, ctx: z.RefinementCtx) {
  if (!isValidYearlyDate(value)) {
    ctx.addIssue({ code: "custom", path: ["day"], message: "That month does not have that day." });
  }
}

export const hardDateSchema = z
  .object({ ...hardDateFields, requestKey })
  .strict()
  .superRefine(realYearlyDate);

export const hardDateEditSchema = z
  .object({ ...hardDateFields, id: rowId })
  .strict()
  .superRefine(realYearlyDate);

export const valentinesOfferSchema = z
  .object({ answer: z.enum(["add", "decline"], { error: "Please choose." }), requestKey })
  .strict();

export type HardDateInput = z.infer<typeof hardDateSchema>;
