import { z } from "zod";
import {
  JOIN_DETAIL_MAX_LENGTH,
  JOIN_KINDS,
  OFFER_MAX_TIMES,
  OFFER_MIN_TIMES,
  SESSION_MAX_MINUTES,
  SESSION_MIN_MINUTES,
  SESSION_OUTCOMES,
} from "@/lib/booking/rules";
import { localTimeToInstant } from "@/lib/reminders/next-due";
import { isValidTimeZone } from "@/lib/tracker/calendar-day";
import { requiredText } from "@/lib/validations/free-text";
import { rowId } from "@/lib/validations/tracker-fields";

// The booking forms (issue 15). The offer form has five rows of date, time and
// length, filled in the counselor's own zone; at least two must be filled.
// Rows are flat fields (date1, time1, length1, …) so every one is echoed back
// after a refusal and its error lands beside it.

export const OFFER_ROWS = [1, 2, 3, 4, 5] as const;

const DATE = /^(\d{4}-\d{2}-\d{2})?$/;
const TIME = /^(([01]\d|2[0-3]):[0-5]\d)?$/;
const LENGTH = /^\d{0,3}$/;

const rowFields = Object.fromEntries(
  OFFER_ROWS.flatMap((n) => [
    [`date${n}`, z.string().regex(DATE, "Enter the date as a calendar date.").default("")],
    [
      `time${n}`,
      z.string().regex(TIME, "Enter the time as hours and minutes, like 18:00.").default(""),
    ],
    [`length${n}`, z.string().regex(LENGTH, "Enter the length in whole minutes.").default("")],
  ]),
) as Record<
  `${"date" | "time" | "length"}${(typeof OFFER_ROWS)[number]}`,
  z.ZodDefault<z.ZodString>
>;

export const offerTimesSchema = z
  .object({
    referralId: rowId,
    timeZone: z.string().max(64).refine(isValidTimeZone, "Choose your time zone from the list."),
    joinKind: z.enum(JOIN_KINDS, { error: "Choose how the person joins." }),
    joinDetail: requiredText(JOIN_DETAIL_MAX_LENGTH, "The video link, phone number or address"),
    ...rowFields,
  })
  .strict()
  .superRefine((input, ctx) => {
    let filled = 0;
    for (const n of OFFER_ROWS) {
      const date = input[`date${n}`];
      const time = input[`time${n}`];
      if (!date && !time) continue;
      filled++;
      if (!date)
        ctx.addIssue({
          code: "custom",
          path: [`date${n}`],
          message: "Enter the date of this time.",
        });
      if (!time)
        ctx.addIssue({ code: "custom", path: [`time${n}`], message: "Enter the time of day." });
      const length = Number(input[`length${n}`] || "0");
      if (!(length >= SESSION_MIN_MINUTES && length <= SESSION_MAX_MINUTES)) {
        ctx.addIssue({
          code: "custom",
          path: [`length${n}`],
          message: `A session lasts ${SESSION_MIN_MINUTES} to ${SESSION_MAX_MINUTES} minutes.`,
        });
      }
    }
    if (filled < OFFER_MIN_TIMES || filled > OFFER_MAX_TIMES) {
      ctx.addIssue({
        code: "custom",
        path: ["date1"],
        message: `Offer at least ${OFFER_MIN_TIMES} times, so the person has a choice.`,
      });
    }
  });
export type OfferTimesInput = z.infer<typeof offerTimesSchema>;

/** The filled rows as instants: each row's wall-clock time read in the counselor's zone. */
export function offeredInstants(
  input: OfferTimesInput,
): { row: number; startsAt: Date; lengthMinutes: number }[] {
  return OFFER_ROWS.flatMap((n) => {
    const date = input[`date${n}`];
    const time = input[`time${n}`];
    if (!date || !time) return [];
    const [h, m] = time.split(":").map(Number) as [number, number];
    return [
      {
        row: n,
        startsAt: localTimeToInstant(date, h * 60 + m, input.timeZone),
        lengthMinutes: Number(input[`length${n}`]),
      },
    ];
  });
}

/** A radio group sends nothing when nothing is chosen: say so rather than "not found". */
function chosenId(message: string) {
  return z.string({ error: message }).regex(/^[A-Za-z0-9_-]{1,64}$/, message);
}

export const takeTimeSchema = z.object({ offeredTimeId: chosenId("Choose a time.") }).strict();

export const moveSessionSchema = z
  .object({
    sessionId: rowId,
    offeredTimeId: chosenId("Choose the new time."),
  })
  .strict();

export const cancelSessionSchema = z.object({ sessionId: rowId }).strict();

export const markSessionSchema = z
  .object({
    sessionId: rowId,
    outcome: z.enum(SESSION_OUTCOMES, { error: "Choose whether the session took place." }),
  })
  .strict();
