"use server";

import { z } from "zod";
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { sessionCookieName } from "@/lib/auth/cookies";
import {
  SIGN_IN_FAILED_MESSAGE,
  SIGN_IN_RATE_LIMITED_MESSAGE,
  sendSignInLink,
} from "@/lib/auth/sign-in-request";
import { isRecentSignIn } from "@/lib/auth/session";
import { formFields, type FormState } from "@/lib/actions/form-state";
import { actionUser, SIGNED_OUT_STATE, unlessDatabaseDown } from "@/lib/actions/tracker-form";
import { deleteAccount } from "@/lib/data/delete-account";
import { deleteAllSessionsOfUser } from "@/lib/data/sessions";
import { updateDisplayName } from "@/lib/data/users";
import { logger } from "@/lib/logger";
import { deleteAccountSchema, displayNameSchema } from "@/lib/validations/account";

// A form sent after the session ended (signed out elsewhere, expired) gets the
// calm "you are signed out" answer, never an error page (requireUser() throws
// inside actions).

export async function saveDisplayName(_prev: FormState, formData: FormData): Promise<FormState> {
  return unlessDatabaseDown(async () => {
    const user = await actionUser();
    if (!user) return SIGNED_OUT_STATE;
    const parsed = displayNameSchema.safeParse(formFields(formData, ["name"] as const));
    if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors };
    await updateDisplayName({ userId: user.id, name: parsed.data.name || null });
    revalidatePath("/account");
    return { message: "Saved." };
  });
}

/** Deletes every session of this user, on every device, including this one. */
export async function signOutEverywhere(): Promise<void> {
  const user = await actionUser();
  (await cookies()).delete(sessionCookieName());
  // Already signed out (the session ended meanwhile): nothing of anyone's to end.
  if (!user) redirect("/signed-out");
  const count = await deleteAllSessionsOfUser({ userId: user.id });
  logger.info(
    { event: "auth.sign_out_everywhere", userId: user.id, count },
    "signed out everywhere",
  );
  redirect("/signed-out?everywhere=1");
}

/** Sends a fresh magic link that comes back to the delete section of the account page. */
export async function requestFreshSignIn(
  _prev: FormState,
  _formData: FormData,
): Promise<FormState> {
  return unlessDatabaseDown(async () => {
    const user = await actionUser();
    if (!user) return SIGNED_OUT_STATE;
    const result = await sendSignInLink({ email: user.email, callbackUrl: "/account#delete" });
    if (result === "rate_limited") return { formError: SIGN_IN_RATE_LIMITED_MESSAGE };
    if (result === "failed") return { formError: SIGN_IN_FAILED_MESSAGE };
    return { message: `We sent a sign-in link to ${user.email}. It works for 10 minutes.` };
  });
}

export async function deleteMyAccount(_prev: FormState, formData: FormData): Promise<FormState> {
  return unlessDatabaseDown(async () => {
    const user = await actionUser();
    if (!user) return SIGNED_OUT_STATE;
    if (!isRecentSignIn(user)) {
      return {
        formError:
          "For your safety, deleting your account needs a sign-in from the last 10 minutes. Ask for a fresh sign-in link below.",
      };
    }
    const parsed = deleteAccountSchema.safeParse(formFields(formData, ["confirmation"] as const));
    if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors };
    await deleteAccount({ userId: user.id });
    logger.info({ event: "account.deleted", userId: user.id }, "account deleted");
    (await cookies()).delete(sessionCookieName());
    redirect("/signed-out?deleted=1");
  });
}
