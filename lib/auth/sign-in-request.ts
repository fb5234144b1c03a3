import "server-only";
import { headers } from "next/headers";
import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { EMAIL_PROVIDER_ID, SIGN_IN_WINDOW_MS } from "@/lib/auth/constants";
import { signInRateLimitKeys } from "@/lib/auth/sign-in-limits";
import { consumeRateLimit } from "@/lib/data/rate-limits";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { clientIp } from "@/lib/security/client-ip";

export const SIGN_IN_RATE_LIMITED_MESSAGE =
  "You have asked for several sign-in links in a short time. Please use a link already sent (check your spam folder too), or try again in an hour.";
export const SIGN_IN_FAILED_MESSAGE =
  "We could not send a link just now. Please try again in a moment.";

export type SendSignInLinkResult = "queued" | "rate_limited" | "failed";

/**
 * Rate-limits (per address and per client IP, in the database), then asks
 * Auth.js to create a magic link, which lands in the outbox. The answer does not
 * depend on whether the address has an account.
 */
export async function sendSignInLink({
  email,
  callbackUrl,
}: {
  email: string;
  callbackUrl?: string;
}): Promise<SendSignInLinkResult> {
  const keys = signInRateLimitKeys({ email, ip: clientIp(await headers()) });
  const byIp = await consumeRateLimit({
    key: keys.ip,
    limit: env.SIGNIN_LIMIT_PER_IP,
    windowMs: SIGN_IN_WINDOW_MS,
  });
  if (!byIp.allowed) {
    logger.warn({ event: "auth.rate_limited", scope: "ip" }, "sign-in emails rate-limited");
    return "rate_limited";
  }
  const byAddress = await consumeRateLimit({
    key: keys.address,
    limit: env.SIGNIN_LIMIT_PER_ADDRESS,
    windowMs: SIGN_IN_WINDOW_MS,
  });
  if (!byAddress.allowed) {
    logger.warn({ event: "auth.rate_limited", scope: "address" }, "sign-in emails rate-limited");
    return "rate_limited";
  }
  try {
    await signIn(EMAIL_PROVIDER_ID, {
      email,
      redirect: false,
      redirectTo: safeCallbackPath(callbackUrl),
    });
    return "queued";
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    logger.error(
      { event: "auth.sign_in_request_failed", err: error },
      "could not queue a sign-in link",
    );
    return "failed";
  }
}
