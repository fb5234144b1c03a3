import "server-only";
import { db } from "@/lib/db";
import { counselingIntakeAddress } from "@/lib/counseling/intake-address";
import type { SafetyScreenOutcome } from "@/lib/counseling/safety-screen";
import { enqueueEmail } from "@/lib/data/enqueue-email";
import { logger } from "@/lib/logger";

// The invited partner's view of a referral they joined. They see who invited
// them and their own screen's outcome; never the inviter's screen, intake or
// tracker. Every query is scoped by `partnerId = the signed-in user`.

export type PartnerReferral = {
  id: string;
  inviterName: string;
  linkedAt: Date | null;
  /** The partner's own screen outcome (null until they answer it). */
  screenOutcome: SafetyScreenOutcome | null;
};

const partnerReferralSelect = {
  id: true,
  partnerLinkedAt: true,
  partnerScreenOutcome: true,
  invitations: {
    where: { status: "accepted" },
    orderBy: { respondedAt: "desc" },
    take: 1,
    select: { inviterName: true },
  },
} as const;

function toPartnerReferral(row: {
  id: string;
  partnerLinkedAt: Date | null;
  partnerScreenOutcome: SafetyScreenOutcome | null;
  invitations: { inviterName: string }[];
}): PartnerReferral {
  return {
    id: row.id,
    inviterName: row.invitations[0]?.inviterName ?? "Your partner",
    linkedAt: row.partnerLinkedAt,
    screenOutcome: row.partnerScreenOutcome,
  };
}

export async function listPartnerReferrals({
  userId,
}: {
  userId: string;
}): Promise<PartnerReferral[]> {
  const rows = await db.counselingReferral.findMany({
    where: { partnerId: userId },
    orderBy: { partnerLinkedAt: "desc" },
    select: partnerReferralSelect,
  });
  return rows.map(toPartnerReferral);
}

export async function getPartnerReferral({
  userId,
  referralId,
}: {
  userId: string;
  referralId: string;
}): Promise<PartnerReferral | null> {
  const row = await db.counselingReferral.findFirst({
    where: { id: referralId, partnerId: userId },
    select: partnerReferralSelect,
  });
  return row ? toPartnerReferral(row) : null;
}

/**
 * Records the partner's own screen (its outcome only; the first answer
 * stands). A clear screen tells the counseling team, in the same transaction,
 * that joint sessions can be offered and how to reach the partner. Nothing
 * about either outcome ever reaches the inviter.
 */
export async function recordPartnerSafetyScreen({
  userId,
  referralId,
  outcome,
}: {
  userId: string;
  referralId: string;
  outcome: SafetyScreenOutcome;
}): Promise<SafetyScreenOutcome | null> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.counselingReferral.updateMany({
      where: { id: referralId, partnerId: userId, partnerScreenOutcome: null },
      data: { partnerScreenOutcome: outcome, partnerScreenedAt: new Date() },
    });
    if (count === 1 && outcome === "CLEAR") {
      // Bland and empty, like the intake email: the team sees who joined in its inbox.
      await enqueueEmail(tx, {
        to: counselingIntakeAddress(),
        template: "counseling-partner-joined",
        data: {},
        userId,
        dedupeKey: `counseling-partner-joined:${referralId}:${userId}`,
      });
    }
    if (count === 1) {
      logger.info({ event: "counseling.partner_screened", userId }, "partner screen recorded");
    }
    const row = await tx.counselingReferral.findFirst({
      where: { id: referralId, partnerId: userId },
      select: { partnerScreenOutcome: true },
    });
    return row?.partnerScreenOutcome ?? null;
  });
}
