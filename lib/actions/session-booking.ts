"use server";

import type { z } from "zod";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import {
  answerRefusal,
  defineAction,
  notFound,
  type FormAction,
  type RefusalAnswers,
  type WorkResult,
} from "@/lib/actions/action-pipeline";
import { confirmationPage, type PeopleChange, type TeamChange } from "@/lib/booking/confirmations";
import {
  cancelSession,
  markSessionOutcome,
  moveSession,
  offerSessionTimes,
  takeOfferedTime,
  type BookingDone,
  type ChangeResult,
  type TakeResult,
} from "@/lib/data/session-booking";
import {
  cancelSessionSchema,
  markSessionSchema,
  moveSessionSchema,
  offerTimesSchema,
  offeredInstants,
  takeTimeSchema,
} from "@/lib/validations/booking";

// The first session's forms (issue 15): the holder offers times and cancels or
// marks a session; the person or joined partner takes, moves or cancels.
// Every refusal says what happened and that nothing changed; the data
// functions check who may act again, inside their own transaction.

const NOT_FOUND = "We could not find that appointment. It may have changed a moment ago.";

function refreshBooking(referralId: string) {
  revalidatePath("/counseling");
  revalidatePath("/counseling/joined/[referralId]", "page");
  revalidatePath(`/team/referrals/${referralId}`);
}

/** A time field's refusal on the take and move forms. */
function timeRefused(message: string): WorkResult {
  return { fieldErrors: { offeredTimeId: [message] } };
}

type PeopleRefusal = Exclude<TakeResult | ChangeResult, { ok: true }>;

/** What a refused take, move or cancel says; nothing was changed in any case. */
const PEOPLE_REFUSALS: RefusalAnswers<PeopleRefusal> = {
  not_found: notFound(NOT_FOUND),
  not_booked: { formError: "This appointment is no longer booked. Nothing was changed." },
  too_late: {
    formError:
      "It is too close to the appointment to change it here. Please message your counselor instead. Nothing was changed.",
  },
  closed: { formError: "This request is closed, so its times cannot be changed." },
  withdrawn: timeRefused("That time is no longer offered. Choose another one."),
  past: timeRefused("That time has passed. Choose another one."),
  same_time: timeRefused("Your appointment is already at that time."),
  counselor_busy: timeRefused("That time was just booked by someone else. Choose another one."),
  already_booked: {
    formError:
      "An appointment was booked a moment ago, perhaps by your partner. Nothing else was booked.",
  },
};

export const offerSessionTimesAction = defineAction("offerSessionTimesAction", {
  role: "team",
  schema: offerTimesSchema,
  async work({ user, input }) {
    const rows = offeredInstants(input);
    const result = await offerSessionTimes({
      userId: user.id,
      referralId: input.referralId,
      timeZone: input.timeZone,
      joinKind: input.joinKind,
      joinDetail: input.joinDetail,
      times: rows.map(({ startsAt, lengthMinutes }) => ({ startsAt, lengthMinutes })),
    });
    if (result.ok) {
      refreshBooking(input.referralId);
      return {
        message: `Offered ${result.count} times. The person sees them on their page and gets no email until they take one.`,
      };
    }
    return answerRefusal(
      {
        not_found: notFound("We could not find that referral. It may have left your inbox."),
        not_holder: { formError: "Only the team member who holds this referral offers times." },
        closed: { formError: "This referral is closed, so no times can be offered." },
        held: {
          formError:
            "The first session has taken place, so no more times are offered here. Nothing was changed.",
        },
        in_past: ({ indexes }) => ({
          fieldErrors: Object.fromEntries(
            indexes.map((i) => [
              `date${rows[i]!.row}`,
              [
                `This time has already passed in ${input.timeZone.replaceAll("_", " ")}. Choose a later one.`,
              ],
            ]),
          ),
        }),
      },
      result,
    );
  },
});

/**
 * A change the person or the joined partner makes (take, move, cancel). Done:
 * the form leaves the page with the change, so their page says it
 * (lib/booking/confirmations.ts). Refused: the form says why, nothing changed.
 */
function peopleChange<S extends z.ZodType>(
  name: string,
  schema: S,
  done: PeopleChange,
  change: (userId: string, input: z.output<S>) => Promise<TakeResult | ChangeResult>,
): FormAction {
  return defineAction(name, {
    schema,
    async work({ user, input }) {
      const result = await change(user.id, input);
      return result.ok ? confirmed(result, done) : answerRefusal(PEOPLE_REFUSALS, result);
    },
  });
}

/** A change is made: every page that shows the session is fresh, and the actor's says so. */
function confirmed(done: BookingDone, change: PeopleChange | TeamChange): never {
  refreshBooking(done.referralId);
  redirect(confirmationPage(done, change));
}

export const takeOfferedTimeAction = peopleChange(
  "takeOfferedTimeAction",
  takeTimeSchema,
  "booked",
  (userId, { offeredTimeId }) => takeOfferedTime({ userId, offeredTimeId }),
);

export const moveSessionAction = peopleChange(
  "moveSessionAction",
  moveSessionSchema,
  "moved",
  (userId, input) => moveSession({ userId, ...input }),
);

export const cancelSessionAction = peopleChange(
  "cancelSessionAction",
  cancelSessionSchema,
  "cancelled",
  (userId, { sessionId }) => cancelSession({ userId, sessionId, as: "people" }),
);

export const cancelTeamSessionAction = defineAction("cancelTeamSessionAction", {
  role: "team",
  schema: cancelSessionSchema,
  invalid: "not-found",
  async work({ user, input }) {
    const result = await cancelSession({ userId: user.id, sessionId: input.sessionId, as: "team" });
    if (result.ok) return confirmed(result, "cancelled");
    return answerRefusal(
      {
        ...PEOPLE_REFUSALS,
        too_late: { formError: "This session has already started, so it cannot be cancelled." },
      },
      result,
    );
  },
});

export const markSessionAction = defineAction("markSessionAction", {
  role: "team",
  schema: markSessionSchema,
  async work({ user, input }) {
    const result = await markSessionOutcome({ userId: user.id, ...input });
    if (result.ok) return confirmed(result, input.outcome);
    return answerRefusal(
      {
        not_found: PEOPLE_REFUSALS.not_found,
        not_booked: {
          formError: "This session was already marked or cancelled. Nothing was changed.",
        },
        not_ended: { formError: "Mark the session once it has ended. Nothing was changed." },
      },
      result,
    );
  },
});
