"use server";

import { z } from "zod";
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { signOut } from "@/lib/auth";
import { sessionCookieName } from "@/lib/auth/cookies";
import { defineAction, defineButtonAction, type FormAction } from "@/lib/actions/action-pipeline";
import { type FormState } from "@/lib/actions/form-state";
import { invitationPath } from "@/lib/counseling/invitation-token";
import {
  acceptPartnerInvitation,
  declinePartnerInvitation,
  optOutOfInvitations,
} from "@/lib/data/invitation-responses";
import { declineInvitationSchema, invitationTokenSchema } from "@/lib/validations/counseling";

// The buttons on the invitation page (/invitations/<token>). Only these POSTs
// act; opening the emailed link (a GET, perhaps by an email scanner) changes
// nothing. Declining and opting out need no account. Server actions keep
// Next's Origin check, so another site cannot press these buttons. The token
// is a secret: it is never echoed back.

export type InvitationFormState = FormState & { done?: "declined" | "opted_out" };

const UNAVAILABLE = "This invitation is no longer open. It may have expired or been withdrawn.";
const tokenOnlySchema = z.object({ token: invitationTokenSchema }).strict();
const declineSchema = declineInvitationSchema.extend({ token: invitationTokenSchema });
const SECRET = ["token"] as const;

function signInPathFor(token: string): string {
  return `/signin?${new URLSearchParams({ callbackUrl: invitationPath(token) })}`;
}

export const acceptInvitation: FormAction<InvitationFormState> = defineAction("acceptInvitation", {
  session: "optional",
  schema: tokenOnlySchema,
  secretFields: SECRET,
  invalid: () => ({ formError: UNAVAILABLE }),
  async work({ user, input: { token } }) {
    // Accepting needs an account with the invited address; the link signs in or
    // signs up (one flow) and comes back here, where Accept is pressed again.
    if (!user) redirect(signInPathFor(token));
    const result = await acceptPartnerInvitation({ token, userId: user.id, email: user.email });
    if (result.ok) {
      revalidatePath("/counseling");
      redirect(`/counseling/joined/${result.referralId}`);
    }
    switch (result.reason) {
      case "wrong_account":
        return {
          formError: `You are signed in as ${user.email}, but this invitation was sent to a different address. Sign out, then sign in with the address the invitation was sent to.`,
        };
      case "own_invitation":
        return { formError: "This is your own invitation: it is for your partner to accept." };
      case "unavailable":
        return { formError: UNAVAILABLE };
    }
  },
});

export const declineInvitation: FormAction<InvitationFormState> = defineAction(
  "declineInvitation",
  {
    session: "none",
    schema: declineSchema,
    secretFields: SECRET,
    // A bad token is simply "no longer open"; a bad note gets its own message.
    invalid: ({ fieldErrors }) => (fieldErrors.token ? { formError: UNAVAILABLE } : undefined),
    async work({ input: { token, note } }) {
      return (await declinePartnerInvitation({ token, note }))
        ? { done: "declined", message: "You declined the invitation." }
        : { formError: UNAVAILABLE };
    },
  },
);

const OPTED_OUT = {
  done: "opted_out",
  message: "Done. Heartwork will not send you invitations again, from anyone.",
} as const;

/** The same answer whatever the token was: the list cannot be probed through it. */
export const optOutOfAllInvitations: FormAction<InvitationFormState> = defineAction(
  "optOutOfAllInvitations",
  {
    session: "none",
    schema: tokenOnlySchema,
    secretFields: SECRET,
    invalid: () => OPTED_OUT,
    async work({ input: { token } }) {
      await optOutOfInvitations({ token });
      return OPTED_OUT;
    },
  },
);

/** Signed in as someone else: sign out and sign in again, coming back to the invitation. */
export const switchAccountForInvitation = defineButtonAction("switchAccountForInvitation", {
  session: "none",
  schema: tokenOnlySchema,
  secretFields: SECRET,
  invalid: () => redirect("/signin"),
  async work({ input: { token } }) {
    await signOut({ redirect: false });
    (await cookies()).delete(sessionCookieName());
    redirect(signInPathFor(token));
  },
});
