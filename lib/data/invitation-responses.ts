import "server-only";
import { db } from "@/lib/db";
import { addressHmac } from "@/lib/crypto/address-hmac";
import { hashInvitationToken } from "@/lib/counseling/invitation-token";
import { openSealed, sealOptional, sealedField } from "@/lib/counseling/sealed-fields";
import { addToDoNotContactListByToken } from "@/lib/data/do-not-contact";
import { eraseInvitationMail } from "@/lib/data/invitation-mail";
import { ERASED_ON_FINISH, effectiveStatus } from "@/lib/data/partner-invitations";
import { enqueueEmail } from "@/lib/data/enqueue-email";
import { logger } from "@/lib/logger";

// The invitee's side: everything reached through the emailed token. Reading
// (the page a GET shows, which email scanners open too) never writes; only the
// buttons (POSTs) call the functions that change anything, each one
// conditional UPDATE on a pending, unexpired invitation.

export type InvitationViewer = { id: string; email: string } | null;

export type InvitationForRecipient =
  | { state: "unavailable" }
  | { state: "accepted_by_viewer" }
  | {
      state: "pending";
      inviterName: string;
      message: string | null;
      recipientHint: string;
      expiresAt: Date;
      /** Who is looking: not signed in, the invited address, another account, the inviter. */
      viewer: "anonymous" | "invited" | "other" | "inviter";
    };

export async function getInvitationForRecipient({
  token,
  viewer,
}: {
  token: string;
  viewer: InvitationViewer;
}): Promise<InvitationForRecipient> {
  const invitation = await db.partnerInvitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    select: {
      id: true,
      status: true,
      expiresAt: true,
      inviterId: true,
      inviterName: true,
      message: true,
      recipientHint: true,
      recipientHmac: true,
      referral: { select: { partnerId: true } },
    },
  });
  if (!invitation) return { state: "unavailable" };
  const status = effectiveStatus(invitation);
  if (status === "accepted" && viewer && invitation.referral.partnerId === viewer.id) {
    return { state: "accepted_by_viewer" };
  }
  if (status !== "pending") return { state: "unavailable" };
  return {
    state: "pending",
    inviterName: invitation.inviterName,
    message: openSealed(
      invitation.message,
      sealedField.invitationMessage(invitation.inviterId, invitation.id),
    ),
    recipientHint: invitation.recipientHint ?? "",
    expiresAt: invitation.expiresAt,
    viewer: !viewer
      ? "anonymous"
      : viewer.id === invitation.inviterId
        ? "inviter"
        : addressHmac(viewer.email) === invitation.recipientHmac
          ? "invited"
          : "other",
  };
}

export type AcceptInvitationResult =
  | { ok: true; referralId: string }
  | { ok: false; reason: "unavailable" | "wrong_account" | "own_invitation" };

class PartnerAlreadyLinked extends Error {}

/**
 * Accepts for the signed-in account, which must be the invited address. In one
 * transaction: the invitation becomes accepted (and forgets the address), the
 * couple is linked on the referral, and the inviter's notification is queued.
 */
export async function acceptPartnerInvitation({
  token,
  userId,
  email,
}: {
  token: string;
  userId: string;
  email: string;
}): Promise<AcceptInvitationResult> {
  const tokenHash = hashInvitationToken(token);
  const recipientHmac = addressHmac(email);
  let accepted: { invitationId: string; referralId: string } | null = null;
  try {
    accepted = await db.$transaction(async (tx) => {
      const now = new Date();
      const { count } = await tx.partnerInvitation.updateMany({
        where: {
          tokenHash,
          status: "pending",
          expiresAt: { gt: now },
          recipientHmac,
          inviterId: { not: userId },
        },
        data: { status: "accepted", respondedAt: now, ...ERASED_ON_FINISH },
      });
      if (count === 0) return null;
      const invitation = await tx.partnerInvitation.findUniqueOrThrow({
        where: { tokenHash },
        select: { id: true, referralId: true, inviterId: true },
      });
      const linked = await tx.counselingReferral.updateMany({
        where: { id: invitation.referralId, userId: invitation.inviterId, partnerId: null },
        data: {
          partnerId: userId,
          partnerLinkedAt: now,
          partnerScreenOutcome: null,
          partnerScreenedAt: null,
        },
      });
      if (linked.count === 0) throw new PartnerAlreadyLinked(); // rolls the acceptance back
      await eraseInvitationMail(tx, [invitation.id]);
      const inviter = await tx.user.findUniqueOrThrow({
        where: { id: invitation.inviterId },
        select: { email: true },
      });
      if (inviter.email) {
        await enqueueEmail(tx, {
          to: inviter.email,
          template: "partner-accepted",
          data: {},
          userId: invitation.inviterId,
          dedupeKey: `partner-accepted:${invitation.id}`,
        });
      }
      return { invitationId: invitation.id, referralId: invitation.referralId };
    });
  } catch (error) {
    if (!(error instanceof PartnerAlreadyLinked)) throw error;
  }
  if (accepted) {
    logger.info(
      { event: "invitation.accepted", invitationId: accepted.invitationId, userId },
      "invitation accepted",
    );
    return { ok: true, referralId: accepted.referralId };
  }
  // Nothing changed: say why, from a read (the update itself stays one statement).
  const invitation = await db.partnerInvitation.findUnique({
    where: { tokenHash },
    select: { status: true, expiresAt: true, inviterId: true, recipientHmac: true },
  });
  if (!invitation || effectiveStatus(invitation) !== "pending") {
    return { ok: false, reason: "unavailable" };
  }
  if (invitation.inviterId === userId) return { ok: false, reason: "own_invitation" };
  if (invitation.recipientHmac !== recipientHmac) return { ok: false, reason: "wrong_account" };
  return { ok: false, reason: "unavailable" };
}

/** Declines; no sign-in needed. The inviter sees "declined" and the note, if one was written. */
export async function declinePartnerInvitation({
  token,
  note,
}: {
  token: string;
  note: string;
}): Promise<boolean> {
  const tokenHash = hashInvitationToken(token);
  const declined = await db.$transaction(async (tx) => {
    const invitation = await tx.partnerInvitation.findUnique({
      where: { tokenHash },
      select: { id: true, inviterId: true },
    });
    if (!invitation) return null;
    const now = new Date();
    const { count } = await tx.partnerInvitation.updateMany({
      where: { id: invitation.id, tokenHash, status: "pending", expiresAt: { gt: now } },
      data: {
        status: "declined",
        respondedAt: now,
        ...ERASED_ON_FINISH,
        declineNote: sealOptional(
          note,
          sealedField.invitationDeclineNote(invitation.inviterId, invitation.id),
        ),
      },
    });
    if (count === 0) return null;
    await eraseInvitationMail(tx, [invitation.id]);
    return invitation.id;
  });
  if (declined) {
    logger.info({ event: "invitation.declined", invitationId: declined }, "invitation declined");
  }
  return declined !== null;
}

/**
 * "Never contact me again": the canonical address's HMAC joins the
 * do-not-contact list, this invitation is declined if it still can be, and any
 * other pending invitation to the same mailbox, however spelled (from anyone), keeps its status but loses the
 * address, so nothing more is ever sent and no inviter learns of the opt-out.
 * Works with any link ever emailed whose token is still the invitation's own.
 */
export async function optOutOfInvitations({ token }: { token: string }): Promise<void> {
  const tokenHash = hashInvitationToken(token);
  // A link that matches nothing runs the same statements, each matching no
  // row, so the answer's timing does not tell a real link from a made-up one
  // (the answer's content is the same anyway: lib/actions/invitations.ts).
  const optedOut = await db.$transaction(async (tx) => {
    const invitation = await tx.partnerInvitation.findUnique({
      where: { tokenHash },
      select: { id: true, recipientHmac: true, recipientCanonicalHmac: true },
    });
    const id = invitation?.id ?? NO_ROW;
    // Every spelling of the mailbox: rows from before canonical matching hold
    // the exact HMAC in their canonical column.
    const sameMailbox = invitation
      ? [invitation.recipientCanonicalHmac, invitation.recipientHmac]
      : [NO_ROW];
    await addToDoNotContactListByToken(tx, { tokenHash });
    const now = new Date();
    await tx.partnerInvitation.updateMany({
      where: { id, status: "pending", expiresAt: { gt: now } },
      data: { status: "declined", respondedAt: now, ...ERASED_ON_FINISH },
    });
    const others = await tx.partnerInvitation.findMany({
      where: { recipientCanonicalHmac: { in: sameMailbox }, status: "pending" },
      select: { id: true },
    });
    await tx.partnerInvitation.updateMany({
      where: { id: { in: [NO_ROW, ...others.map((o) => o.id)] }, status: "pending" },
      data: { recipientEmail: null },
    });
    await eraseInvitationMail(tx, [id, ...others.map((o) => o.id)]);
    return invitation?.id ?? null;
  });
  if (optedOut) {
    logger.info({ event: "invitation.opted_out", invitationId: optedOut }, "invitee opted out");
  }
}

/** Matches no invitation id or address HMAC (ids and HMACs are base64url). */
const NO_ROW = "-none-";
