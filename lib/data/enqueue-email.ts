import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/db";
import {
  outboxPayloadSchemas,
  type EmailTemplateName,
  type OutboxPayload,
} from "@/lib/data/outbox-payloads";
import { OUTBOX_CHANNEL } from "@/lib/data/outbox-status";
import { normalizeEmailAddress } from "@/lib/validations/email-address";

// The transactional outbox. Code that wants to send mail calls enqueueEmail()
// with the Prisma transaction client of the change that causes the mail, so the
// domain row and the outbox row commit together or not at all:
//
//   await db.$transaction(async (tx) => {
//     const invitation = await tx.invitation.create({ ... });
//     await enqueueEmail(tx, { to, template: "invitation", data: { ... }, userId });
//   });
//
// Nothing is ever sent inline: lib/email/worker.ts delivers the row. The
// payload is the email's stored data (lib/data/outbox-payloads.ts), sealed where
// it carries a secret; the template renders it only when the worker sends. The NOTIFY
// below reaches the worker when (and only if) the transaction commits.

export type EnqueueEmailInput<Name extends EmailTemplateName> = {
  to: string;
  template: Name;
  data: OutboxPayload<Name>;
  /** Skip the message when one with the same key was ever queued. */
  dedupeKey?: string;
  /** The account the message concerns; account deletion removes its mail. */
  userId?: string;
  /** Send no earlier than this. */
  notBefore?: Date;
  /**
   * Write the row as already "skipped", with no address and no data: nothing is
   * sent. For mail that must not go out but whose absence must not show (an
   * invitation to a do-not-contact address): the caller does the same work and
   * the same statements either way, so neither the answer nor its timing differs.
   */
  suppressed?: boolean;
};

export async function enqueueEmail<Name extends EmailTemplateName>(
  tx: Prisma.TransactionClient,
  input: EnqueueEmailInput<Name>,
): Promise<{ id: string; queued: boolean }> {
  const to = input.suppressed ? "" : normalizeEmailAddress(input.to);
  // A template's data that does not parse is a bug in the caller: fail the
  // transaction now rather than queue a message that can never be rendered.
  const data = outboxPayloadSchemas[input.template].parse(input.data) as Prisma.InputJsonValue;
  const id = randomUUID();
  const { count } = await tx.outboxMessage.createMany({
    data: [
      {
        id,
        to,
        template: input.template,
        data: input.suppressed ? {} : data,
        ...(input.suppressed ? { status: "skipped" } : {}),
        userId: input.userId ?? null,
        dedupeKey: input.dedupeKey ?? null,
        ...(input.notBefore ? { runAt: input.notBefore } : {}),
      },
    ],
    // ON CONFLICT DO NOTHING: a duplicate key does not abort the caller's transaction.
    skipDuplicates: true,
  });
  if (count === 1) await tx.$executeRaw`SELECT pg_notify(${OUTBOX_CHANNEL}, '')`;
  return { id, queued: count === 1 };
}

/**
 * Many emails in one statement (the reminder scheduler's batches), each with
 * its dedupe key; one NOTIFY. Resolves to how many were queued (a duplicate
 * key queues nothing and does not abort the transaction).
 */
export async function enqueueEmails<Name extends EmailTemplateName>(
  tx: Prisma.TransactionClient,
  inputs: readonly EnqueueEmailInput<Name>[],
): Promise<number> {
  const { count } = await tx.outboxMessage.createMany({
    data: inputs.map((input) => ({
      ...outboxRow(input),
      ...(input.notBefore ? { runAt: input.notBefore } : {}),
    })),
    skipDuplicates: true,
  });
  if (count > 0) await tx.$executeRaw`SELECT pg_notify(${OUTBOX_CHANNEL}, '')`;
  return count;
}

/** An outbox row as it is stored: checked payload, normalised address, a new id. */
export type OutboxRow = {
  id: string;
  to: string;
  template: EmailTemplateName;
  data: Prisma.InputJsonValue;
  userId: string | null;
  dedupeKey: string | null;
};

/**
 * The row enqueueEmails() would write for one email, built with no database
 * access, for a caller that writes it inside a statement of its own (a take
 * queues its invitations in the same statement that books the session). The
 * payload is parsed here, so a bad one fails before anything is written.
 */
export function outboxRow<Name extends EmailTemplateName>(
  input: EnqueueEmailInput<Name>,
): OutboxRow {
  return {
    id: randomUUID(),
    to: normalizeEmailAddress(input.to),
    template: input.template,
    data: outboxPayloadSchemas[input.template].parse(input.data) as Prisma.InputJsonValue,
    userId: input.userId ?? null,
    dedupeKey: input.dedupeKey ?? null,
  };
}
