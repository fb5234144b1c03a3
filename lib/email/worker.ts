import "server-only";
import { randomUUID } from "node:crypto";
import os from "node:os";
import {
  checkOutboxSendGuard,
  claimOutboxMessages,
  listenForOutboxMessages,
  markOutboxMessageFailed,
  markOutboxMessageSkipped,
  markOutboxMessagesSent,
  nextOutboxDueInMs,
  releaseOutboxMessages,
  renewOutboxClaim,
  scheduleOutboxRetry,
  type ClaimedMessage,
  type OutboxSendGuard,
  type Unlisten,
} from "@/lib/data/outbox";
import { isEmailTemplateName, parseOutboxPayload } from "@/lib/data/outbox-payloads";
import { outboxSendGuards } from "@/lib/data/outbox-send-guards";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { wakeableSleep } from "@/lib/time/wakeable-sleep";
import { composeEmail } from "@/lib/email/compose-email";
import { transportFromEnv, type MailTransport } from "@/lib/email/transport";

// The delivery worker. Started inside the web server (lib/server/start.ts) and
// runnable alone (`npm run worker`); any number may run against one PostgreSQL
// database, because claims use FOR UPDATE SKIP LOCKED.
//
// Delivery is at-least-once: a worker that dies after the SMTP server accepted
// a message but before recording it leaves the claim to expire (claimMs), and
// another worker sends it again with the same Message-ID. Every other path is
// exactly-once: a row is claimed by one worker at a time, and the outcome is
// written only by the worker that holds the claim.
//
// The worker only delivers mail. The periodic clean-up it used to do between
// rounds (expiring invitations, pruning old rows) is a set of named jobs in
// lib/jobs, run by the job runner the server starts beside it.

export type EmailWorkerOptions = {
  transport?: MailTransport;
  workerId?: string;
  /** Rows claimed per round trip. */
  batchSize?: number;
  /** Messages in flight at once. */
  concurrency?: number;
  /** How long a claim holds before another worker may take the row over. */
  claimMs?: number;
  maxAttempts?: number;
  /** First retry delay; doubles each attempt, up to retryMaxMs, with jitter. */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** Longest idle sleep between checks when no notification arrives. */
  pollMs?: number;
  /** LISTEN for commits that queue mail (default true). */
  listen?: boolean;
  random?: () => number;
  /** The re-checks before sending (lib/data/outbox-send-guards.ts; tests substitute their own). */
  sendGuards?: Readonly<Partial<Record<string, OutboxSendGuard>>>;
};

export type EmailWorker = {
  readonly id: string;
  /** Look for due mail now (call after committing a transaction that queued some). */
  wake(): void;
  /** One claim-and-send round; resolves to the number of rows claimed. */
  runOnce(): Promise<number>;
  /** Stops claiming, waits for messages in flight, hands back the rest of its claim, closes the transport. */
  stop(): Promise<void>;
};

/**
 * Exponential backoff with "equal jitter": half the delay is fixed, half is
 * random, so retries from many messages spread out but never come too early.
 */
export function retryDelayMs(
  attempt: number,
  { baseMs, maxMs, random = Math.random }: { baseMs: number; maxMs: number; random?: () => number },
): number {
  const exponential = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential / 2 + random() * (exponential / 2));
}

const running = ((
  globalThis as unknown as { __heartworkEmailWorkers?: Set<EmailWorker> }
).__heartworkEmailWorkers ??= new Set<EmailWorker>());

/** Wakes every worker in this process (other processes hear the NOTIFY). */
export function wakeEmailWorkers(): void {
  for (const worker of running) worker.wake();
}

const HOUR = 60 * 60 * 1000;

export function startEmailWorker(options: EmailWorkerOptions = {}): EmailWorker {
  const id = options.workerId ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const transport = options.transport ?? transportFromEnv();
  const batchSize = options.batchSize ?? 50;
  const concurrency = options.concurrency ?? env.SMTP_MAX_CONNECTIONS * 2;
  const claimMs = options.claimMs ?? env.EMAIL_CLAIM_TIMEOUT_MS;
  const maxAttempts = options.maxAttempts ?? env.EMAIL_MAX_ATTEMPTS;
  const retryBaseMs = options.retryBaseMs ?? env.EMAIL_RETRY_BASE_MS;
  const retryMaxMs = options.retryMaxMs ?? HOUR;
  const pollMs = options.pollMs ?? 5_000;
  const sendGuards: Readonly<Partial<Record<string, OutboxSendGuard>>> =
    options.sendGuards ?? outboxSendGuards;
  const random = options.random ?? Math.random;

  let stopped = false;
  const pause = wakeableSleep();
  let unlisten: Unlisten | undefined;

  const fail = async (message: ClaimedMessage, reason: string) => {
    await markOutboxMessageFailed({ id: message.id, workerId: id, error: reason });
    logger.error(
      {
        event: "email.failed",
        outboxId: message.id,
        template: message.template,
        attempts: message.attempts,
      },
      `email gave up: ${reason}`,
    );
  };

  /** Sends one claimed message; resolves true when the SMTP server (or mailbox) took it. */
  const deliver = async (message: ClaimedMessage): Promise<boolean> => {
    const template = message.template;
    if (!isEmailTemplateName(template)) {
      await fail(message, `unknown template ${template}`);
      return false;
    }
    if (message.attempts > maxAttempts) {
      // Claimed again after its last attempt's claim expired: a worker died mid-send.
      await fail(message, `no outcome recorded after ${maxAttempts} attempts`);
      return false;
    }
    const payload = parseOutboxPayload(template, message.data);
    if (!payload) {
      await fail(message, "data does not match the template");
      return false;
    }
    const guard = sendGuards[template];
    if (guard && !(await checkOutboxSendGuard(guard, message))) {
      await markOutboxMessageSkipped({ id: message.id, workerId: id });
      logger.info(
        { event: "email.skipped", outboxId: message.id, template: message.template },
        "email no longer wanted",
      );
      return false;
    }
    const rendered = composeEmail(template, payload, { appUrl: env.APP_URL });
    try {
      await transport.send({ id: message.id, to: message.to, ...rendered });
      return true;
    } catch (error) {
      const reason = (error as Error).message || String(error);
      if (message.attempts >= maxAttempts) {
        await fail(message, reason);
      } else {
        const delayMs = retryDelayMs(message.attempts, {
          baseMs: retryBaseMs,
          maxMs: retryMaxMs,
          random,
        });
        await scheduleOutboxRetry({ id: message.id, workerId: id, error: reason, delayMs });
        logger.warn(
          {
            event: "email.retry",
            outboxId: message.id,
            template: message.template,
            attempts: message.attempts,
            delayMs,
            err: error,
          },
          "email delivery failed; will retry",
        );
      }
      return false;
    }
  };

  const runOnce = async (): Promise<number> => {
    const claimedAt = Date.now();
    const claimed = await claimOutboxMessages({ workerId: id, limit: batchSize, claimMs });
    if (claimed.length === 0) return 0;
    let next = 0;
    let sent = 0;
    const lane = async () => {
      // A stopping worker finishes the messages in flight and takes no more.
      while (next < claimed.length && !stopped) {
        const message = claimed[next++]!;
        try {
          // A slow batch can outlive its claim, and another worker may then
          // take the row over: past half the claim, renew it before sending,
          // and leave the row alone if it is no longer ours.
          if (
            Date.now() - claimedAt > claimMs / 2 &&
            !(await renewOutboxClaim({ id: message.id, workerId: id, claimMs }))
          ) {
            continue;
          }
          if (await deliver(message)) {
            // Recorded at once, not at the end of the batch: a row sent early
            // in a long batch must not wait, claimed, for the slowest one.
            await markOutboxMessagesSent({ ids: [message.id], workerId: id });
            sent++;
          }
        } catch (error) {
          // A database error while recording an outcome: the claim expires and
          // the row is tried again; never crash the worker.
          logger.error(
            { event: "email.worker_error", outboxId: message.id, err: error },
            "email worker error",
          );
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, claimed.length) }, lane));
    if (next < claimed.length) {
      // Stopping: hand the untried rest of the claim back for another worker now.
      await releaseOutboxMessages({
        ids: claimed.slice(next).map((message) => message.id),
        workerId: id,
      }).catch((error: unknown) =>
        logger.warn(
          { event: "email.release_failed", err: error },
          "could not hand back claimed mail; it is retried when the claim expires",
        ),
      );
    }
    if (sent > 0) logger.debug({ event: "email.sent", count: sent }, "emails sent");
    return claimed.length;
  };

  const loop = (async () => {
    if (options.listen !== false) {
      try {
        unlisten = await listenForOutboxMessages(() => worker.wake());
      } catch (error) {
        logger.warn(
          { event: "email.listen_failed", err: error },
          "email worker polls without notifications",
        );
      }
    }
    let failures = 0;
    while (!stopped) {
      let wait = pollMs;
      try {
        if ((await runOnce()) > 0) continue; // there may be more due right now
        const due = await nextOutboxDueInMs();
        if (due !== null) wait = Math.min(wait, due + 5);
        failures = 0;
      } catch (error) {
        failures++;
        wait = Math.min(pollMs * 2 ** failures, 60_000); // the database is away: back off, never crash
        logger.warn(
          { event: "email.worker_error", err: error },
          "email worker cannot reach the database",
        );
      }
      if (!stopped) await pause.sleep(wait);
    }
  })();

  const worker: EmailWorker = {
    id,
    wake() {
      pause.wake();
    },
    runOnce,
    async stop() {
      if (stopped) return;
      stopped = true;
      running.delete(worker);
      pause.wake();
      await loop;
      await unlisten?.();
      transport.close();
    },
  };
  running.add(worker);
  return worker;
}

const singleton = globalThis as unknown as { __heartworkEmailWorker?: EmailWorker };

/** The worker inside the web server: one per process, whatever Next reloads. */
export function startServerEmailWorker(): EmailWorker {
  return (singleton.__heartworkEmailWorker ??= startEmailWorker());
}
