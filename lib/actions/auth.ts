"use server";

import { z } from "zod";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { signOut } from "@/lib/auth";
import { sessionCookieName } from "@/lib/auth/cookies";
import {
  SIGN_IN_FAILED_MESSAGE,
  SIGN_IN_RATE_LIMITED_MESSAGE,
  sendSignInLink,
} from "@/lib/auth/sign-in-request";
import { formFields, type FormState } from "@/lib/actions/form-state";
import { signInRequestSchema } from "@/lib/validations/sign-in";

/** The sign-in form: the same answer for known and unknown addresses. */
export async function requestSignInLink(_prev: FormState, formData: FormData): Promise<FormState> {
  const fields = formFields(formData, ["email", "callbackUrl"] as const);
  const parsed = signInRequestSchema.safeParse(fields);
  const values = { email: (fields.email ?? "").slice(0, 320) };
  if (!parsed.success) {
    return { fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
  }
  const result = await sendSignInLink(parsed.data);
  if (result === "rate_limited") return { formError: SIGN_IN_RATE_LIMITED_MESSAGE, values };
  if (result === "failed") return { formError: SIGN_IN_FAILED_MESSAGE, values };
  redirect("/signin/check-email");
}

/** Ends this browser's session (deletes the session row) and shows the signed-out page. */
export async function signOutAction(): Promise<void> {
  await signOut({ redirect: false });
  // Auth.js clears the cookie; make sure of it even if it found no session.
  (await cookies()).delete(sessionCookieName());
  redirect("/signed-out");
}
