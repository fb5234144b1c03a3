import "server-only";
import { randomUUID } from "node:crypto";
import { encryptField } from "@/lib/crypto/field-encryption";
import { db } from "@/lib/db";
import { enqueueEmail } from "@/lib/data/enqueue-email";
import {
  SIGN_IN_CONFIRM_PATH,
  signInPathContext,
  type OutboxPayload,
} from "@/lib/data/outbox-payloads";

// The path carries the one-time token, which the database otherwise holds only
// hashed (VerificationToken). So the outbox row holds it sealed, bound to a
// random nonce, until the worker renders the message: a database dump taken
// while mail is queued (an SMTP outage) gives no working sign-in link.

/** The outbox payload for a sign-in email whose link is `path`. */
export function sealSignInPath(path: string): OutboxPayload<"sign-in"> {
  if (!path.startsWith(SIGN_IN_CONFIRM_PATH)) throw new Error("not a sign-in confirmation path");
  const nonce = randomUUID();
  return { nonce, sealedPath: encryptField(path, signInPathContext(nonce)) };
}

/** Queues a magic-link email. Auth.js creates the token itself; only the mail is ours. */
export async function queueSignInEmail({ to, path }: { to: string; path: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email: to }, select: { id: true } });
    await enqueueEmail(tx, {
      to,
      template: "sign-in",
      data: sealSignInPath(path),
      ...(user ? { userId: user.id } : {}),
    });
  });
}
