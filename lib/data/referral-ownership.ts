import "server-only";
import { db } from "@/lib/db";
import { seal, sealedField } from "@/lib/counseling/sealed-fields";
import type { ClosingOutcome } from "@/lib/counseling/team";
import {
  cancelSessionsOfClosedReferral,
  handOverSessionsOfReferral,
  HolderBusyError,
} from "@/lib/data/session-booking";
import { NOW_UTC } from "@/lib/data/sql-time";
import { findActiveTeamMember } from "@/lib/data/team-members";
import { teamScope } from "@/lib/data/team-referral-view";
import { logger } from "@/lib/logger";

// Who holds a referral, and how it ends. Claim and reassignment are each one
// conditional UPDATE whose WHERE carries every rule, the caller's active
// membership included, so N members claiming at once leave exactly one owner
// and a member removed a moment ago changes nothing. Only when the UPDATE
// touched no row do we look again, to say why.
//
// Nobody holds a referral they are the person or the joined partner of: a
// team member's own counseling stays as private from colleagues as anyone's,
// and they must not counsel themselves.

export type ClaimResult =
  | { ok: true }
  | {
      ok: false;
      reason: "not_found" | "taken" | "already_yours" | "closed" | "own_referral" | "busy";
    };

/** Why an ownership change did not happen, as far as the caller may know. */
async function explainRefusal(userId: string, referralId: string) {
  const member = await findActiveTeamMember({ userId });
  if (!member) return { member: null, referral: null };
  const referral = await db.counselingReferral.findFirst({
    where: { AND: [{ id: referralId }, teamScope(member)] },
    select: { state: true, claimedById: true, userId: true, partnerId: true },
  });
  return { member, referral };
}

export async function claimReferral({
  userId,
  referralId,
}: {
  userId: string;
  referralId: string;
}): Promise<ClaimResult> {
  let claimed: { id: string }[];
  try {
    claimed = await db.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<{ id: string }[]>`
        UPDATE "CounselingReferral"
           SET "state" = 'CLAIMED', "claimedById" = ${userId}, "claimedAt" = ${NOW_UTC},
               "updatedAt" = ${NOW_UTC}
         WHERE "id" = ${referralId}
           AND "state" = 'NEW'
           AND "intakeSubmittedAt" IS NOT NULL
           AND "userId" <> ${userId}
           AND "partnerId" IS DISTINCT FROM ${userId}
           AND EXISTS (SELECT 1 FROM "TeamMember"
                        WHERE "userId" = ${userId} AND "removedAt" IS NULL)
        RETURNING "id"`;
      // A referral back in the inbox (its counselor was removed) may hold a
      // booked session still ahead: the claimant takes it over.
      if (rows.length === 1) await handOverSessionsOfReferral(tx, referralId, userId, new Date());
      return rows;
    });
  } catch (error) {
    if (error instanceof HolderBusyError) return { ok: false, reason: "busy" };
    throw error;
  }
  if (claimed.length === 1) {
    logger.info({ event: "team.referral_claimed" }, "referral claimed");
    return { ok: true };
  }
  const { referral } = await explainRefusal(userId, referralId);
  if (!referral) return { ok: false, reason: "not_found" };
  if (referral.state === "CLOSED") return { ok: false, reason: "closed" };
  if (referral.claimedById === userId) return { ok: false, reason: "already_yours" };
  if (referral.state === "CLAIMED") return { ok: false, reason: "taken" };
  return { ok: false, reason: "own_referral" };
}

export type ReassignResult =
  | { ok: true }
  | {
      ok: false;
      reason: "not_found" | "closed" | "not_a_member" | "own_referral" | "holder_busy";
    };

/** A coordinator hands a referral (new or claimed, not closed) to an active member. */
export async function reassignReferral({
  userId,
  referralId,
  toUserId,
}: {
  userId: string;
  referralId: string;
  toUserId: string;
}): Promise<ReassignResult> {
  let moved: { id: string }[];
  try {
    moved = await db.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<{ id: string }[]>`
        UPDATE "CounselingReferral"
           SET "state" = 'CLAIMED', "claimedById" = ${toUserId}, "claimedAt" = ${NOW_UTC},
               "updatedAt" = ${NOW_UTC}
         WHERE "id" = ${referralId}
           AND "state" <> 'CLOSED'
           AND "intakeSubmittedAt" IS NOT NULL
           AND "userId" <> ${toUserId}
           AND "partnerId" IS DISTINCT FROM ${toUserId}
           AND EXISTS (SELECT 1 FROM "TeamMember"
                        WHERE "userId" = ${userId} AND "role" = 'coordinator' AND "removedAt" IS NULL)
           AND EXISTS (SELECT 1 FROM "TeamMember"
                        WHERE "userId" = ${toUserId} AND "removedAt" IS NULL)
        RETURNING "id"`;
      // A first session still ahead goes with it to the new holder.
      if (rows.length === 1) await handOverSessionsOfReferral(tx, referralId, toUserId, new Date());
      return rows;
    });
  } catch (error) {
    if (error instanceof HolderBusyError) return { ok: false, reason: "holder_busy" };
    throw error;
  }
  if (moved.length === 1) {
    logger.info({ event: "team.referral_reassigned" }, "referral reassigned");
    return { ok: true };
  }
  const { member, referral } = await explainRefusal(userId, referralId);
  if (!member || member.role !== "coordinator" || !referral) {
    return { ok: false, reason: "not_found" };
  }
  if (referral.state === "CLOSED") return { ok: false, reason: "closed" };
  if (!(await findActiveTeamMember({ userId: toUserId }))) {
    return { ok: false, reason: "not_a_member" };
  }
  return { ok: false, reason: "own_referral" };
}

export type CloseResult =
  { ok: true } | { ok: false; reason: "not_found" | "closed" | "not_claimed" };

/**
 * The owner (or a coordinator) closes a claimed referral with an outcome the
 * person sees, and optionally the resources given (encrypted like all free text).
 */
export async function closeReferral({
  userId,
  referralId,
  outcome,
  resources,
}: {
  userId: string;
  referralId: string;
  outcome: ClosingOutcome;
  resources?: string;
}): Promise<CloseResult> {
  const member = await findActiveTeamMember({ userId });
  if (!member) return { ok: false, reason: "not_found" };
  const referral = await db.counselingReferral.findFirst({
    where: { AND: [{ id: referralId }, teamScope(member)] },
    select: { id: true, userId: true, state: true, claimedById: true },
  });
  if (!referral) return { ok: false, reason: "not_found" };
  if (referral.state === "CLOSED") return { ok: false, reason: "closed" };
  if (referral.state !== "CLAIMED") return { ok: false, reason: "not_claimed" };
  const now = new Date();
  return db.$transaction(async (tx): Promise<CloseResult> => {
    const { count } = await tx.counselingReferral.updateMany({
      where: {
        id: referral.id,
        state: "CLAIMED",
        ...(member.role === "coordinator" ? {} : { claimedById: userId }),
      },
      data: {
        state: "CLOSED",
        closedAt: now,
        closeOutcome: outcome,
        closeResources: resources
          ? seal(resources, sealedField.referralCloseResources(referral.userId, referral.id))
          : null,
      },
    });
    if (count === 0) return { ok: false, reason: "closed" };
    // A first session still ahead leaves everyone's calendar with the referral.
    await cancelSessionsOfClosedReferral(tx, referral.id, now);
    logger.info({ event: "team.referral_closed", outcome }, "referral closed");
    return { ok: true };
  });
}
