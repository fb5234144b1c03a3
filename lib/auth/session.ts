import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { sessionCookieName } from "@/lib/auth/cookies";
import { isRecentSignIn } from "@/lib/auth/recent-sign-in";
import { findLiveSession, type LiveSession } from "@/lib/data/sessions";
import { SESSION_IDLE_MAX_AGE_SECONDS, SESSION_UPDATE_AGE_SECONDS } from "@/lib/auth/constants";
import { REQUEST_PATH_HEADER } from "@/lib/security/request-path";

// Who is signed in, for server components, route handlers and server actions.
// Authorization still happens in lib/data (the user id in every `where`); this
// only says who is asking.

export type SessionUser = {
  id: string;
  email: string;
  name: string | null;
  /** When this session was created, i.e. when the magic link was clicked. */
  signedInAt: Date;
};

/** Thrown by requireUser() inside a server action. */
export class UnauthorizedError extends Error {
  override name = "UnauthorizedError";
  constructor() {
    super("Not signed in");
  }
}

/** Thrown by requireRecentSignIn() when the last sign-in is older than 10 minutes. */
export class RecentSignInRequiredError extends Error {
  override name = "RecentSignInRequiredError";
  constructor() {
    super("This needs a sign-in within the last 10 minutes");
  }
}

/**
 * The session could not be read (the database is unreachable). Never treated
 * as "signed out": the person sees an error and tries again, still signed in.
 */
export class SessionUnavailableError extends Error {
  override name = "SessionUnavailableError";
  constructor(options?: { cause?: unknown }) {
    super("We cannot reach our database right now, so we could not check your sign-in", options);
  }
}

/**
 * The signed-in user, or null. One database read per request (React cache),
 * on every private request: the session cookie's row, checked and slid as
 * Auth.js's database strategy does (lib/data/sessions.ts), without Auth.js's
 * internal request round trip. A failed read is an outage, never "signed out".
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const sessionToken = (await cookies()).get(sessionCookieName())?.value;
  if (!sessionToken) return null;
  let session: LiveSession | null;
  try {
    session = await findLiveSession({
      sessionToken,
      maxAgeSeconds: SESSION_IDLE_MAX_AGE_SECONDS,
      updateAgeSeconds: SESSION_UPDATE_AGE_SECONDS,
    });
  } catch (error) {
    throw new SessionUnavailableError({ cause: error });
  }
  if (!session) return null;
  return {
    id: session.userId,
    email: session.email,
    name: session.name,
    signedInAt: session.createdAt,
  };
});

/**
 * The signed-in user. Otherwise: in a page (or a route handler a browser
 * navigates to), redirect to /signin with a callbackUrl back here, or to
 * /signed-out when the browser still sends an old session cookie; in a server
 * action, throw UnauthorizedError. Route handlers that answer scripts should
 * call getCurrentUser() and answer 401 themselves.
 */
export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (user) return user;
  const requestHeaders = await headers();
  if (requestHeaders.has("next-action")) throw new UnauthorizedError();
  // The path header is missing only if the proxy was skipped: then back to the default page.
  const callbackUrl = safeCallbackPath(requestHeaders.get(REQUEST_PATH_HEADER));
  const query = new URLSearchParams({ callbackUrl });
  const staleCookie = (await cookies()).has(sessionCookieName());
  redirect(staleCookie ? `/signed-out?${query}` : `/signin?${query}`);
}

export { isRecentSignIn };

/** requireUser(), and a sign-in within the last 10 minutes (export, delete account). */
export async function requireRecentSignIn(): Promise<SessionUser> {
  const user = await requireUser();
  if (!isRecentSignIn(user)) throw new RecentSignInRequiredError();
  return user;
}
