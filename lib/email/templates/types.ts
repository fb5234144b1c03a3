import type { z } from "zod";
import type { Prisma } from "@/lib/db/generated/client";
import type { RenderedEmail } from "@/lib/email/templates/layout";

/** What the worker knows about a message when it decides to send it. */
export type OutboxMessageForSend = {
  id: string;
  template: string;
  to: string;
  data: unknown;
  userId: string | null;
  dedupeKey: string | null;
  attempts: number;
};

export type EmailTemplate<Data> = {
  /** Validates `data` when the row is queued and again before it is rendered. */
  schema: z.ZodType<Data>;
  /** Subject, text and HTML. Links must start with `appUrl` (env.APP_URL). */
  render(data: Data, context: { appUrl: string }): RenderedEmail;
  /**
   * Asked right before each send attempt, inside a transaction. Return false to
   * drop the message (status "skipped"), e.g. when the invitation it announces
   * was revoked after it was queued. Called through lib/data/outbox.ts.
   */
  shouldSend?(tx: Prisma.TransactionClient, message: OutboxMessageForSend): Promise<boolean>;
};
