import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { getCurrentUser, type SessionUser } from "@/lib/auth/session";
import { sessionCookieName } from "@/lib/auth/cookies";
import { hashSessionToken } from "@/lib/data/auth-adapter";
import type { ActiveTeamMember } from "@/lib/data/team-members";
import { findTeamSession, type TeamSession } from "@/lib/data/team-passkeys";

// The one door to the counseling team's pages and actions. Anyone who is not
// an active team member meets a plain 404 (never a sign-in prompt: the team's
// pages do not announce themselves). The data functions in lib/data check
// membership again on every call, so this is the page's gate, not the only one.
//
// The second factor: a member's session opens team pages and runs team
// actions only after it passed their passkey (Session.teamVerifiedAt, set by
// /team/passkey), and only for 12 hours after its sign-in
// (lib/counseling/team-session.ts). The email link alone opens nothing.
// Membership and the session are read from the database on every request, so
// `npm run team:remove` ends access on the member's next request.

export type TeamCaller = { user: SessionUser; member: ActiveTeamMember };

/** The path that registers or checks the passkey (and says when to sign in again). */
export const TEAM_PASSKEY_PATH = "/team/passkey";

/** The session's key in the database: the hashed token of this request's session cookie. */
export async function currentSessionKey(): Promise<string | null> {
  const token = (await cookies()).get(sessionCookieName())?.value;
  return token ? hashSessionToken(token) : null;
}

/**
 * The caller as a team member, whatever their session's state (verified,
 * needing the passkey, past 12 hours), or null for everyone who is not an
 * active member. One read per request (React cache). For /team/passkey and its
 * actions; everything else asks getTeamCaller.
 */
export const getTeamSession = cache(
  async (): Promise<{ user: SessionUser; sessionKey: string; session: TeamSession } | null> => {
    const user = await getCurrentUser();
    if (!user) return null;
    const sessionKey = await currentSessionKey();
    if (!sessionKey) return null;
    const session = await findTeamSession({ userId: user.id, sessionKey });
    return session ? { user, sessionKey, session } : null;
  },
);

/**
 * The signed-in, active team member behind this request whose session passed
 * the passkey and is at most 12 hours old, or null for everyone else.
 */
export async function getTeamCaller(): Promise<TeamCaller | null> {
  const found = await getTeamSession();
  if (!found || found.session.status !== "verified") return null;
  return { user: found.user, member: found.session.member };
}

/**
 * For team pages: the team member, or a 404 for anyone else (signed out
 * included). A member whose session has not passed the passkey (or is past
 * its 12 hours) goes to /team/passkey instead.
 */
export async function requireTeamPage(): Promise<TeamCaller> {
  const found = await getTeamSession();
  if (!found) notFound();
  if (found.session.status !== "verified") redirect(TEAM_PASSKEY_PATH);
  return { user: found.user, member: found.session.member };
}

/** For the action pipeline's `role: "team"`: may this signed-in user act as a team member now? */
export async function holdsTeamRole(user: SessionUser): Promise<boolean> {
  const caller = await getTeamCaller();
  return caller !== null && caller.user.id === user.id;
}
