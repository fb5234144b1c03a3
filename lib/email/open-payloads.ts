import "server-only";
import { decryptField } from "@/lib/crypto/field-encryption";
import { openJson, sealedField } from "@/lib/counseling/sealed-fields";
import { stopTokenContext } from "@/lib/reminders/stop-token";
import {
  signInPathContext,
  type EmailTemplateName,
  type OutboxPayload,
} from "@/lib/data/outbox-payloads";

// How the delivery worker turns each stored payload into its template's data:
// the one place queued mail is decrypted, just before it is rendered, so the
// templates stay pure. A value that does not decrypt throws: a queued email
// that cannot be rendered must fail loudly, never go out half-empty. The
// template's schema then checks what came out (lib/email/compose-email.ts).

type Openers = {
  [Name in EmailTemplateName]: (payload: OutboxPayload<Name>) => unknown;
};

export const payloadOpeners = {
  "sign-in": (payload) => ({
    path:
      "path" in payload
        ? payload.path
        : decryptField(payload.sealedPath, signInPathContext(payload.nonce)),
  }),
  "partner-invitation": (payload) => ({
    inviterName: payload.inviterName,
    expiresAt: payload.expiresAt,
    timeZone: payload.timeZone,
    token: decryptField(
      payload.sealedToken,
      sealedField.invitationEmail(payload.inviterId, payload.invitationId, payload.sendNumber),
    ),
  }),
  "partner-accepted": () => ({}),
  "counseling-intake": () => ({}),
  "counseling-request-received": () => ({}),
  // Older rows sealed the partner's address; it is never opened again.
  "counseling-partner-joined": () => ({}),
  "counseling-message": (payload) => payload,
  "session-invitation": (payload) => ({
    audience: payload.audience,
    referralId: payload.referralId,
    change: payload.change,
    timeZone: payload.timeZone,
    sequence: payload.sequence,
    ...(openJson(
      payload.sealed,
      sealedField.sessionEmail(payload.recipientId, payload.sessionId, payload.sequence),
    ) as object),
  }),
  "session-reminder": (payload) => ({
    audience: payload.audience,
    referralId: payload.referralId,
    timeZone: payload.timeZone,
    hours: payload.hours,
    ...(openJson(
      payload.sealed,
      sealedField.sessionReminderEmail(
        payload.recipientId,
        payload.sessionId,
        payload.sequence,
        payload.hours,
      ),
    ) as object),
  }),
  reminder: (payload) => ({
    kind: payload.kind,
    token: decryptField(
      payload.sealedToken,
      stopTokenContext(payload.userId, payload.reminderId, payload.day),
    ),
  }),
} satisfies Openers;

/** What a stored payload holds once opened, still to be checked by its template's schema. */
export function openPayload<Name extends EmailTemplateName>(
  template: Name,
  payload: OutboxPayload<Name>,
): unknown {
  return (payloadOpeners[template] as (payload: OutboxPayload<Name>) => unknown)(payload);
}
