import "server-only";
import { db } from "@/lib/db";
import { openSealed, sealedField } from "@/lib/counseling/sealed-fields";
import { threadsFor, type MessageThread } from "@/lib/counseling/team";
import { findActiveTeamMember } from "@/lib/data/team-members";
import {
  sharedReferralSelect,
  teamScope,
  toSharedReferral,
  type SharedReferral,
} from "@/lib/data/team-referral-view";

// One referral as a team member opens it. Every opening is recorded before
// anything is returned (docs/SECURITY.md 28): if the record cannot be written,
// the caller gets an error, never the referral. Null means "not found": no
// such referral, not one this member may see, or a caller who is not (or no
// longer) a team member.

export type TeamReferral = SharedReferral & {
  closeOutcome: string | null;
  closeResources: string | null;
  textErasedAt: Date | null;
  /** The threads that exist on this referral (the team sees each of them). */
  threads: MessageThread[];
};

export async function openTeamReferral({
  userId,
  referralId,
}: {
  userId: string;
  referralId: string;
}): Promise<TeamReferral | null> {
  const member = await findActiveTeamMember({ userId });
  if (!member) return null;
  const row = await db.counselingReferral.findFirst({
    where: { AND: [{ id: referralId }, teamScope(member)] },
    select: {
      ...sharedReferralSelect,
      closeOutcome: true,
      closeResources: true,
      textErasedAt: true,
    },
  });
  if (!row) return null;
  await db.referralAccess.create({ data: { referralId: row.id, viewerId: userId } });
  return {
    ...toSharedReferral(row, userId),
    closeOutcome: row.closeOutcome,
    closeResources: openSealed(
      row.closeResources,
      sealedField.referralCloseResources(row.userId, row.id),
    ),
    textErasedAt: row.textErasedAt,
    threads: threadsFor("team", row),
  };
}
