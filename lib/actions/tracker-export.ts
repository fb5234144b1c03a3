"use server";

import {
  SIGN_IN_FAILED_MESSAGE,
  SIGN_IN_RATE_LIMITED_MESSAGE,
  sendSignInLink,
} from "@/lib/auth/sign-in-request";
import { type FormState } from "@/lib/actions/form-state";
import { actionUser, SIGNED_OUT_STATE } from "@/lib/actions/tracker-form";

/** Emails a fresh sign-in link that comes back to the export page (exports need a recent sign-in). */
export async function requestExportSignIn(
  _prev: FormState,
  _formData: FormData,
): Promise<FormState> {
  const user = await actionUser();
  if (!user) return SIGNED_OUT_STATE;
  const result = await sendSignInLink({ email: user.email, callbackUrl: "/progress/export" });
  if (result === "rate_limited") return { formError: SIGN_IN_RATE_LIMITED_MESSAGE };
  if (result === "failed") return { formError: SIGN_IN_FAILED_MESSAGE };
  return { message: `We sent a sign-in link to ${user.email}. It works for 10 minutes.` };
}
