import "server-only";
import { db } from "@/lib/db";

// "Who opened my file": every opening of a referral by a team member, for the
// person who started it (and the partner who joined it). Scoped by the
// caller's id in the `where`; another person's referral id finds nothing.

export const ACCESS_LOG_LIMIT = 200;
const FORMER_MEMBER = "A member of the counseling team";

export type ReferralOpening = { name: string; openedAt: Date };

export async function listReferralAccessLog({
  userId,
  referralId,
}: {
  userId: string;
  /** A referral the caller joined as the partner; without it, their own referral. */
  referralId?: string;
}): Promise<ReferralOpening[]> {
  const rows = await db.referralAccess.findMany({
    where: {
      referral: referralId
        ? { id: referralId, OR: [{ userId }, { partnerId: userId, partnerScreenOutcome: "CLEAR" }] }
        : { userId },
    },
    orderBy: [{ openedAt: "desc" }, { id: "desc" }],
    take: ACCESS_LOG_LIMIT,
    select: {
      openedAt: true,
      viewer: { select: { teamMember: { select: { displayName: true } } } },
    },
  });
  return rows.map((row) => ({
    name: row.viewer?.teamMember?.displayName ?? FORMER_MEMBER,
    openedAt: row.openedAt,
  }));
}
