"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { signOut } from "@/lib/auth";
import { sessionCookieName } from "@/lib/auth/cookies";
import { sendSignInLink } from "@/lib/auth/sign-in-request";
import { defineAction, defineButtonAction } from "@/lib/actions/action-pipeline";
import { signInLinkRefusal } from "@/lib/actions/sign-in-link";
import { ignoredInputSchema } from "@/lib/validations/no-input";
import { signInRequestSchema } from "@/lib/validations/sign-in";

/** The sign-in form: the same answer for known and unknown addresses. */
export const requestSignInLink = defineAction("requestSignInLink", {
  session: "none",
  schema: signInRequestSchema,
  async work({ input }) {
    const refusal = signInLinkRefusal(await sendSignInLink(input));
    if (refusal) return refusal;
    redirect("/signin/check-email");
  },
});

/** Ends this browser's session (deletes the session row) and shows the signed-out page. */
export const signOutAction = defineButtonAction("signOutAction", {
  session: "none",
  schema: ignoredInputSchema,
  async work() {
    await signOut({ redirect: false });
    // Auth.js clears the cookie; make sure of it even if it found no session.
    (await cookies()).delete(sessionCookieName());
    redirect("/signed-out");
  },
});
