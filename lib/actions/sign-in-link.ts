import "server-only";
import { type WorkResult } from "@/lib/actions/action-pipeline";
import {
  SIGN_IN_FAILED_MESSAGE,
  SIGN_IN_RATE_LIMITED_MESSAGE,
  sendSignInLink,
  type SendSignInLinkResult,
} from "@/lib/auth/sign-in-request";

/** A link that was not sent, in words; null when it was queued. */
export function signInLinkRefusal(result: SendSignInLinkResult): WorkResult | null {
  if (result === "rate_limited") return { formError: SIGN_IN_RATE_LIMITED_MESSAGE };
  if (result === "failed") return { formError: SIGN_IN_FAILED_MESSAGE };
  return null;
}

/**
 * Emails a signed-in person a fresh sign-in link that comes back to
 * `callbackUrl` (exports and deleting the account need a recent sign-in).
 */
export async function freshSignInLink(email: string, callbackUrl: string): Promise<WorkResult> {
  const refusal = signInLinkRefusal(await sendSignInLink({ email, callbackUrl }));
  return refusal ?? { message: `We sent a sign-in link to ${email}. It works for 10 minutes.` };
}
