import { randomBytes, randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { addressHmac, canonicalAddressHmac, maskAddress } from "@/lib/crypto/address-hmac";
import { generateInvitationToken, invitationExpiry } from "@/lib/counseling/invitation-token";
import type { SeededUser } from "@/tests/support/user-data";

// Counseling rows for a person, from both sides, for the account-deletion test:
// their own referral and invitation, and their place in someone else's referral
// (as the linked partner, and as the address of an invitation still pending).

function rowId() {
  return randomBytes(12).toString("base64url");
}

async function counterpart(label: string) {
  return db.user.create({
    data: { email: `${label}.${randomUUID()}@example.com`, name: label },
    select: { id: true, email: true },
  });
}

async function ownReferral(userId: string) {
  const existing = await db.counselingReferral.findUnique({
    where: { userId },
    select: { id: true },
  });
  if (existing) return existing;
  return db.counselingReferral.create({
    data: {
      id: rowId(),
      userId,
      screenOutcome: "CLEAR",
      screenedAt: new Date(),
      format: "COUPLES",
      preferredTimes: ["WEEKEND"],
      contactMethod: "EMAIL",
      intakeSubmittedAt: new Date(),
    },
    select: { id: true },
  });
}

function invitationRow(referralId: string, inviterId: string, to: string) {
  return {
    id: rowId(),
    referralId,
    inviterId,
    tokenHash: generateInvitationToken().tokenHash,
    recipientEmail: to,
    recipientHmac: addressHmac(to),
    recipientCanonicalHmac: canonicalAddressHmac(to),
    recipientHint: maskAddress(to),
    inviterName: "Sam",
    expiresAt: invitationExpiry(),
    requestKey: randomUUID(),
  };
}

export const COUNSELING_SEEDERS: Record<string, (user: SeededUser) => Promise<unknown>> = {
  CounselingReferral: async (user) => {
    await ownReferral(user.id);
    // They are the linked partner in another person's referral.
    const inviter = await counterpart("their-inviter");
    await db.counselingReferral.create({
      data: {
        id: rowId(),
        userId: inviter.id,
        screenOutcome: "CLEAR",
        screenedAt: new Date(),
        format: "COUPLES",
        partnerId: user.id,
        partnerLinkedAt: new Date(),
        partnerScreenOutcome: "CLEAR",
        partnerScreenedAt: new Date(),
      },
    });
  },
  PartnerInvitation: async (user) => {
    const referral = await ownReferral(user.id);
    await db.partnerInvitation.create({
      data: invitationRow(referral.id, user.id, `their-partner.${randomUUID()}@example.com`),
    });
    // Someone else's invitation to their address, still pending.
    const inviter = await counterpart("someone-inviting-them");
    const theirReferral = await ownReferral(inviter.id);
    await db.partnerInvitation.create({
      data: invitationRow(theirReferral.id, inviter.id, user.email),
    });
  },
};
