"use server";

import { z } from "zod";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formFields, type FormState } from "@/lib/actions/form-state";
import { actionUser, SIGNED_OUT_STATE, unlessDatabaseDown } from "@/lib/actions/tracker-form";
import { safetyScreenOutcome } from "@/lib/counseling/safety-screen";
import { recordSafetyScreen, submitCounselingIntake } from "@/lib/data/counseling-referrals";
import {
  createPartnerInvitation,
  resendPartnerInvitation,
  revokePartnerInvitation,
  type CreateInvitationResult,
} from "@/lib/data/partner-invitations";
import { recordPartnerSafetyScreen } from "@/lib/data/partner-referrals";
import { logRefusedAccess } from "@/lib/security/access-log";
import {
  counselingIntakeSchema,
  invitationIdSchema,
  invitePartnerSchema,
  partnerSafetyScreenSchema,
  safetyScreenSchema,
} from "@/lib/validations/counseling";
import { asFormData } from "@/lib/validations/form-data";

// The signed-in side of couples counseling: the private safety screen, the
// intake, and the inviter's control over their invitations. The screen's
// answers live only in this request: they are reduced to an outcome here and
// are never stored, logged or returned.

const SCREEN_FIELDS = ["afraid", "hurt", "threatened", "controlled"] as const;

export async function submitSafetyScreen(_prev: FormState, formData: FormData): Promise<FormState> {
  return unlessDatabaseDown(async () => {
    const user = await actionUser();
    if (!user) return SIGNED_OUT_STATE;
    const parsed = safetyScreenSchema.safeParse(formFields(formData, SCREEN_FIELDS));
    if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors };
    await recordSafetyScreen({ userId: user.id, outcome: safetyScreenOutcome(parsed.data) });
    revalidatePath("/counseling");
    // The same address whatever the outcome: the URL (and the browser's history)
    // never tells anyone how the questions were answered.
    redirect("/counseling");
  });
}

export async function submitPartnerSafetyScreen(
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  return unlessDatabaseDown(async () => {
    const user = await actionUser();
    if (!user) return SIGNED_OUT_STATE;
    const parsed = partnerSafetyScreenSchema.safeParse(
      formFields(formData, [...SCREEN_FIELDS, "referralId"] as const),
    );
    if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors };
    const outcome = await recordPartnerSafetyScreen({
      userId: user.id,
      referralId: parsed.data.referralId,
      outcome: safetyScreenOutcome(parsed.data),
    });
    if (!outcome) {
      logRefusedAccess({
        action: "submitPartnerSafetyScreen",
        userId: user.id,
        reason: "not_found",
      });
      return { formError: "We could not find that counseling referral." };
    }
    revalidatePath("/counseling");
    redirect(`/counseling/joined/${parsed.data.referralId}`);
  });
}

export async function submitIntake(_prev: FormState, formData: FormData): Promise<FormState> {
  return unlessDatabaseDown(async () => {
    const user = await actionUser();
    if (!user) return SIGNED_OUT_STATE;
    const form = asFormData(formData);
    const parsed = counselingIntakeSchema.safeParse({
      ...formFields(form, [
        "format",
        "note",
        "contactMethod",
        "phone",
        "safeToLeaveMessage",
        "shareFocuses",
        "shareNote",
      ] as const),
      focuses: form.getAll("focuses").filter((v) => typeof v === "string"),
      preferredTimes: form.getAll("preferredTimes").filter((v) => typeof v === "string"),
    });
    if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors };
    const result = await submitCounselingIntake({ userId: user.id, intake: parsed.data });
    if (result === "no_referral") redirect("/counseling/screen");
    revalidatePath("/counseling");
    redirect("/counseling/next");
  });
}

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
};

export async function invitePartner(_prev: FormState, formData: FormData): Promise<FormState> {
  return unlessDatabaseDown(() => invitePartnerWith(formData));
}

async function invitePartnerWith(formData: FormData): Promise<FormState> {
  const user = await actionUser();
  if (!user) return SIGNED_OUT_STATE;
  const fields = formFields(formData, ["email", "inviterName", "message", "requestKey"] as const);
  const values = {
    email: (fields.email ?? "").slice(0, 320),
    inviterName: (fields.inviterName ?? "").slice(0, 100),
    message: (fields.message ?? "").slice(0, 600),
  };
  const parsed = invitePartnerSchema.safeParse(fields);
  if (!parsed.success) {
    const fieldErrors = z.flattenError(parsed.error).fieldErrors;
    if (!fields.email?.trim()) fieldErrors.email = ["Enter your partner's email address."];
    return { fieldErrors, values };
  }
  const result = await createPartnerInvitation({ userId: user.id, ...parsed.data });
  if (!result.ok) {
    const error = INVITATION_ERRORS[result.reason];
    return error.field
      ? { fieldErrors: { [error.field]: [error.message] }, values }
      : { formError: error.message, values };
  }
  revalidatePath("/counseling");
  redirect("/counseling?invitation=sent");
}

export async function resendInvitation(_prev: FormState, formData: FormData): Promise<FormState> {
  return unlessDatabaseDown(() => resendInvitationWith(formData));
}

async function resendInvitationWith(formData: FormData): Promise<FormState> {
  const user = await actionUser();
  if (!user) return SIGNED_OUT_STATE;
  const parsed = invitationIdSchema.safeParse(formFields(formData, ["invitationId"] as const));
  if (!parsed.success) return { formError: "We could not find that invitation." };
  const result = await resendPartnerInvitation({
    userId: user.id,
    invitationId: parsed.data.invitationId,
  });
  revalidatePath("/counseling");
  switch (result) {
    case "resent":
      return { message: "Sent again with a new link. The earlier link no longer works." };
    case "resend_limit":
      return { formError: "This invitation has been sent as many times as we allow." };
    case "rate_limited":
      return {
        formError: "We cannot send more invitations right now. Nothing was sent. Please try later.",
      };
    case "not_pending":
      return { formError: "This invitation is no longer open, so it cannot be sent again." };
  }
}

export async function revokeInvitation(_prev: FormState, formData: FormData): Promise<FormState> {
  return unlessDatabaseDown(() => revokeInvitationWith(formData));
}

async function revokeInvitationWith(formData: FormData): Promise<FormState> {
  const user = await actionUser();
  if (!user) return SIGNED_OUT_STATE;
  const parsed = invitationIdSchema.safeParse(formFields(formData, ["invitationId"] as const));
  if (!parsed.success) return { formError: "We could not find that invitation." };
  const revoked = await revokePartnerInvitation({
    userId: user.id,
    invitationId: parsed.data.invitationId,
  });
  if (!revoked) {
    return { formError: "This invitation is no longer open, so there is nothing to revoke." };
  }
  revalidatePath("/counseling");
  // The revoked invitation's controls leave the page, so the notice travels with the URL.
  redirect("/counseling?invitation=revoked");
}
