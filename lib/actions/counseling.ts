"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { notFound, defineAction } from "@/lib/actions/action-pipeline";
import { safetyScreenOutcome } from "@/lib/counseling/safety-screen";
import { recordSafetyScreen, submitCounselingIntake } from "@/lib/data/counseling-referrals";
import {
  createPartnerInvitation,
  resendPartnerInvitation,
  revokePartnerInvitation,
  type CreateInvitationResult,
} from "@/lib/data/partner-invitations";
import { recordPartnerSafetyScreen } from "@/lib/data/partner-referrals";
import { changeReferralContact, withdrawReferral } from "@/lib/data/referral-progress";
import { withChoice } from "@/lib/counseling/entry-points";
import {
  counselingContactSchema,
  counselingIntakeSchema,
  invitationIdSchema,
  invitePartnerSchema,
  partnerSafetyScreenSchema,
  ownSafetyScreenSchema,
  withdrawRequestSchema,
} from "@/lib/validations/counseling";
import { rowLimitMessage } from "@/lib/validations/row-limits";

// The signed-in side of couples counseling: the private safety screen, the
// intake, and the inviter's control over their invitations. The screen's
// answers live only in this request: they are reduced to an outcome here and
// are never stored or logged. Only a refused (incomplete) screen sends them
// back, to the person who just sent them, so no answer has to be given twice.

export const submitSafetyScreen = defineAction("submitSafetyScreen", {
  schema: ownSafetyScreenSchema,
  async work({ user, input }) {
    await recordSafetyScreen({ userId: user.id, outcome: safetyScreenOutcome(input) });
    revalidatePath("/counseling");
    // The same address whatever the outcome: the URL (and the browser's history)
    // never tells anyone how the questions were answered. It keeps only the
    // person's own choice of "for me" or "for us".
    redirect(withChoice("/counseling", input.for ?? null));
  },
});

export const submitPartnerSafetyScreen = defineAction("submitPartnerSafetyScreen", {
  schema: partnerSafetyScreenSchema,
  async work({ user, input }) {
    const outcome = await recordPartnerSafetyScreen({
      userId: user.id,
      referralId: input.referralId,
      outcome: safetyScreenOutcome(input),
    });
    if (!outcome) return notFound("We could not find that counseling referral.");
    revalidatePath("/counseling");
    redirect(`/counseling/joined/${input.referralId}`);
  },
});

/**
 * The intake. Its schema refuses a phone number sent with "By email", and the
 * counseling team's message is built in lib/data from the parsed choice only.
 */
export const submitIntake = defineAction("submitIntake", {
  schema: counselingIntakeSchema,
  async work({ user, input }) {
    const result = await submitCounselingIntake({ userId: user.id, intake: input });
    if (result === "no_referral") redirect("/counseling/screen");
    revalidatePath("/counseling");
    redirect("/counseling/next");
  },
});

const REQUEST_CLOSED = {
  formError: "This request is closed, so it can no longer be changed. Nothing was saved.",
};
const NO_REQUEST = "We could not find a counseling request to change.";

/**
 * The person changes how and when they may be reached, until their request is
 * closed. The intake's schema rules apply (a phone number only with "By
 * phone"); lib/data checks the rule again before anything is stored.
 */
export const changeContactDetails = defineAction("changeContactDetails", {
  schema: counselingContactSchema,
  async work({ user, input }) {
    const result = await changeReferralContact({ userId: user.id, change: input });
    if (result === "not_found") return notFound(NO_REQUEST);
    if (result === "closed") return REQUEST_CLOSED;
    revalidatePath("/counseling");
    return { message: "Saved. The counseling team sees your new details." };
  },
});

/** The person withdraws their open request (the box must be ticked); it closes as WITHDRAWN. */
export const withdrawRequest = defineAction("withdrawRequest", {
  schema: withdrawRequestSchema,
  async work({ user }) {
    const result = await withdrawReferral({ userId: user.id });
    if (result === "not_found") return notFound(NO_REQUEST);
    if (result === "closed") return REQUEST_CLOSED;
    revalidatePath("/counseling");
    redirect("/counseling?request=withdrawn");
  },
});

const INVITATION_ERRORS: Record<
  Exclude<CreateInvitationResult, { ok: true }>["reason"],
  { field?: "email"; message: string }
> = {
  not_allowed: { message: "Invitations are not available for this referral." },
  self: { field: "email", message: "That is your own address. Enter your partner's address." },
  pending_same: {
    field: "email",
    message: "You already invited this address and the invitation is still open.",
  },
  pending_other: {
    message:
      "You already have an open invitation. Revoke it on your counseling page to invite a different address.",
  },
  declined_before: {
    field: "email",
    message: "This person declined your invitation, so we will not send them another one.",
  },
  rate_limited: {
    message:
      "We cannot send more invitations right now. Nothing was sent. Please try again in a few days.",
  },
  too_many: { message: rowLimitMessage("invitations") },
};

export const invitePartner = defineAction("invitePartner", {
  schema: invitePartnerSchema,
  async work({ user, input }) {
    const result = await createPartnerInvitation({ userId: user.id, ...input });
    if (!result.ok) {
      const error = INVITATION_ERRORS[result.reason];
      return error.field
        ? { fieldErrors: { [error.field]: [error.message] } }
        : { formError: error.message };
    }
    revalidatePath("/counseling");
    redirect("/counseling?invitation=sent");
  },
});

const INVITATION_NOT_FOUND = { formError: "We could not find that invitation." };

export const resendInvitation = defineAction("resendInvitation", {
  schema: invitationIdSchema,
  invalid: () => INVITATION_NOT_FOUND,
  async work({ user, input }) {
    const result = await resendPartnerInvitation({ userId: user.id, ...input });
    revalidatePath("/counseling");
    switch (result) {
      case "resent":
        return { message: "Sent again with a new link. The earlier link no longer works." };
      case "resend_limit":
        return { formError: "This invitation has been sent as many times as we allow." };
      case "rate_limited":
        return {
          formError:
            "We cannot send more invitations right now. Nothing was sent. Please try later.",
        };
      case "not_pending":
        return { formError: "This invitation is no longer open, so it cannot be sent again." };
    }
  },
});

export const revokeInvitation = defineAction("revokeInvitation", {
  schema: invitationIdSchema,
  invalid: () => INVITATION_NOT_FOUND,
  async work({ user, input }) {
    if (!(await revokePartnerInvitation({ userId: user.id, ...input }))) {
      return { formError: "This invitation is no longer open, so there is nothing to revoke." };
    }
    revalidatePath("/counseling");
    // The revoked invitation's controls leave the page, so the notice travels with the URL.
    redirect("/counseling?invitation=revoked");
  },
});
