import "server-only";
import { db } from "@/lib/db";
import { openSealed, sealedField } from "@/lib/counseling/sealed-fields";
import { effectiveStatus } from "@/lib/data/partner-invitations";

// The person's own counseling data, decrypted, for their export (GDPR art. 20;
// SECURITY.md promise 24): their referral and the invitations they sent,
// with what a partner answered them. Never a partner's screen, and nothing of a
// referral they joined as someone's partner (that one is the inviter's). Every
// query is scoped by the user's id; internal ids stay out.

export async function exportCounselingData({ userId }: { userId: string }) {
  const [referral, invitations] = await Promise.all([
    db.counselingReferral.findUnique({
      where: { userId },
      select: {
        id: true,
        screenOutcome: true,
        screenedAt: true,
        format: true,
        focuses: true,
        preferredTimes: true,
        contactMethod: true,
        phone: true,
        safeToLeaveMessage: true,
        note: true,
        shareFocuses: true,
        shareNote: true,
        intakeSubmittedAt: true,
        partnerId: true,
        partnerLinkedAt: true,
      },
    }),
    db.partnerInvitation.findMany({
      where: { inviterId: userId },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        status: true,
        expiresAt: true,
        recipientHint: true,
        inviterName: true,
        message: true,
        declineNote: true,
        sentAt: true,
        respondedAt: true,
      },
    }),
  ]);
  return {
    referral: referral && {
      screenOutcome: referral.screenOutcome,
      screenedAt: referral.screenedAt.toISOString(),
      format: referral.format,
      focuses: referral.focuses,
      preferredTimes: referral.preferredTimes,
      contactMethod: referral.contactMethod,
      phone: openSealed(referral.phone, sealedField.referralPhone(userId, referral.id)),
      safeToLeaveMessage: referral.safeToLeaveMessage,
      note: openSealed(referral.note, sealedField.referralNote(userId, referral.id)),
      shareFocuses: referral.shareFocuses,
      shareNote: referral.shareNote,
      intakeSubmittedAt: referral.intakeSubmittedAt?.toISOString() ?? null,
      partnerLinkedAt: referral.partnerId
        ? (referral.partnerLinkedAt?.toISOString() ?? null)
        : null,
    },
    invitations: invitations.map((row) => {
      const status = effectiveStatus(row);
      return {
        status,
        recipientHint: status === "pending" ? row.recipientHint : null,
        inviterName: row.inviterName,
        message: openSealed(row.message, sealedField.invitationMessage(userId, row.id)),
        declineNote: openSealed(row.declineNote, sealedField.invitationDeclineNote(userId, row.id)),
        sentAt: row.sentAt.toISOString(),
        respondedAt: row.respondedAt?.toISOString() ?? null,
      };
    }),
  };
}
