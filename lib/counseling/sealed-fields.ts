import {
  decryptField,
  encryptField,
  FieldDecryptionError,
  type FieldContext,
} from "@/lib/crypto/field-encryption";
import { logger } from "@/lib/logger";
import { encryptedColumnContext } from "@/lib/crypto/encrypted-columns";

// Every encrypted value of the counseling flow and the context it is bound to
// (lib/crypto/field-encryption.ts): the owner, the column and the row. A value
// copied to another row, column or person fails to decrypt instead of showing
// someone else's words. Outbox payloads are sealed too: a queued email's link
// token or intake details are ciphertext until the worker renders the message.

export const sealedField = {
  referralNote: (userId: string, referralId: string): FieldContext =>
    encryptedColumnContext("CounselingReferral.note", userId, referralId),
  referralPhone: (userId: string, referralId: string): FieldContext =>
    encryptedColumnContext("CounselingReferral.phone", userId, referralId),
  referralCloseResources: (userId: string, referralId: string): FieldContext =>
    encryptedColumnContext("CounselingReferral.closeResources", userId, referralId),
  /** Bound to the referral's owner whoever wrote it: an author's account may go, the thread stays readable. */
  counselingMessage: (ownerId: string, referralId: string, messageId: string): FieldContext =>
    encryptedColumnContext("CounselingMessage.text", ownerId, `${referralId}:${messageId}`),
  invitationMessage: (inviterId: string, invitationId: string): FieldContext =>
    encryptedColumnContext("PartnerInvitation.message", inviterId, invitationId),
  invitationDeclineNote: (inviterId: string, invitationId: string): FieldContext =>
    encryptedColumnContext("PartnerInvitation.declineNote", inviterId, invitationId),
  invitationEmail: (inviterId: string, invitationId: string, sendNumber: number): FieldContext => ({
    userId: inviterId,
    field: "OutboxMessage.partnerInvitation",
    row: `${invitationId}:${sendNumber}`,
  }),
  intakeEmail: (userId: string, referralId: string): FieldContext => ({
    userId,
    field: "OutboxMessage.counselingIntake",
    row: referralId,
  }),
  partnerJoinedEmail: (partnerId: string, referralId: string): FieldContext => ({
    userId: partnerId,
    field: "OutboxMessage.counselingPartnerJoined",
    row: referralId,
  }),
  /** A time a counselor offered: how to join (link, phone or address), bound to the referral's owner. */
  offeredTimeJoinDetail: (
    ownerId: string,
    referralId: string,
    offeredTimeId: string,
  ): FieldContext =>
    encryptedColumnContext("OfferedTime.joinDetail", ownerId, `${referralId}:${offeredTimeId}`),
  /** A session's calendar email to one recipient, for one version (SEQUENCE) of the session. */
  sessionEmail: (recipientId: string, sessionId: string, sequence: number): FieldContext => ({
    userId: recipientId,
    field: "OutboxMessage.sessionInvitation",
    row: `${sessionId}:${sequence}`,
  }),
  /** A session's reminder to one recipient: which version of the session and which reminder (24 or 1 hours). */
  sessionReminderEmail: (
    recipientId: string,
    sessionId: string,
    sequence: number,
    hours: number,
  ): FieldContext => ({
    userId: recipientId,
    field: "OutboxMessage.sessionReminder",
    row: `${sessionId}:${sequence}:${hours}`,
  }),
} as const;

export function seal(plaintext: string, context: FieldContext): string {
  return encryptField(plaintext, context);
}

export function sealOptional(plaintext: string | null | undefined, context: FieldContext) {
  return plaintext ? encryptField(plaintext, context) : null;
}

/** For display: a value that cannot be decrypted shows as null, never takes the page down. */
export function openSealed(stored: string | null, context: FieldContext): string | null {
  if (!stored) return null;
  try {
    return decryptField(stored, context);
  } catch (error) {
    if (!(error instanceof FieldDecryptionError)) throw error;
    logger.warn({ event: "field.unreadable", field: context.field }, "a field failed to decrypt");
    return null;
  }
}

export function sealJson(value: unknown, context: FieldContext): string {
  return encryptField(JSON.stringify(value), context);
}

/** Throws when the value does not decrypt: a queued email that cannot be rendered must fail loudly. */
export function openJson(stored: string, context: FieldContext): unknown {
  return JSON.parse(decryptField(stored, context)) as unknown;
}
