import "server-only";
import { notFound } from "next/navigation";
import { getCurrentUser, type SessionUser } from "@/lib/auth/session";
import { findActiveTeamMember, type ActiveTeamMember } from "@/lib/data/team-members";

// The one door to the counseling team's pages and actions. Anyone who is not
// an active team member meets a plain 404 (never a sign-in prompt: the team's
// pages do not announce themselves). The data functions in lib/data check
// membership again on every call, so this is the page's gate, not the only one.
//
// The second factor (a passkey on every team session, sessions of at most 12
// hours) belongs here too: `getTeamCaller` answers null until the session has
// passed it, so every page and action behind it inherits the rule.

export type TeamCaller = { user: SessionUser; member: ActiveTeamMember };

/** The signed-in, active team member behind this request, or null for everyone else. */
export async function getTeamCaller(): Promise<TeamCaller | null> {
  const user = await getCurrentUser();
  if (!user) return null;
  const member = await findActiveTeamMember({ userId: user.id });
  return member ? { user, member } : null;
}

/** For team pages: the team member, or a 404 for anyone else (signed out included). */
export async function requireTeamPage(): Promise<TeamCaller> {
  const caller = await getTeamCaller();
  if (!caller) notFound();
  return caller;
}

/** For the action pipeline's `role: "team"`: may this signed-in user act as a team member now? */
export async function holdsTeamRole(user: SessionUser): Promise<boolean> {
  const member = await findActiveTeamMember({ userId: user.id });
  return member !== null;
}
