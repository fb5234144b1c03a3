import { randomUUID } from "node:crypto";
import { z } from "zod";
import { decryptField, encryptField, type FieldContext } from "@/lib/crypto/field-encryption";
import { renderLayout } from "@/lib/email/templates/layout";
import type { EmailTemplate } from "@/lib/email/templates/types";

// The magic-link email. It links to our confirmation page (a GET there spends
// nothing), never straight to the Auth.js callback. The subject and body say
// nothing about what the person uses Heartwork for.

const CONFIRM_PATH = "/signin/confirm?";

// The path carries the one-time token, which the database otherwise holds only
// hashed (VerificationToken). So the outbox row holds it sealed, bound to a
// random nonce, until the worker renders the message: a database dump taken
// while mail is queued (an SMTP outage) gives no working sign-in link.
const sealedSchema = z
  .object({ nonce: z.uuid(), sealedPath: z.string().min(1).max(4_000) })
  .strict();
// Rows queued before sealing (a deploy with mail in flight) still deliver.
const plainSchema = z
  .object({
    /** Path and query of the confirmation page; the origin comes from APP_URL. */
    path: z.string().startsWith(CONFIRM_PATH).max(2_000),
  })
  .strict();

export const signInEmailDataSchema = z.union([sealedSchema, plainSchema]);
export type SignInEmailData = z.infer<typeof signInEmailDataSchema>;

const sealContext = (nonce: string): FieldContext => ({
  userId: "sign-in",
  field: "OutboxMessage.signIn",
  row: nonce,
});

/** The outbox payload for a sign-in email whose link is `path`. */
export function sealSignInPath(path: string): SignInEmailData {
  if (!path.startsWith(CONFIRM_PATH)) throw new Error("not a sign-in confirmation path");
  const nonce = randomUUID();
  return { nonce, sealedPath: encryptField(path, sealContext(nonce)) };
}

function pathOf(data: SignInEmailData): string {
  if ("path" in data) return data.path;
  const path = decryptField(data.sealedPath, sealContext(data.nonce));
  if (!path.startsWith(CONFIRM_PATH)) throw new Error("not a sign-in confirmation path");
  return path;
}

export const signInEmail: EmailTemplate<SignInEmailData> = {
  schema: signInEmailDataSchema,
  render(data, { appUrl }) {
    return renderLayout({
      subject: "Your Heartwork sign-in link",
      intro: ["Hello,", "Someone, we hope you, asked to sign in to Heartwork with this address."],
      action: { label: "Sign in to Heartwork", url: `${appUrl}${pathOf(data)}` },
      outro: [
        "The link works once, for 10 minutes.",
        "If you did not ask for it, you can ignore this email. Nothing happens without a click.",
      ],
    });
  },
};
