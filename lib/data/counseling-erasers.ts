import "server-only";
import type { UserDataEraser } from "@/lib/data/user-data-eraser";

// What deleting an account does to counseling data (listed in
// USER_DATA_ERASERS, lib/data/delete-account.ts). The person's own referral
// and invitations go. As someone's invited partner they are unlinked: the
// inviter's referral stays, minus every trace of them. An invitation still
// waiting for their address forgets it (it stays pending for its inviter, who
// learns nothing, and can never be sent again). The do-not-contact list keeps
// its HMACs: the wish not to be contacted outlives the account.
//
// The counseling team's side: a partner's private thread and every message
// the person or partner wrote go with them; a team member's account takes
// their membership and passkeys, and leaves what belongs to the people they
// counseled (their messages stay, unsigned; the access log keeps "a member of
// the team"; the record of role changes keeps the change). Open referrals a
// leaving team member held go back to the inbox.

export const COUNSELING_DATA_ERASERS: Record<string, UserDataEraser> = {
  // Before CounselingReferral below unlinks the partner (the thread is found through the link).
  CounselingMessage: async (tx, user) => {
    await tx.counselingMessage.deleteMany({
      where: { thread: "PARTNER", referral: { partnerId: user.id } },
    });
    await tx.counselingMessage.deleteMany({
      where: { authorId: user.id, authorKind: { in: ["PERSON", "PARTNER"] } },
    });
    await tx.counselingMessage.updateMany({
      where: { authorId: user.id },
      data: { authorId: null },
    });
  },
  // Times a leaving counselor offered go; sessions booked with them stay for
  // the person's record, unsigned (their own referral's rows go with it).
  OfferedTime: (tx, user) => tx.offeredTime.deleteMany({ where: { counselorId: user.id } }),
  CounselingSession: (tx, user) =>
    tx.counselingSession.updateMany({
      where: { counselorId: user.id },
      data: { counselorId: null },
    }),
  ReferralAccess: (tx, user) =>
    tx.referralAccess.updateMany({ where: { viewerId: user.id }, data: { viewerId: null } }),
  TeamPasskey: (tx, user) => tx.teamPasskey.deleteMany({ where: { userId: user.id } }),
  // Before the membership: their calendar feed's links (hashes only).
  AgendaFeedToken: (tx, user) => tx.agendaFeedToken.deleteMany({ where: { memberId: user.id } }),
  TeamMember: (tx, user) => tx.teamMember.deleteMany({ where: { userId: user.id } }),
  TeamRoleChange: (tx, user) =>
    tx.teamRoleChange.updateMany({ where: { userId: user.id }, data: { userId: null } }),
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
    await tx.counselingReferral.updateMany({
      where: { claimedById: user.id, state: "CLAIMED" },
      data: { state: "NEW", claimedById: null, claimedAt: null },
    });
    await tx.counselingReferral.updateMany({
      where: { claimedById: user.id },
      data: { claimedById: null },
    });
    await tx.counselingReferral.deleteMany({ where: { userId: user.id } });
  },
};
