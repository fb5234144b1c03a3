"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { answerRefusal, defineAction, notFound } from "@/lib/actions/action-pipeline";
import { messageRefusal } from "@/lib/actions/message-refusals";
import { addCounselingMessage } from "@/lib/data/counseling-messages";
import { claimReferral, closeReferral, reassignReferral } from "@/lib/data/referral-ownership";
import { CLAIMED_FLASH } from "@/lib/counseling/team-labels";
import {
  claimReferralSchema,
  closeReferralSchema,
  counselingMessageSchema,
  reassignReferralSchema,
} from "@/lib/validations/team";

// The counseling team's acts on one referral: claim, reassign (coordinators),
// close with an outcome, and write to the person or partner. Every one is
// `role: "team"` (anyone else: "not found" before parsing) and the data
// functions check membership and scope again inside their own statements.

const NOT_FOUND = "We could not find that referral. It may have left your inbox.";

function refreshReferral(referralId: string) {
  revalidatePath(`/team/referrals/${referralId}`);
  revalidatePath("/team");
}

export const claimTeamReferral = defineAction("claimTeamReferral", {
  role: "team",
  schema: claimReferralSchema,
  invalid: "not-found",
  async work({ user, input }) {
    const result = await claimReferral({ userId: user.id, referralId: input.referralId });
    if (result.ok) {
      refreshReferral(input.referralId);
      // The claim form leaves the page with the claim, so the page says it (CLAIMED_FLASH).
      redirect(`/team/referrals/${input.referralId}?${CLAIMED_FLASH}`);
    }
    return answerRefusal(
      {
        // A counselor who lost a race: the referral simply left their inbox.
        not_found: notFound(
          "Someone else claimed this referral a moment ago, so it is no longer in your inbox. Nothing was changed.",
        ),
        taken: {
          formError: "Another team member claimed this referral a moment ago. Nothing was changed.",
        },
        already_yours: { formError: "You already hold this referral." },
        closed: { formError: "This referral is closed, so it cannot be claimed." },
        own_referral: { formError: "You cannot claim a referral you are part of yourself." },
        busy: {
          formError:
            "This referral's first session is booked at a time when you have another session. Ask a coordinator to give it to someone free then. Nothing was changed.",
        },
      },
      result,
    );
  },
});

export const reassignTeamReferral = defineAction("reassignTeamReferral", {
  role: "team",
  schema: reassignReferralSchema,
  async work({ user, input }) {
    const result = await reassignReferral({ userId: user.id, ...input });
    if (result.ok) {
      refreshReferral(input.referralId);
      return { message: "Reassigned. The new holder sees it under “Claimed by me”." };
    }
    return answerRefusal(
      {
        not_found: notFound(NOT_FOUND),
        closed: { formError: "This referral is closed, so it cannot be reassigned." },
        not_a_member: {
          fieldErrors: {
            toUserId: ["That person is not an active member of the team. Choose someone else."],
          },
        },
        own_referral: {
          fieldErrors: {
            toUserId: ["That member is part of this referral themselves. Choose someone else."],
          },
        },
        holder_busy: {
          fieldErrors: {
            toUserId: [
              "That member has another session booked at the time of this referral's first session. Choose someone else, or have the first session moved or cancelled. Nothing was changed.",
            ],
          },
        },
      },
      result,
    );
  },
});

export const closeTeamReferral = defineAction("closeTeamReferral", {
  role: "team",
  schema: closeReferralSchema,
  async work({ user, input }) {
    const result = await closeReferral({ userId: user.id, ...input });
    if (result.ok) {
      refreshReferral(input.referralId);
      return { message: "Closed. The person sees the outcome on their counseling page." };
    }
    return answerRefusal(
      {
        not_found: notFound(NOT_FOUND),
        closed: { formError: "This referral is already closed. Nothing was changed." },
        not_claimed: { formError: "Claim this referral before closing it." },
      },
      result,
    );
  },
});

export const sendTeamMessage = defineAction("sendTeamMessage", {
  role: "team",
  schema: counselingMessageSchema,
  async work({ user, input }) {
    const result = await addCounselingMessage({ userId: user.id, as: "team", ...input });
    if (!result.ok) return messageRefusal(result, NOT_FOUND);
    refreshReferral(input.referralId);
    return { message: "Sent." };
  },
});
