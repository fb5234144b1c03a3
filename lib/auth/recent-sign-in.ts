import { RECENT_SIGN_IN_MS } from "@/lib/auth/constants";

/** True when the session was created (the magic link clicked) within the last 10 minutes. */
export function isRecentSignIn(user: { signedInAt: Date }, now: number = Date.now()): boolean {
  return now - user.signedInAt.getTime() <= RECENT_SIGN_IN_MS;
}
