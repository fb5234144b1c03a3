import "server-only";
import { randomBytes } from "node:crypto";
import { db, Prisma } from "@/lib/db";
import {
  addressHmac,
  addressHmacsToMatch,
  canonicalAddressHmac,
  maskAddress,
  normalizeAddressForHmac,
} from "@/lib/crypto/address-hmac";
import { generateInvitationToken, invitationExpiry } from "@/lib/counseling/invitation-token";
import { openSealed, seal, sealOptional, sealedField } from "@/lib/counseling/sealed-fields";
import { isOnDoNotContactList } from "@/lib/data/do-not-contact";
import { eraseInvitationMail, invitationMailKey } from "@/lib/data/invitation-mail";
import { consumeRateLimit } from "@/lib/data/rate-limits";
import { enqueueEmail } from "@/lib/data/enqueue-email";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { canonicalEmailAddress } from "@/lib/validations/email-address";
import { ROW_LIMITS } from "@/lib/validations/row-limits";

// The inviter's side of partner invitations. Every state change is one
// conditional UPDATE (`WHERE status = 'pending' AND "expiresAt" > now`), so
// concurrent accept / decline / revoke / resend calls end in exactly one
// outcome. The invitee's address is kept only while the invitation is pending.

const DAY_MS = 24 * 60 * 60 * 1000;
const WEEK_MS = 7 * DAY_MS;

/**
 * Invitation emails go out this long after the inviter's request, never while
 * it is being answered. The in-process worker renders and sends a message in
 * the same process (and on the same cores) as the inviter's answer: sent at
 * once, an address that gets mail answered measurably slower (~20%, measured
 * by tests/e2e/security-enumeration.spec.ts) than a do-not-contact address,
 * which gets none. Later, the work is unrelated to any one answer.
 */
export const INVITATION_SEND_DELAY_MS = 2_000;

export type InvitationStatus = "pending" | "accepted" | "declined" | "expired" | "revoked";

/** What a finished invitation no longer needs: the address (its HMAC stays), its hint, the message. */
export const ERASED_ON_FINISH = {
  recipientEmail: null,
  recipientHint: null,
  message: null,
} as const;

function pendingWhere(now: Date) {
  return { status: "pending", expiresAt: { gt: now } } as const;
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

// ------------------------------------------------------------------ create --

export type InvitationProblem =
  "not_allowed" | "self" | "pending_same" | "pending_other" | "declined_before" | "too_many";

export type CreateInvitationResult =
  { ok: true } | { ok: false; reason: InvitationProblem | "rate_limited" };

/**
 * Why this inviter may not invite this address now, or the referral to invite
 * to. Every answer depends only on this inviter's own referral and invitations,
 * and addresses are compared in canonical form: "victim+again@" is "victim@".
 */
async function checkInvitation(
  client: Prisma.TransactionClient,
  { userId, address, matchHmacs }: { userId: string; address: string; matchHmacs: string[] },
): Promise<{ problem: InvitationProblem } | { referralId: string }> {
  const referral = await client.counselingReferral.findFirst({
    where: { userId, state: { not: "CLOSED" } },
    select: {
      id: true,
      screenOutcome: true,
      format: true,
      intakeSubmittedAt: true,
      partnerId: true,
      user: { select: { email: true } },
    },
  });
  if (
    !referral ||
    referral.screenOutcome !== "CLEAR" ||
    referral.format !== "COUPLES" ||
    !referral.intakeSubmittedAt ||
    referral.partnerId
  ) {
    return { problem: "not_allowed" };
  }
  if (
    referral.user.email &&
    canonicalEmailAddress(referral.user.email) === canonicalEmailAddress(address)
  ) {
    return { problem: "self" };
  }
  const pending = await client.partnerInvitation.findMany({
    where: { inviterId: userId, ...pendingWhere(new Date()) },
    select: { recipientCanonicalHmac: true },
  });
  if (pending.some((p) => matchHmacs.includes(p.recipientCanonicalHmac))) {
    return { problem: "pending_same" };
  }
  if (pending.length > 0) return { problem: "pending_other" };
  // The total an inviter ever sent (SECURITY.md 33); checked again under the referral's lock.
  const sent = await client.partnerInvitation.count({ where: { inviterId: userId } });
  if (sent >= (env.INVITE_LIMIT_TOTAL ?? ROW_LIMITS.invitations)) return { problem: "too_many" };
  const declined = await client.partnerInvitation.findFirst({
    where: { inviterId: userId, recipientCanonicalHmac: { in: matchHmacs }, status: "declined" },
    select: { id: true },
  });
  if (declined) return { problem: "declined_before" };
  return { referralId: referral.id };
}

/**
 * The zone the invitation email tells its closing time in: the invitee's own,
 * when the address already has an account whose tracker has one, else UTC
 * (which the email names). Looked up for every send, suppressed or not, so
 * both cost the same statements.
 */
async function recipientTimeZone(tx: Prisma.TransactionClient, to: string): Promise<string> {
  const user = to
    ? await tx.user.findUnique({
        where: { email: to },
        select: { trackerSettings: { select: { timeZone: true } } },
      })
    : null;
  return user?.trackerSettings?.timeZone ?? "UTC";
}

/**
 * Queues the email of one send of an invitation. `suppressed` (a do-not-contact
 * address): the same row, written already skipped, with no address and no
 * data, so the inviter's answer costs the same statements and the same time.
 */
async function queueInvitationEmail(
  tx: Prisma.TransactionClient,
  invitation: {
    id: string;
    inviterId: string;
    inviterName: string;
    to: string;
    token: string;
    sendNumber: number;
    suppressed: boolean;
    expiresAt: Date;
  },
): Promise<void> {
  const timeZone = await recipientTimeZone(tx, invitation.to);
  await enqueueEmail(tx, {
    suppressed: invitation.suppressed,
    notBefore: new Date(Date.now() + INVITATION_SEND_DELAY_MS),
    to: invitation.to,
    template: "partner-invitation",
    data: {
      invitationId: invitation.id,
      inviterId: invitation.inviterId,
      sendNumber: invitation.sendNumber,
      inviterName: invitation.inviterName,
      sealedToken: seal(
        invitation.token,
        sealedField.invitationEmail(invitation.inviterId, invitation.id, invitation.sendNumber),
      ),
      expiresAt: invitation.expiresAt.toISOString(),
      timeZone,
    },
    userId: invitation.inviterId,
    dedupeKey: invitationMailKey(invitation.id, invitation.sendNumber),
  });
}

/**
 * Creates an invitation and queues its email in one transaction. An address on
 * the do-not-contact list gets an invitation like any other, minus the email
 * and the stored address: the inviter cannot tell the difference.
 */
export async function createPartnerInvitation({
  userId,
  email,
  inviterName,
  message,
  requestKey,
}: {
  userId: string;
  email: string;
  inviterName: string;
  message: string;
  requestKey: string;
}): Promise<CreateInvitationResult> {
  const address = normalizeAddressForHmac(email);
  const recipientHmac = addressHmac(address);
  const recipientCanonicalHmac = canonicalAddressHmac(address);
  const matchHmacs = addressHmacsToMatch(address);

  // A double submit of the same form: the first submission's result stands.
  const earlier = await db.partnerInvitation.findUnique({
    where: { inviterId_requestKey: { inviterId: userId, requestKey } },
    select: { id: true },
  });
  if (earlier) return { ok: true };

  // Form errors first (they must not use up a limit), then the limits, then
  // the same checks again under the referral's row lock.
  const precheck = await checkInvitation(db, { userId, address, matchHmacs });
  if ("problem" in precheck) return { ok: false, reason: precheck.problem };
  if (!(await withinInvitationLimits({ userId, recipientCanonicalHmac }))) {
    logger.info({ event: "invitation.rate_limited", userId }, "invitation refused by a limit");
    return { ok: false, reason: "rate_limited" };
  }

  try {
    const result = await db.$transaction(async (tx): Promise<CreateInvitationResult> => {
      // One invitation at a time per referral: concurrent creates queue up here.
      await tx.$queryRaw`SELECT "id" FROM "CounselingReferral" WHERE "userId" = ${userId} FOR UPDATE`;
      const twin = await tx.partnerInvitation.findUnique({
        where: { inviterId_requestKey: { inviterId: userId, requestKey } },
        select: { id: true },
      });
      if (twin) return { ok: true }; // the same form, submitted twice at once
      await expireInvitationsIn(tx, { inviterId: userId });
      const check = await checkInvitation(tx, { userId, address, matchHmacs });
      if ("problem" in check) return { ok: false, reason: check.problem };

      const id = randomBytes(16).toString("base64url");
      const { token, tokenHash } = generateInvitationToken();
      const optedOut = await isOnDoNotContactList(tx, { addressHmacs: matchHmacs });
      const expiresAt = invitationExpiry();
      await tx.partnerInvitation.create({
        data: {
          id,
          referralId: check.referralId,
          inviterId: userId,
          tokenHash,
          recipientEmail: optedOut ? null : address,
          recipientHmac,
          recipientCanonicalHmac,
          recipientHint: maskAddress(address),
          inviterName,
          message: sealOptional(message, sealedField.invitationMessage(userId, id)),
          expiresAt,
          requestKey,
        },
        select: { id: true },
      });
      await queueInvitationEmail(tx, {
        id,
        inviterId: userId,
        inviterName,
        to: address,
        token,
        sendNumber: 0,
        suppressed: optedOut,
        expiresAt,
      });
      logger.info({ event: "invitation.created", invitationId: id, userId }, "invitation created");
      return { ok: true };
    });
    return result;
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: true }; // the same form, submitted twice at once
    throw error;
  }
}

/** Per inviter per day, then per inviter and invitee per week. */
async function withinInvitationLimits({
  userId,
  recipientCanonicalHmac,
}: {
  userId: string;
  recipientCanonicalHmac: string;
}): Promise<boolean> {
  const inviter = await consumeRateLimit({
    key: `invitation-inviter:${userId}`,
    limit: env.INVITE_LIMIT_PER_DAY,
    windowMs: DAY_MS,
  });
  if (!inviter.allowed) return false;
  return withinRecipientLimit({ userId, recipientCanonicalHmac });
}

/**
 * Invitation emails one inviter may send one mailbox (every spelling of it) in
 * a week. Counted per inviter: a limit shared by all inviters would let one of
 * them use up someone's quota and would tell the next inviter, through a
 * refusal, that somebody else had invited the same person.
 */
async function withinRecipientLimit({
  userId,
  recipientCanonicalHmac,
}: {
  userId: string;
  recipientCanonicalHmac: string;
}) {
  const recipient = await consumeRateLimit({
    key: `invitation-recipient:${userId}:${recipientCanonicalHmac}`,
    limit: env.INVITE_LIMIT_PER_RECIPIENT_WEEK,
    windowMs: WEEK_MS,
  });
  return recipient.allowed;
}

// ------------------------------------------------------------------ resend --

export type ResendInvitationResult = "resent" | "not_pending" | "resend_limit" | "rate_limited";

/** Sends a new link (the old one dies) and restarts the 7 days. */
export async function resendPartnerInvitation({
  userId,
  invitationId,
}: {
  userId: string;
  invitationId: string;
}): Promise<ResendInvitationResult> {
  const invitation = await db.partnerInvitation.findFirst({
    where: { id: invitationId, inviterId: userId, ...pendingWhere(new Date()) },
    select: { recipientCanonicalHmac: true, resendCount: true },
  });
  if (!invitation) return "not_pending";
  if (invitation.resendCount >= env.INVITE_RESEND_LIMIT) return "resend_limit";
  const { recipientCanonicalHmac } = invitation;
  if (!(await withinRecipientLimit({ userId, recipientCanonicalHmac }))) {
    return "rate_limited";
  }

  const result = await db.$transaction(async (tx): Promise<ResendInvitationResult> => {
    const now = new Date();
    const expiresAt = invitationExpiry(now);
    const { token, tokenHash } = generateInvitationToken();
    const { count } = await tx.partnerInvitation.updateMany({
      where: {
        id: invitationId,
        inviterId: userId,
        ...pendingWhere(now),
        resendCount: { lt: env.INVITE_RESEND_LIMIT },
      },
      data: {
        tokenHash,
        resendCount: { increment: 1 },
        sentAt: now,
        expiresAt,
      },
    });
    if (count === 0) return "not_pending";
    const row = await tx.partnerInvitation.findUniqueOrThrow({
      where: { id: invitationId },
      select: {
        resendCount: true,
        recipientEmail: true,
        recipientHmac: true,
        recipientCanonicalHmac: true,
        inviterName: true,
      },
    });
    await eraseInvitationMail(tx, [invitationId]); // the old link's email, sent or not
    const optedOut = await isOnDoNotContactList(tx, {
      addressHmacs: [row.recipientCanonicalHmac, row.recipientHmac],
    });
    await queueInvitationEmail(tx, {
      id: invitationId,
      inviterId: userId,
      inviterName: row.inviterName,
      to: row.recipientEmail ?? "",
      token,
      sendNumber: row.resendCount,
      suppressed: optedOut || !row.recipientEmail,
      expiresAt,
    });
    return "resent";
  });
  if (result === "resent") {
    logger.info({ event: "invitation.resent", invitationId, userId }, "invitation resent");
  }
  return result;
}

// ------------------------------------------------------------------ revoke --

/** True when this pending invitation of the user's was revoked; anything else changes nothing. */
export async function revokePartnerInvitation({
  userId,
  invitationId,
}: {
  userId: string;
  invitationId: string;
}): Promise<boolean> {
  const revoked = await db.$transaction(async (tx) => {
    const now = new Date();
    const { count } = await tx.partnerInvitation.updateMany({
      where: { id: invitationId, inviterId: userId, ...pendingWhere(now) },
      data: { status: "revoked", respondedAt: now, ...ERASED_ON_FINISH },
    });
    if (count === 1) await eraseInvitationMail(tx, [invitationId]);
    return count === 1;
  });
  if (revoked) {
    logger.info({ event: "invitation.revoked", invitationId, userId }, "invitation revoked");
  }
  return revoked;
}

// -------------------------------------------------------------------- list --

export type InvitationSummary = {
  id: string;
  status: InvitationStatus;
  recipientHint: string | null;
  sentAt: Date;
  expiresAt: Date;
  respondedAt: Date | null;
  resendsLeft: number;
  declineNote: string | null;
};

/** The status a reader should see: a pending invitation past its expiry is expired. */
export function effectiveStatus(
  row: { status: InvitationStatus; expiresAt: Date },
  now: Date = new Date(),
): InvitationStatus {
  return row.status === "pending" && row.expiresAt <= now ? "expired" : row.status;
}

/** The user's invitations, newest first. Reading never writes: expiry is computed here and swept elsewhere. */
export async function listPartnerInvitations({
  userId,
}: {
  userId: string;
}): Promise<InvitationSummary[]> {
  const rows = await db.partnerInvitation.findMany({
    where: { inviterId: userId },
    orderBy: { createdAt: "desc" },
    take: 20,
    select: {
      id: true,
      status: true,
      recipientHint: true,
      sentAt: true,
      expiresAt: true,
      respondedAt: true,
      resendCount: true,
      declineNote: true,
    },
  });
  const now = new Date();
  return rows.map((row) => {
    const status = effectiveStatus(row, now);
    return {
      id: row.id,
      status,
      recipientHint: status === "pending" ? row.recipientHint : null,
      sentAt: row.sentAt,
      expiresAt: row.expiresAt,
      respondedAt: row.respondedAt,
      resendsLeft:
        status === "pending" ? Math.max(0, env.INVITE_RESEND_LIMIT - row.resendCount) : 0,
      declineNote: openSealed(row.declineNote, sealedField.invitationDeclineNote(userId, row.id)),
    };
  });
}

// ------------------------------------------------------------------ expiry --

async function expireInvitationsIn(
  tx: Prisma.TransactionClient,
  { inviterId }: { inviterId?: string },
): Promise<number> {
  const now = new Date();
  const due = await tx.partnerInvitation.findMany({
    where: { status: "pending", expiresAt: { lte: now }, ...(inviterId ? { inviterId } : {}) },
    select: { id: true },
    take: 500,
  });
  if (due.length === 0) return 0;
  const ids = due.map((d) => d.id);
  const { count } = await tx.partnerInvitation.updateMany({
    where: { id: { in: ids }, status: "pending", expiresAt: { lte: now } },
    data: { status: "expired", ...ERASED_ON_FINISH },
  });
  await eraseInvitationMail(tx, ids);
  return count;
}

/**
 * Marks pending invitations past their expiry as expired and erases their
 * addresses. Run by the email worker's sweep (and before each new invitation
 * of the inviter); pages compute expiry themselves and never write.
 */
export async function expirePartnerInvitations({
  inviterId,
}: { inviterId?: string } = {}): Promise<number> {
  const count = await db.$transaction((tx) => expireInvitationsIn(tx, { inviterId }));
  if (count > 0) logger.info({ event: "invitation.expired", count }, "invitations expired");
  return count;
}
