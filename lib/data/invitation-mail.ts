import "server-only";
import type { Prisma } from "@/lib/db";
import { isOnDoNotContactList } from "@/lib/data/do-not-contact";

// The outbox rows of partner invitations. Each send of an invitation is one row
// keyed "partner-invitation:<invitation id>:<send number>", so a resend's row is
// told apart from the one it replaces, and all of an invitation's mail can be
// found again to erase the invitee's address from it.

export function invitationMailKey(invitationId: string, sendNumber: number): string {
  return `partner-invitation:${invitationId}:${sendNumber}`;
}

function mailOf(invitationIds: string[]): Prisma.OutboxMessageWhereInput {
  return {
    OR: invitationIds.map((id) => ({ dedupeKey: { startsWith: `partner-invitation:${id}:` } })),
  };
}

/**
 * Removes the invitee's address from every email of these invitations: rows
 * not being sent are deleted; a row a worker holds right now keeps its claim
 * (and its sealed payload, so the worker can still read it) but loses its
 * address, and the worker's re-check refuses to send it.
 */
export async function eraseInvitationMail(
  tx: Prisma.TransactionClient,
  invitationIds: string[],
): Promise<void> {
  if (invitationIds.length === 0) return;
  await tx.outboxMessage.deleteMany({
    where: { AND: [mailOf(invitationIds), { status: { not: "sending" } }] },
  });
  await tx.outboxMessage.updateMany({
    where: { AND: [mailOf(invitationIds), { status: "sending" }] },
    data: { to: "" },
  });
}

/**
 * The worker's re-check right before it sends an invitation email: still
 * pending, not expired, this is the newest link (a resend kills older ones),
 * the address is still kept and still the one the row was queued for, and the
 * invitee has not opted out since.
 */
export async function invitationEmailStillWanted(
  tx: Prisma.TransactionClient,
  { invitationId, sendNumber, to }: { invitationId: string; sendNumber: number; to: string },
): Promise<boolean> {
  if (!to) return false;
  const invitation = await tx.partnerInvitation.findFirst({
    where: {
      id: invitationId,
      status: "pending",
      expiresAt: { gt: new Date() },
      resendCount: sendNumber,
      recipientEmail: to,
    },
    select: { recipientHmac: true, recipientCanonicalHmac: true },
  });
  if (!invitation) return false;
  return !(await isOnDoNotContactList(tx, {
    addressHmacs: [invitation.recipientCanonicalHmac, invitation.recipientHmac],
  }));
}
