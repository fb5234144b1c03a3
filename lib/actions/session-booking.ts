"use server";

import { revalidatePath } from "next/cache";
import { notFound, runAction, type WorkResult } from "@/lib/actions/action-pipeline";
import type { FormState } from "@/lib/actions/form-state";
import {
  cancelSession,
  markSessionOutcome,
  moveSession,
  offerSessionTimes,
  takeOfferedTime,
  type ChangeResult,
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

function refreshBooking(referralId?: string) {
  revalidatePath("/counseling");
  revalidatePath("/counseling/joined/[referralId]", "page");
  if (referralId) revalidatePath(`/team/referrals/${referralId}`);
}

/** The refusals that moving and cancelling share. */
function changeRefusal(result: {
  ok: false;
  reason: Exclude<ChangeResult, { ok: true }>["reason"] | "already_booked";
}): WorkResult {
  switch (result.reason) {
    case "not_found":
      return notFound(NOT_FOUND);
    case "not_booked":
      return { formError: "This appointment is no longer booked. Nothing was changed." };
    case "too_late":
      return {
        formError:
          "It is too close to the appointment to change it here. Please message your counselor instead. Nothing was changed.",
      };
    case "closed":
      return { formError: "This request is closed, so its times cannot be changed." };
    case "withdrawn":
      return {
        fieldErrors: { offeredTimeId: ["That time is no longer offered. Choose another one."] },
      };
    case "past":
      return { fieldErrors: { offeredTimeId: ["That time has passed. Choose another one."] } };
    case "same_time":
      return { fieldErrors: { offeredTimeId: ["Your appointment is already at that time."] } };
    case "counselor_busy":
      return {
        fieldErrors: {
          offeredTimeId: ["That time was just booked by someone else. Choose another one."],
        },
      };
    case "already_booked":
      return {
        formError:
          "An appointment was booked a moment ago, perhaps by your partner. Nothing else was booked.",
      };
  }
}

export async function offerSessionTimesAction(
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  return runAction(formData, {
    name: "offerSessionTimes",
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
      switch (result.reason) {
        case "not_found":
          return notFound("We could not find that referral. It may have left your inbox.");
        case "not_holder":
          return { formError: "Only the team member who holds this referral offers times." };
        case "closed":
          return { formError: "This referral is closed, so no times can be offered." };
        case "in_past":
          return {
            fieldErrors: Object.fromEntries(
              result.indexes.map((i) => [
                `date${rows[i]!.row}`,
                [
                  `This time has already passed in ${input.timeZone.replaceAll("_", " ")}. Choose a later one.`,
                ],
              ]),
            ),
          };
      }
    },
  });
}

export async function takeOfferedTimeAction(
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  return runAction(formData, {
    name: "takeOfferedTime",
    schema: takeTimeSchema,
    async work({ user, input }) {
      const result = await takeOfferedTime({ userId: user.id, offeredTimeId: input.offeredTimeId });
      if (result.ok) {
        refreshBooking();
        return { message: "Booked. We emailed you a calendar invitation." };
      }
      return changeRefusal(result);
    },
  });
}

export async function moveSessionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runAction(formData, {
    name: "moveSession",
    schema: moveSessionSchema,
    async work({ user, input }) {
      const result = await moveSession({ userId: user.id, ...input });
      if (result.ok) {
        refreshBooking();
        return { message: "Moved. We emailed everyone the updated calendar invitation." };
      }
      return changeRefusal(result);
    },
  });
}

export async function cancelSessionAction(
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  return runAction(formData, {
    name: "cancelSession",
    schema: cancelSessionSchema,
    async work({ user, input }) {
      const result = await cancelSession({
        userId: user.id,
        sessionId: input.sessionId,
        as: "people",
      });
      if (result.ok) {
        refreshBooking();
        return { message: "Cancelled. We emailed everyone so it leaves their calendars." };
      }
      return changeRefusal(result);
    },
  });
}

export async function cancelTeamSessionAction(
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  return runAction(formData, {
    name: "cancelTeamSession",
    role: "team",
    schema: cancelSessionSchema,
    invalid: "not-found",
    async work({ user, input }) {
      const result = await cancelSession({
        userId: user.id,
        sessionId: input.sessionId,
        as: "team",
      });
      if (result.ok) {
        refreshBooking();
        revalidatePath("/team/referrals/[referralId]", "page");
        return { message: "Cancelled. We emailed the person so it leaves their calendar." };
      }
      if (result.reason === "too_late")
        return { formError: "This session has already started, so it cannot be cancelled." };
      return changeRefusal(result);
    },
  });
}

export async function markSessionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runAction(formData, {
    name: "markSession",
    role: "team",
    schema: markSessionSchema,
    async work({ user, input }) {
      const result = await markSessionOutcome({ userId: user.id, ...input });
      if (result.ok) {
        refreshBooking();
        revalidatePath("/team/referrals/[referralId]", "page");
        return { message: "Saved. The person's page shows it." };
      }
      switch (result.reason) {
        case "not_found":
          return notFound(NOT_FOUND);
        case "not_booked":
          return {
            formError: "This session was already marked or cancelled. Nothing was changed.",
          };
        case "not_ended":
          return { formError: "Mark the session once it has ended. Nothing was changed." };
      }
    },
  });
}
