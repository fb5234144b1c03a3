import type { FieldContext } from "@/lib/crypto/field-encryption";
import { sealedField } from "@/lib/counseling/sealed-fields";
import { stopTokenContext } from "@/lib/reminders/stop-token";
import {
  parseOutboxPayload,
  signInPathContext,
  type EmailTemplateName,
  type OutboxPayload,
} from "@/lib/data/outbox-payloads";

// Ciphertext inside queued mail: for each kind of email, which properties of
// its outbox payload (OutboxMessage.data) are sealed and the context each is
// bound to. Key rotation (lib/data/reencrypt-fields.ts) rewrites them, so no
// ciphertext outlives a retired key: a message waiting out an SMTP outage, or
// one that failed (kept 30 days for operators), still reads after the old key
// is gone. The delivery worker opens them with the same contexts
// (lib/email/open-payloads.ts); tests/integration/outbox-key-rotation.test.ts
// queues every kind, rotates, removes the old key and renders each.

export type SealedValue = { property: string; context: FieldContext };

type SealedValuesOf = {
  [Name in EmailTemplateName]: (payload: OutboxPayload<Name>) => SealedValue[];
};

/** Every kind of email must say what it seals (none is a statement too). */
const sealedValuesOf = {
  "sign-in": (payload) =>
    "sealedPath" in payload
      ? [{ property: "sealedPath", context: signInPathContext(payload.nonce) }]
      : [],
  "partner-invitation": (payload) => [
    {
      property: "sealedToken",
      context: sealedField.invitationEmail(
        payload.inviterId,
        payload.invitationId,
        payload.sendNumber,
      ),
    },
  ],
  "partner-accepted": () => [],
  // Bland and empty now; only mail queued before that change still seals the intake.
  "counseling-intake": (payload) =>
    "sealed" in payload
      ? [
          {
            property: "sealed",
            context: sealedField.intakeEmail(payload.ownerId, payload.referralId),
          },
        ]
      : [],
  // Bland and empty now; only mail queued before that change still seals an address.
  "counseling-partner-joined": (payload) =>
    "sealed" in payload
      ? [
          {
            property: "sealed",
            context: sealedField.partnerJoinedEmail(payload.partnerId, payload.referralId),
          },
        ]
      : [],
  // Bland by design: a referral id and who it is for, nothing sealed.
  "counseling-message": () => [],
  "counseling-request-received": () => [],
  "session-invitation": (payload) => [
    {
      property: "sealed",
      context: sealedField.sessionEmail(payload.recipientId, payload.sessionId, payload.sequence),
    },
  ],
  "session-reminder": (payload) => [
    {
      property: "sealed",
      context: sealedField.sessionReminderEmail(
        payload.recipientId,
        payload.sessionId,
        payload.sequence,
        payload.hours,
      ),
    },
  ],
  reminder: (payload) => [
    {
      property: "sealedToken",
      context: stopTokenContext(payload.userId, payload.reminderId, payload.day),
    },
  ],
} satisfies SealedValuesOf;

/**
 * The sealed values of one stored payload, each with its current ciphertext;
 * none for a payload that is empty (sent, skipped) or does not match its schema.
 */
export function sealedOutboxValues(
  template: EmailTemplateName,
  data: unknown,
): Array<SealedValue & { value: string }> {
  const payload = parseOutboxPayload(template, data);
  if (!payload) return [];
  const values = (sealedValuesOf[template] as (payload: unknown) => SealedValue[])(payload);
  return values.map((sealed) => ({
    ...sealed,
    value: (payload as Record<string, string>)[sealed.property]!,
  }));
}
