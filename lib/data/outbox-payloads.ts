import { z } from "zod";
import type { FieldContext } from "@/lib/crypto/field-encryption";

// What an outbox row's `data` column holds, for each kind of email. lib/data
// writes these (enqueueEmail) and the delivery worker reads them back; the
// worker opens what is sealed and hands plain data to the email's template
// (lib/email/templates), which never sees a key or the database.
//
// Sealed values are ciphertext bound to their row (lib/crypto/field-encryption.ts):
// a database dump taken while mail is queued (an SMTP outage) gives no link
// token and no intake details.

/** Where every sign-in email points: our confirmation page, never the Auth.js callback. */
export const SIGN_IN_CONFIRM_PATH = "/signin/confirm?";

const signInSealedPayload = z
  .object({ nonce: z.uuid(), sealedPath: z.string().min(1).max(4_000) })
  .strict();
// Rows queued before sealing (a deploy with mail in flight) still deliver.
const signInPlainPayload = z
  .object({
    /** Path and query of the confirmation page; the origin comes from APP_URL. */
    path: z.string().startsWith(SIGN_IN_CONFIRM_PATH).max(2_000),
  })
  .strict();

export const outboxPayloadSchemas = {
  "sign-in": z.union([signInSealedPayload, signInPlainPayload]),
  "partner-invitation": z
    .object({
      invitationId: z.string().min(1).max(64),
      inviterId: z.string().min(1).max(64),
      sendNumber: z.number().int().min(0).max(1_000),
      inviterName: z.string().min(1).max(80),
      sealedToken: z.string().min(1).max(500),
      // When the link stops working, and the zone the email says it in. Rows
      // queued before these were added still deliver, with "open for 7 days".
      expiresAt: z.iso.datetime().optional(),
      timeZone: z.string().min(1).max(64).optional(),
    })
    .strict(),
  "partner-accepted": z.object({}).strict(),
  // Nothing at all: the team reads the referral in its inbox. The older sealed
  // shape is still accepted so mail queued before the change delivers, as the
  // same bland message (its sealed intake is never opened).
  "counseling-intake": z.union([
    z.object({}).strict(),
    z
      .object({
        referralId: z.string().min(1).max(64),
        ownerId: z.string().min(1).max(64),
        sealed: z.string().min(1).max(10_000),
      })
      .strict(),
  ]),
  /** The person's receipt for a sent request: bland, so nothing to store. */
  "counseling-request-received": z.object({}).strict(),
  // Nothing at all, like the intake: the team sees in its inbox that the partner
  // joined. The older shape (the partner's address, sealed) is still accepted so
  // mail queued before the change delivers, as the same bland message (never opened).
  "counseling-partner-joined": z.union([
    z.object({}).strict(),
    z
      .object({
        referralId: z.string().min(1).max(64),
        partnerId: z.string().min(1).max(64),
        sealed: z.string().min(1).max(2_000),
      })
      .strict(),
  ]),
  // Only where the link points: the email carries no words, names or ids of people.
  "counseling-message": z
    .object({
      audience: z.enum(["team", "person", "partner"]),
      referralId: z.string().min(1).max(64),
    })
    .strict(),
  // A daily check-in reminder or a hard date's heads-up: nothing but which
  // reminder and day (for the send-time check) and the sealed stop token.
  reminder: z
    .object({
      reminderId: z.string().min(1).max(80),
      userId: z.string().min(1).max(64),
      day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      kind: z.enum(["daily", "hard-date"]),
      sealedToken: z.string().min(1).max(500),
    })
    .strict(),
  // A booked first session's invitation, move or cancellation, with its
  // calendar file. The time, the length and the join detail (a secret link,
  // phone or address) are sealed to the recipient, the session and its
  // SEQUENCE; only who it is for and in which zone it reads stay plain.
  "session-invitation": z
    .object({
      sessionId: z.string().min(1).max(64),
      recipientId: z.string().min(1).max(64),
      sequence: z.number().int().min(0).max(100_000),
      audience: z.enum(["person", "partner", "team"]),
      referralId: z.string().min(1).max(64),
      change: z.enum(["booked", "moved", "cancelled"]),
      timeZone: z.string().min(1).max(64),
      sealed: z.string().min(1).max(4_000),
    })
    .strict(),
  // A reminder 24 hours or 1 hour before a booked session. Like the
  // invitation, the time, length and join detail are sealed to the recipient,
  // the session, its SEQUENCE and which reminder it is; the send-time check
  // reads the plain ids (lib/data/session-reminders.ts).
  "session-reminder": z
    .object({
      sessionId: z.string().min(1).max(64),
      recipientId: z.string().min(1).max(64),
      sequence: z.number().int().min(0).max(100_000),
      hours: z.union([z.literal(24), z.literal(1)]),
      audience: z.enum(["person", "partner", "team"]),
      referralId: z.string().min(1).max(64),
      timeZone: z.string().min(1).max(64),
      sealed: z.string().min(1).max(4_000),
    })
    .strict(),
} as const;

/** Every email Heartwork can send; each has a template of the same name in lib/email/templates. */
export type EmailTemplateName = keyof typeof outboxPayloadSchemas;

export type OutboxPayload<Name extends EmailTemplateName> = z.infer<
  (typeof outboxPayloadSchemas)[Name]
>;

export function isEmailTemplateName(name: string): name is EmailTemplateName {
  return Object.hasOwn(outboxPayloadSchemas, name);
}

/** A stored payload checked against its email's schema, or null when it does not match. */
export function parseOutboxPayload<Name extends EmailTemplateName>(
  template: Name,
  data: unknown,
): OutboxPayload<Name> | null {
  const parsed = outboxPayloadSchemas[template].safeParse(data);
  return parsed.success ? (parsed.data as OutboxPayload<Name>) : null;
}

/** The context a sign-in path is sealed to: a random nonce kept beside it in the row. */
export function signInPathContext(nonce: string): FieldContext {
  return { userId: "sign-in", field: "OutboxMessage.signIn", row: nonce };
}
