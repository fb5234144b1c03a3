import "server-only";
import type { UserDataEraser } from "@/lib/data/user-data-eraser";

// What deleting an account does to counseling data (listed in
// USER_DATA_ERASERS, lib/data/delete-account.ts). The person's own referral
// and invitations go. As someone's invited partner they are unlinked: the
// inviter's referral stays, minus every trace of them. An invitation still
// waiting for their address forgets it (it stays pending for its inviter, who
// learns nothing, and can never be sent again). The do-not-contact list keeps
// its HMACs: the wish not to be contacted outlives the account.

export const COUNSELING_DATA_ERASERS: Record<string, UserDataEraser> = {
  PartnerInvitation: async (tx, user) => {
    await tx.partnerInvitation.deleteMany({ where: { inviterId: user.id } });
    if (user.email) {
      await tx.partnerInvitation.updateMany({
        where: { recipientEmail: user.email },
        data: { recipientEmail: null },
      });
    }
  },
  CounselingReferral: async (tx, user) => {
    await tx.counselingReferral.updateMany({
      where: { partnerId: user.id },
      data: {
        partnerId: null,
        partnerLinkedAt: null,
        partnerScreenOutcome: null,
        partnerScreenedAt: null,
      },
    });
    await tx.counselingReferral.deleteMany({ where: { userId: user.id } });
  },
};
