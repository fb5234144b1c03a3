import "server-only";
import { db, type Prisma } from "@/lib/db";
import { openSealed, sealedField } from "@/lib/counseling/sealed-fields";
import { partnerHasJoined } from "@/lib/counseling/team";
import type { ActiveTeamMember } from "@/lib/data/team-members";

// What a team member may see of a referral, and which referrals at all. Shared
// by the inbox and the referral page so the two can never disagree.
//
// Which: a referral with a submitted intake; a counselor only those in the
// inbox (NEW) or claimed by them, a coordinator all of them.
// What: only what the person agreed to share. Never the safety screens (the
// person's or the partner's), the tracker, or any address: the select below is
// the whole list, and `toSharedReferral` drops what was not shared.

export function teamScope(member: ActiveTeamMember): Prisma.CounselingReferralWhereInput {
  const submitted: Prisma.CounselingReferralWhereInput = { intakeSubmittedAt: { not: null } };
  if (member.role === "coordinator") return submitted;
  return { AND: [submitted, { OR: [{ state: "NEW" }, { claimedById: member.userId }] }] };
}

export const sharedReferralSelect = {
  id: true,
  userId: true, // only to decrypt (the ciphertext is bound to its owner); never returned
  intakeSubmittedAt: true,
  state: true,
  claimedById: true,
  claimedAt: true,
  closedAt: true,
  format: true,
  focuses: true,
  shareFocuses: true,
  note: true,
  shareNote: true,
  preferredTimes: true,
  contactMethod: true,
  phone: true,
  safeToLeaveMessage: true,
  partnerId: true, // only to tell whether the partner joined; never returned
  partnerScreenOutcome: true, // likewise; the outcome itself never leaves this file
} satisfies Prisma.CounselingReferralSelect;

type SharedReferralRow = Prisma.CounselingReferralGetPayload<{
  select: typeof sharedReferralSelect;
}>;

export type SharedReferral = {
  id: string;
  submittedAt: Date;
  state: "NEW" | "CLAIMED" | "CLOSED";
  claimedByMe: boolean;
  /** The owner's display name, when someone holds it. */
  claimedByName: string | null;
  claimedAt: Date | null;
  closedAt: Date | null;
  format: "COUPLES" | "INDIVIDUAL" | null;
  /** Empty unless the person chose to share them. */
  focuses: string[];
  /** Null unless the person chose to share it (or after retention erased it). */
  note: string | null;
  preferredTimes: string[];
  contactMethod: "EMAIL" | "PHONE" | null;
  /** Only when the person asked to be phoned. */
  phone: string | null;
  safeToLeaveMessage: boolean | null;
  partnerJoined: boolean;
};

/**
 * The display names of the members holding these rows: from the active team
 * already read (lib/data/team-members.ts readTeamRoster), and one query only
 * for holders no longer on it (a closed referral of a since-removed member).
 */
export async function holderNamesFrom(
  rows: ReadonlyArray<{ claimedById: string | null }>,
  members: ReadonlyArray<{ userId: string; displayName: string | null }>,
): Promise<Map<string, string | null>> {
  const known = new Map(members.map((member) => [member.userId, member.displayName]));
  const missing = rows.filter((row) => row.claimedById && !known.has(row.claimedById));
  for (const [id, name] of await holderNames(missing)) known.set(id, name);
  return known;
}

/**
 * The display names of the members holding these rows, in one query (a nested
 * relation select would cost two per page).
 */
export async function holderNames(rows: ReadonlyArray<{ claimedById: string | null }>) {
  const ids = [...new Set(rows.flatMap((row) => (row.claimedById ? [row.claimedById] : [])))];
  if (ids.length === 0) return new Map<string, string | null>();
  const members = await db.teamMember.findMany({
    where: { userId: { in: ids } },
    select: { userId: true, displayName: true },
  });
  return new Map(members.map((member) => [member.userId, member.displayName]));
}

export function toSharedReferral(
  row: SharedReferralRow,
  viewerId: string,
  names: ReadonlyMap<string, string | null>,
): SharedReferral {
  const byPhone = row.contactMethod === "PHONE";
  return {
    id: row.id,
    submittedAt: row.intakeSubmittedAt ?? new Date(0),
    state: row.state,
    claimedByMe: row.claimedById === viewerId,
    claimedByName: row.claimedById ? (names.get(row.claimedById) ?? null) : null,
    claimedAt: row.claimedAt,
    closedAt: row.closedAt,
    format: row.format,
    focuses: row.shareFocuses ? row.focuses : [],
    note: row.shareNote ? openSealed(row.note, sealedField.referralNote(row.userId, row.id)) : null,
    preferredTimes: row.preferredTimes,
    contactMethod: row.contactMethod,
    phone: byPhone ? openSealed(row.phone, sealedField.referralPhone(row.userId, row.id)) : null,
    safeToLeaveMessage: byPhone ? row.safeToLeaveMessage : null,
    partnerJoined: partnerHasJoined(row),
  };
}
