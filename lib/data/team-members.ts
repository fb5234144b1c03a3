import "server-only";
import { db, type Prisma } from "@/lib/db";
import type { TeamRole } from "@/lib/counseling/team";
import type { AddTeamMemberInput, RemoveTeamMemberInput } from "@/lib/validations/team";
import { logger } from "@/lib/logger";

// Team membership: granted, changed and removed only from the command line
// (lib/cli/team.ts), each change recorded with its operator in one transaction
// with the change itself. A removed member keeps their row with `removedAt`
// set: every team data function asks `findActiveTeamMember` (or the same
// condition inside its SQL), so removal refuses them on their very next call.

export type ActiveTeamMember = { userId: string; role: TeamRole; displayName: string | null };

/** The caller's team role, or null for anyone who is not (or no longer) a member. */
export async function findActiveTeamMember({
  userId,
}: {
  userId: string;
}): Promise<ActiveTeamMember | null> {
  return db.teamMember.findFirst({
    where: { userId, removedAt: null },
    select: { userId: true, role: true, displayName: true },
  });
}

export type TeamRoster = {
  /** The caller, when an active member, with their own time zone for the times pages show. */
  viewer: (ActiveTeamMember & { timeZone: string }) | null;
  /** Every active member, by name: who holds what, and whom a referral can go to. */
  members: ActiveTeamMember[];
};

/**
 * The active team in one statement, for the team's pages: the caller's own
 * membership check (they are in it or they are not), their time zone, and the
 * names of everyone who can hold a referral. A team is tens of people, so
 * reading all of them costs what reading one does and spares the pages a
 * membership query, a settings query and a names query.
 */
export async function readTeamRoster({ viewerId }: { viewerId: string }): Promise<TeamRoster> {
  const rows = await db.$queryRaw<(ActiveTeamMember & { timeZone: string | null })[]>`
    SELECT m."userId", m."role"::text AS "role", m."displayName",
           CASE WHEN m."userId" = ${viewerId} THEN s."timeZone" END AS "timeZone"
      FROM "TeamMember" m
      LEFT JOIN "TrackerSettings" s ON s."userId" = m."userId" AND m."userId" = ${viewerId}
     WHERE m."removedAt" IS NULL
     ORDER BY m."displayName" ASC NULLS LAST, m."userId" ASC`;
  const members = rows.map(({ userId, role, displayName }) => ({ userId, role, displayName }));
  const self = rows.find((row) => row.userId === viewerId);
  return {
    viewer: self
      ? {
          userId: self.userId,
          role: self.role,
          displayName: self.displayName,
          timeZone: self.timeZone ?? "UTC",
        }
      : null,
    members,
  };
}

export type AddTeamMemberResult =
  | { ok: true; change: "added" | "changed" | "unchanged"; previousRole: TeamRole | null }
  | { ok: false; reason: "unknown_address" };

async function userIdByEmail(tx: Prisma.TransactionClient, email: string) {
  const user = await tx.user.findUnique({ where: { email }, select: { id: true } });
  return user?.id ?? null;
}

export async function addTeamMember(input: AddTeamMemberInput): Promise<AddTeamMemberResult> {
  const result = await db.$transaction(async (tx): Promise<AddTeamMemberResult> => {
    const userId = await userIdByEmail(tx, input.email);
    if (!userId) return { ok: false, reason: "unknown_address" };
    const existing = await tx.teamMember.findUnique({
      where: { userId },
      select: { role: true, removedAt: true, displayName: true },
    });
    const displayName = input.displayName ?? existing?.displayName ?? null;
    if (!existing || existing.removedAt) {
      await tx.teamMember.upsert({
        where: { userId },
        create: { userId, role: input.role, displayName },
        update: { role: input.role, displayName, removedAt: null, addedAt: new Date() },
      });
      await tx.teamRoleChange.create({
        data: { userId, action: "added", role: input.role, operator: input.operator },
      });
      return { ok: true, change: "added", previousRole: null };
    }
    await tx.teamMember.update({ where: { userId }, data: { role: input.role, displayName } });
    if (existing.role === input.role) return { ok: true, change: "unchanged", previousRole: null };
    await tx.teamRoleChange.create({
      data: {
        userId,
        action: "changed",
        role: input.role,
        previousRole: existing.role,
        operator: input.operator,
      },
    });
    return { ok: true, change: "changed", previousRole: existing.role };
  });
  if (result.ok && result.change !== "unchanged") {
    logger.info({ event: `team.member_${result.change}`, role: input.role }, "team role granted");
  }
  return result;
}

export type RemoveTeamMemberResult =
  { ok: true; returnedToInbox: number } | { ok: false; reason: "unknown_address" | "not_a_member" };

/**
 * Ends a membership: the row stays (with `removedAt`) for the record, the
 * member's passkeys go (a member added again registers a new one), their
 * calendar feed's link is revoked, and the open referrals they held go back
 * to the inbox instead of waiting on someone who can no longer answer.
 */
export async function removeTeamMember(
  input: RemoveTeamMemberInput,
): Promise<RemoveTeamMemberResult> {
  const result = await db.$transaction(async (tx): Promise<RemoveTeamMemberResult> => {
    const userId = await userIdByEmail(tx, input.email);
    if (!userId) return { ok: false, reason: "unknown_address" };
    const member = await tx.teamMember.findFirst({
      where: { userId, removedAt: null },
      select: { role: true },
    });
    if (!member) return { ok: false, reason: "not_a_member" };
    const { count } = await tx.teamMember.updateMany({
      where: { userId, removedAt: null },
      data: { removedAt: new Date() },
    });
    if (count === 0) return { ok: false, reason: "not_a_member" };
    await tx.teamRoleChange.create({
      data: { userId, action: "removed", previousRole: member.role, operator: input.operator },
    });
    await tx.teamPasskey.deleteMany({ where: { userId } });
    // Their sessions forget the passkey they passed: added again later, they
    // register a new passkey and pass it before any team page opens.
    await tx.session.updateMany({ where: { userId }, data: { teamVerifiedAt: null } });
    await tx.teamPasskeyChallenge.deleteMany({ where: { userId } });
    // Their calendar feed's link stops answering, and stays dead if they are added again.
    await tx.agendaFeedToken.updateMany({
      where: { memberId: userId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const returned = await tx.counselingReferral.updateMany({
      where: { claimedById: userId, state: "CLAIMED" },
      data: { state: "NEW", claimedById: null, claimedAt: null },
    });
    return { ok: true, returnedToInbox: returned.count };
  });
  if (result.ok) logger.info({ event: "team.member_removed" }, "team role removed");
  return result;
}

export type TeamMemberListing = {
  email: string | null;
  role: TeamRole;
  displayName: string | null;
  addedAt: Date;
  removedAt: Date | null;
};

/** Every member, active ones first, for `npm run team:list` (an operator's view). */
export async function listTeamMembers({
  includeRemoved = false,
}: { includeRemoved?: boolean } = {}): Promise<TeamMemberListing[]> {
  const rows = await db.teamMember.findMany({
    where: includeRemoved ? {} : { removedAt: null },
    orderBy: [{ removedAt: { sort: "desc", nulls: "first" } }, { addedAt: "asc" }],
    select: {
      role: true,
      displayName: true,
      addedAt: true,
      removedAt: true,
      user: { select: { email: true } },
    },
  });
  return rows.map(({ user, ...row }) => ({ email: user.email, ...row }));
}

export type TeamRoleChangeListing = {
  email: string | null;
  action: "added" | "changed" | "removed";
  role: TeamRole | null;
  previousRole: TeamRole | null;
  operator: string;
  at: Date;
};

/** The newest role changes first (who granted or removed what, and when). */
export async function listTeamRoleChanges({ take = 50 }: { take?: number } = {}): Promise<
  TeamRoleChangeListing[]
> {
  const rows = await db.teamRoleChange.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: {
      action: true,
      role: true,
      previousRole: true,
      operator: true,
      createdAt: true,
      user: { select: { email: true } },
    },
  });
  return rows.map(({ user, createdAt, ...row }) => ({
    email: user?.email ?? null,
    at: createdAt,
    ...row,
  }));
}
