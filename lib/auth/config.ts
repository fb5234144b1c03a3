import "server-only";
import type { NextAuthConfig } from "next-auth";
import type { EmailConfig } from "next-auth/providers";
import { createAuthAdapter } from "@/lib/data/auth-adapter";
import { queueSignInEmail } from "@/lib/data/sign-in-emails";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { wakeEmailWorkers } from "@/lib/email/worker";
import { normalizeEmailAddress } from "@/lib/validations/email-address";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { usesSecureCookies } from "@/lib/auth/cookies";
import {
  EMAIL_PROVIDER_ID,
  MAGIC_LINK_MAX_AGE_SECONDS,
  SESSION_IDLE_MAX_AGE_SECONDS,
  SESSION_UPDATE_AGE_SECONDS,
} from "@/lib/auth/constants";
import { resolveAuthSecret } from "@/lib/crypto/auth-secret";
import { logAuthError } from "@/lib/auth/auth-error-log";

// The one Auth.js configuration (lib/auth/index.ts calls NextAuth with it).
//
// - Email magic links are the only sign-in method. The emailed link points at
//   /signin/confirm, a page of ours: GET shows a "Sign in" button, and only its
//   POST (app/api/auth/[...nextauth]/route.ts) spends the token, so a mail
//   scanner that opens links cannot use it up.
// - The link is built from APP_URL, never from the request's Host header.
// - Mail goes through the outbox, never inline.
// - Database sessions (revocable), tokens hashed by lib/data/auth-adapter.ts.

const emailProvider: EmailConfig = {
  id: EMAIL_PROVIDER_ID,
  type: "email",
  name: "Email",
  from: "",
  maxAge: MAGIC_LINK_MAX_AGE_SECONDS,
  // Refuses quoted local parts, CR/LF and oversized input; the sign-in action
  // validates first, this is the second line.
  normalizeIdentifier: normalizeEmailAddress,
  async sendVerificationRequest({ identifier, token, url }) {
    const callbackUrl = safeCallbackPath(new URL(url).searchParams.get("callbackUrl"), {
      appUrl: env.APP_URL,
    });
    const query = new URLSearchParams({ token, email: identifier, callbackUrl });
    await queueSignInEmail({ to: identifier, path: `/signin/confirm?${query}` });
    wakeEmailWorkers();
  },
  options: {},
};

export function authConfig(): NextAuthConfig {
  return {
    secret: resolveAuthSecret(),
    basePath: "/api/auth",
    // Only redirects and the confirmation POST use request URLs, and both are
    // pinned to APP_URL below; nothing is built from a Host header.
    trustHost: true,
    useSecureCookies: usesSecureCookies(),
    adapter: createAuthAdapter(),
    providers: [emailProvider],
    session: {
      strategy: "database",
      maxAge: SESSION_IDLE_MAX_AGE_SECONDS,
      updateAge: SESSION_UPDATE_AGE_SECONDS,
    },
    pages: {
      signIn: "/signin",
      verifyRequest: "/signin/check-email",
      error: "/signin/error",
      signOut: "/signed-out",
    },
    callbacks: {
      redirect({ url }) {
        return `${env.APP_URL}${safeCallbackPath(url, { appUrl: env.APP_URL })}`;
      },
      session({ session, user }) {
        // This object is also what GET /api/auth/session returns: only what the UI needs.
        const createdAt = (session as { createdAt?: Date }).createdAt;
        return {
          expires: session.expires,
          user: { id: user.id, email: user.email, name: user.name ?? null },
          signedInAt: (createdAt ?? new Date(0)).toISOString(),
        };
      },
    },
    events: {
      signIn({ user, isNewUser }) {
        logger.info({ event: "auth.sign_in", userId: user.id, isNewUser }, "signed in");
      },
      signOut(message) {
        const userId = "session" in message ? message.session?.userId : undefined;
        logger.info({ event: "auth.sign_out", userId }, "signed out");
      },
    },
    logger: {
      error(error) {
        logAuthError(error);
      },
      warn(code) {
        logger.warn({ event: "auth.warning", code }, "auth warning");
      },
      debug() {},
    },
  };
}
