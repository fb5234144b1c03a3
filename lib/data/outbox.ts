import "server-only";
import { db, type Prisma } from "@/lib/db";
import { listenToChannel, type Unlisten } from "@/lib/db/listen";
import { NOW_UTC, nowUtcPlus } from "@/lib/data/sql-time";
import { OUTBOX_CHANNEL } from "@/lib/data/outbox-status";
import { scrubString } from "@/lib/logger";

// The delivery worker's view of the outbox (lib/data/enqueue-email.ts writes rows).
// A claim moves due rows to "sending" for `claimMs`, stamped with the worker's
// id; every later state change is conditional on that stamp, so a worker whose
// claim expired (it was killed, or hung past the timeout) cannot overwrite the
// outcome of the worker that re-claimed the row.

/** What the worker knows about a message it claimed. */
export type ClaimedMessage = {
  id: string;
  template: string;
  to: string;
  data: unknown;
  userId: string | null;
  dedupeKey: string | null;
  attempts: number;
};

/**
 * Asked right before each send attempt, inside a transaction: false drops the
 * message (status "skipped"), e.g. when the invitation it announces was revoked
 * after it was queued (lib/data/outbox-send-guards.ts).
 */
export type OutboxSendGuard = (
  tx: Prisma.TransactionClient,
  message: ClaimedMessage,
) => Promise<boolean>;

/** Claims up to `limit` due rows. `FOR UPDATE SKIP LOCKED`: concurrent workers never share a row. */
export async function claimOutboxMessages({
  workerId,
  limit,
  claimMs,
}: {
  workerId: string;
  limit: number;
  claimMs: number;
}): Promise<ClaimedMessage[]> {
  return db.$queryRaw<ClaimedMessage[]>`
    UPDATE "OutboxMessage" AS m
       SET "status" = 'sending',
           "attempts" = m."attempts" + 1,
           "lockedBy" = ${workerId},
           "lockedUntil" = ${nowUtcPlus(claimMs)},
           "updatedAt" = ${NOW_UTC}
      FROM (
        SELECT "id" FROM "OutboxMessage"
         WHERE ("status" = 'pending' AND "runAt" <= ${NOW_UTC})
            OR ("status" = 'sending' AND "lockedUntil" <= ${NOW_UTC})
         ORDER BY "runAt"
         LIMIT ${limit}::integer
         FOR UPDATE SKIP LOCKED
      ) AS due
     WHERE m."id" = due."id"
    RETURNING m."id", m."template", m."to", m."data", m."userId", m."dedupeKey", m."attempts"`;
}

function claimedBy(ids: string[], workerId: string) {
  return { id: { in: ids }, lockedBy: workerId, status: "sending" };
}

/** Marks delivered rows sent and drops their payload (a sign-in link must not outlive its use). */
export async function markOutboxMessagesSent({
  ids,
  workerId,
}: {
  ids: string[];
  workerId: string;
}): Promise<number> {
  if (ids.length === 0) return 0;
  const { count } = await db.outboxMessage.updateMany({
    where: claimedBy(ids, workerId),
    data: {
      status: "sent",
      sentAt: new Date(),
      data: {},
      lockedBy: null,
      lockedUntil: null,
      lastError: null,
    },
  });
  return count;
}

/**
 * Extends this worker's claim on one row before a send that would otherwise
 * run past it. False when the claim was lost (it expired and another worker
 * took the row over): then this worker must not send.
 */
export async function renewOutboxClaim({
  id,
  workerId,
  claimMs,
}: {
  id: string;
  workerId: string;
  claimMs: number;
}): Promise<boolean> {
  const count = await db.$executeRaw`
    UPDATE "OutboxMessage"
       SET "lockedUntil" = ${nowUtcPlus(claimMs)}, "updatedAt" = ${NOW_UTC}
     WHERE "id" = ${id} AND "lockedBy" = ${workerId} AND "status" = 'sending'`;
  return count === 1;
}

/**
 * Hands claimed rows this worker will not try (it is stopping) back to the
 * queue at once, instead of leaving them until the claim expires. The claim's
 * attempt is given back too: nothing was tried.
 */
export async function releaseOutboxMessages({
  ids,
  workerId,
}: {
  ids: string[];
  workerId: string;
}): Promise<number> {
  if (ids.length === 0) return 0;
  const { count } = await db.outboxMessage.updateMany({
    where: claimedBy(ids, workerId),
    data: { status: "pending", lockedBy: null, lockedUntil: null, attempts: { decrement: 1 } },
  });
  return count;
}

function describeError(error: string): string {
  return scrubString(error).slice(0, 500);
}

export async function scheduleOutboxRetry({
  id,
  workerId,
  error,
  delayMs,
}: {
  id: string;
  workerId: string;
  error: string;
  delayMs: number;
}): Promise<boolean> {
  const { count } = await db.outboxMessage.updateMany({
    where: claimedBy([id], workerId),
    data: {
      status: "pending",
      runAt: new Date(Date.now() + delayMs),
      lockedBy: null,
      lockedUntil: null,
      lastError: describeError(error),
    },
  });
  return count === 1;
}

export async function markOutboxMessageFailed({
  id,
  workerId,
  error,
}: {
  id: string;
  workerId: string;
  error: string;
}): Promise<boolean> {
  const { count } = await db.outboxMessage.updateMany({
    where: claimedBy([id], workerId),
    data: { status: "failed", lockedBy: null, lockedUntil: null, lastError: describeError(error) },
  });
  return count === 1;
}

/** A message its template's guard refused to send (e.g. the invitation was revoked). */
export async function markOutboxMessageSkipped({
  id,
  workerId,
}: {
  id: string;
  workerId: string;
}): Promise<boolean> {
  const { count } = await db.outboxMessage.updateMany({
    where: claimedBy([id], workerId),
    data: { status: "skipped", data: {}, lockedBy: null, lockedUntil: null },
  });
  return count === 1;
}

/** Runs an email's send guard in a transaction of its own. */
export async function checkOutboxSendGuard(
  guard: OutboxSendGuard,
  message: ClaimedMessage,
): Promise<boolean> {
  return db.$transaction((tx) => guard(tx, message));
}

/** Milliseconds until the next pending row is due (0 if one is due now), or null if none. */
export async function nextOutboxDueInMs(): Promise<number | null> {
  const rows = await db.$queryRaw<{ wait: number | null }[]>`
    SELECT EXTRACT(EPOCH FROM (MIN(t) - ${NOW_UTC})) * 1000 AS "wait" FROM (
      SELECT MIN("runAt") AS t FROM "OutboxMessage" WHERE "status" = 'pending'
      UNION ALL
      SELECT MIN("lockedUntil") AS t FROM "OutboxMessage" WHERE "status" = 'sending'
    ) AS due`;
  const wait = rows[0]?.wait;
  return wait === null || wait === undefined ? null : Math.max(0, Number(wait));
}

/** Counts by status: for operators, tests and the benchmark. */
export async function countOutboxMessagesByStatus(): Promise<Record<string, number>> {
  const groups = await db.outboxMessage.groupBy({ by: ["status"], _count: { _all: true } });
  return Object.fromEntries(groups.map((g) => [g.status, g._count._all]));
}

/** Removes old finished rows: sent/skipped after 7 days, failed after 30. */
export async function purgeFinishedOutboxMessages(): Promise<number> {
  const day = 24 * 60 * 60 * 1000;
  const { count } = await db.outboxMessage.deleteMany({
    where: {
      OR: [
        { status: { in: ["sent", "skipped"] }, updatedAt: { lt: new Date(Date.now() - 7 * day) } },
        { status: "failed", updatedAt: { lt: new Date(Date.now() - 30 * day) } },
      ],
    },
  });
  return count;
}

export type { Unlisten };

/** Calls `onNotify` whenever a transaction that queued mail commits. */
export function listenForOutboxMessages(onNotify: () => void): Promise<Unlisten> {
  return listenToChannel(OUTBOX_CHANNEL, onNotify);
}
