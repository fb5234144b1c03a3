"use server";

import { z } from "zod";
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { signOut } from "@/lib/auth";
import { sessionCookieName } from "@/lib/auth/cookies";
import { getCurrentUser } from "@/lib/auth/session";
import { formFields, type FormState } from "@/lib/actions/form-state";
import { invitationPath } from "@/lib/counseling/invitation-token";
import {
  acceptPartnerInvitation,
  declinePartnerInvitation,
  optOutOfInvitations,
} from "@/lib/data/invitation-responses";
import { declineInvitationSchema, invitationTokenSchema } from "@/lib/validations/counseling";
import { asFormData } from "@/lib/validations/form-data";

// The buttons on the invitation page (/invitations/<token>). Only these POSTs
// act; opening the emailed link (a GET, perhaps by an email scanner) changes
// nothing. Declining and opting out need no account. Server actions keep
// Next's Origin check, so another site cannot press these buttons.

export type InvitationFormState = FormState & { done?: "declined" | "opted_out" };

const UNAVAILABLE = "This invitation is no longer open. It may have expired or been withdrawn.";

function tokenFrom(formData: FormData): string | null {
  const parsed = invitationTokenSchema.safeParse(asFormData(formData).get("token"));
  return parsed.success ? parsed.data : null;
}

function signInPathFor(token: string): string {
  return `/signin?${new URLSearchParams({ callbackUrl: invitationPath(token) })}`;
}

export async function acceptInvitation(
  _prev: InvitationFormState,
  formData: FormData,
): Promise<InvitationFormState> {
  const token = tokenFrom(formData);
  if (!token) return { formError: UNAVAILABLE };
  const user = await getCurrentUser();
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
}

export async function declineInvitation(
  _prev: InvitationFormState,
  formData: FormData,
): Promise<InvitationFormState> {
  const token = tokenFrom(formData);
  if (!token) return { formError: UNAVAILABLE };
  const parsed = declineInvitationSchema.safeParse(formFields(formData, ["note"] as const));
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const declined = await declinePartnerInvitation({ token, note: parsed.data.note });
  return declined ? { done: "declined" } : { formError: UNAVAILABLE };
}

/** The same answer whatever the token was: the list cannot be probed through it. */
export async function optOutOfAllInvitations(
  _prev: InvitationFormState,
  formData: FormData,
): Promise<InvitationFormState> {
  const token = tokenFrom(formData);
  if (token) await optOutOfInvitations({ token });
  return { done: "opted_out" };
}

/** Signed in as someone else: sign out and sign in again, coming back to the invitation. */
export async function switchAccountForInvitation(formData: FormData): Promise<void> {
  const token = tokenFrom(formData);
  await signOut({ redirect: false });
  (await cookies()).delete(sessionCookieName());
  redirect(token ? signInPathFor(token) : "/signin");
}
