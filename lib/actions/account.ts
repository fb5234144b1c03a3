"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction, defineButtonAction } from "@/lib/actions/action-pipeline";
import { freshSignInLink } from "@/lib/actions/sign-in-link";
import { sessionCookieName } from "@/lib/auth/cookies";
import { deleteAccount } from "@/lib/data/delete-account";
import { deleteAllSessionsOfUser } from "@/lib/data/sessions";
import { updateDisplayName } from "@/lib/data/users";
import { logger } from "@/lib/logger";
import { deleteAccountSchema, displayNameSchema } from "@/lib/validations/account";
import { ignoredInputSchema, noInputSchema } from "@/lib/validations/no-input";

// A form sent after the session ended (signed out elsewhere, expired) gets the
// calm "you are signed out" answer from the pipeline, never an error page.

export const saveDisplayName = defineAction("saveDisplayName", {
  schema: displayNameSchema,
  async work({ user, input }) {
    await updateDisplayName({ userId: user.id, name: input.name || null });
    revalidatePath("/account");
    return { message: "Saved." };
  },
});

/** Deletes every session of this user, on every device, including this one. */
export const signOutEverywhere = defineButtonAction("signOutEverywhere", {
  session: "optional",
  schema: ignoredInputSchema,
  async work({ user }) {
    (await cookies()).delete(sessionCookieName());
    // Already signed out (the session ended meanwhile): nothing of anyone's to end.
    if (!user) redirect("/signed-out");
    const count = await deleteAllSessionsOfUser({ userId: user.id });
    logger.info(
      { event: "auth.sign_out_everywhere", userId: user.id, count },
      "signed out everywhere",
    );
    redirect("/signed-out?everywhere=1");
  },
});

/** Sends a fresh magic link that comes back to the delete section of the account page. */
export const requestFreshSignIn = defineAction("requestFreshSignIn", {
  schema: noInputSchema,
  work: ({ user }) => freshSignInLink(user.email, "/account#delete"),
});

export const deleteMyAccount = defineAction("deleteMyAccount", {
  recentSignIn: true,
  schema: deleteAccountSchema,
  async work({ user }) {
    await deleteAccount({ userId: user.id });
    logger.info({ event: "account.deleted", userId: user.id }, "account deleted");
    (await cookies()).delete(sessionCookieName());
    redirect("/signed-out?deleted=1");
  },
});
