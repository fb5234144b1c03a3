import { createHash } from "node:crypto";

// The rules of a team session (docs/counseling-team.md, "The passkey"). Pure,
// so lib/auth/team-access.ts, lib/data and the tests share one copy.
//
// A team member signs in with the usual email link; that session opens no team
// page and runs no team action until it passes the member's passkey
// (`teamVerifiedAt` on the Session row). A session serves the team for at most
// 12 hours after sign-in, then the member signs in again.

/** A team session ends 12 hours after its sign-in (the email link), passkey or not. */
export const TEAM_SESSION_MAX_AGE_MS = 12 * 60 * 60 * 1000;

export const SESSION_ENDED_MESSAGE =
  "Team sessions last 12 hours. Please sign out, then sign in again with a new email link.";

/** A WebAuthn challenge is good for 5 minutes, once. */
export const PASSKEY_CHALLENGE_TTL_MS = 5 * 60 * 1000;

/** What a member's session may do: everything, pass the passkey first, or sign in again. */
export type TeamSessionStatus = "verified" | "needs-passkey" | "expired";

export function teamSessionStatus(
  session: { createdAt: Date; teamVerifiedAt: Date | null },
  now: Date = new Date(),
): TeamSessionStatus {
  if (now.getTime() - session.createdAt.getTime() > TEAM_SESSION_MAX_AGE_MS) return "expired";
  // A verification older than the session (a clock step, a copied row) counts for nothing.
  if (session.teamVerifiedAt && session.teamVerifiedAt >= session.createdAt) return "verified";
  return "needs-passkey";
}

export type PasskeyPurpose = "register" | "verify";

/** The relying party is the configured APP_URL, never a request's Host header. */
export function relyingParty(appUrl: string): { rpID: string; origin: string; rpName: string } {
  const url = new URL(appUrl);
  return { rpID: url.hostname, origin: url.origin, rpName: "Heartwork team" };
}

/** Only this is stored of a challenge: a leaked row cannot answer a prompt. */
export function hashChallenge(challenge: string): string {
  return createHash("sha256").update(challenge).digest("base64url");
}

/** The challenge the browser signed, read from clientDataJSON (base64url JSON); null if unreadable. */
export function challengeInClientData(clientDataJSON: string): string | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(clientDataJSON, "base64url").toString("utf8"));
    const challenge = (parsed as { challenge?: unknown } | null)?.challenge;
    return typeof challenge === "string" && challenge.length > 0 && challenge.length <= 512
      ? challenge
      : null;
  } catch {
    return null;
  }
}
