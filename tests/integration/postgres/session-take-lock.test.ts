import pg from "pg";
import { afterAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { claimReferral } from "@/lib/data/referral-ownership";
import { offerSessionTimes, takeOfferedTime, type TakeResult } from "@/lib/data/session-booking";
import { createPerson } from "@/tests/support/counseling";
import { createSubmittedReferral, createTeamMember } from "@/tests/support/counseling-team";

// A take reads without a lock, then books in one statement that locks the
// referral's row (lib/data/session-booking.ts). What another transaction
// committed while that statement waited for the lock must count: these tests
// hold the referral's row from a second connection, change it, and let go.
// PostgreSQL only: PGlite has one connection, so nothing waits there.

vi.setConfig({ testTimeout: 60_000 });

const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 3 });
afterAll(() => pool.end());

const DAY = 24 * 3_600_000;

function at(offsetMs: number): Date {
  return new Date(Math.floor((Date.now() + offsetMs) / 60_000) * 60_000);
}

async function offeredReferral(label: string, format?: "COUPLES") {
  const counselor = await createTeamMember(`${label}-counselor`);
  const { person, referralId } = await createSubmittedReferral(
    `${label}-person`,
    format ? { format } : {},
  );
  expect(await claimReferral({ userId: counselor.id, referralId })).toEqual({ ok: true });
  const offered = await offerSessionTimes({
    userId: counselor.id,
    referralId,
    timeZone: "UTC",
    joinKind: "video",
    joinDetail: "https://video.example/lock",
    times: [
      { startsAt: at(3 * DAY), lengthMinutes: 50 },
      { startsAt: at(4 * DAY), lengthMinutes: 50 },
    ],
  });
  expect(offered.ok).toBe(true);
  const offers = await db.offeredTime.findMany({
    where: { referralId },
    orderBy: { startsAt: "asc" },
    select: { id: true },
  });
  return { counselor, person, referralId, offers };
}

/** Holds the referral's row in a transaction on another connection while `during` runs. */
async function holdingReferral<T>(
  referralId: string,
  change: (client: pg.PoolClient) => Promise<void>,
  during: () => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query(`SELECT 1 FROM "CounselingReferral" WHERE "id" = $1 FOR UPDATE`, [
      referralId,
    ]);
    await change(client);
    const result = await during();
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** Resolves once some statement of this database waits for a row lock. */
async function someoneWaits() {
  for (let i = 0; i < 200; i++) {
    const { rows } = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    if (rows[0]!.n > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error("no statement waited for the lock");
}

async function invitations(sessionId: string) {
  const rows = await db.outboxMessage.findMany({
    where: { template: "session-invitation" },
    select: { to: true, data: true },
  });
  return rows.filter((row) => (row.data as { sessionId?: string }).sessionId === sessionId);
}

describe("a take that waits for the referral's lock", () => {
  it("answers 'withdrawn' when the offer was replaced while it waited, and books nothing", async () => {
    const { referralId, person, offers } = await offeredReferral("lock-withdrawn");
    let take!: Promise<TakeResult>;
    await holdingReferral(
      referralId,
      (client) =>
        client
          .query(`UPDATE "OfferedTime" SET "withdrawnAt" = now() WHERE "referralId" = $1`, [
            referralId,
          ])
          .then(() => {}),
      async () => {
        take = takeOfferedTime({ userId: person.id, offeredTimeId: offers[0]!.id });
        await someoneWaits();
      },
    );
    expect(await take).toEqual({ ok: false, reason: "withdrawn" });
    expect(await db.counselingSession.count({ where: { referralId } })).toBe(0);
  });

  it("queues the invitation to a partner who joined while it waited", async () => {
    const { referralId, person, counselor, offers } = await offeredReferral(
      "lock-partner",
      "COUPLES",
    );
    const partner = await createPerson("lock-partner-partner");
    let take!: Promise<TakeResult>;
    await holdingReferral(
      referralId,
      (client) =>
        client
          .query(
            `UPDATE "CounselingReferral"
                SET "partnerId" = $2, "partnerScreenOutcome" = 'CLEAR', "partnerScreenedAt" = now()
              WHERE "id" = $1`,
            [referralId, partner.id],
          )
          .then(() => {}),
      async () => {
        take = takeOfferedTime({ userId: person.id, offeredTimeId: offers[0]!.id });
        await someoneWaits();
      },
    );
    const result = await take;
    expect(result.ok).toBe(true);
    const sent = await invitations((result as { sessionId: string }).sessionId);
    expect(sent.map((row) => row.to).sort()).toEqual(
      [person.email, partner.email, counselor.email].map((e) => e.toLowerCase()).sort(),
    );
  });

  it("is not needed to learn that the referral is booked already: the loser answers at once", async () => {
    const { referralId, person, offers } = await offeredReferral("lock-loser");
    expect((await takeOfferedTime({ userId: person.id, offeredTimeId: offers[0]!.id })).ok).toBe(
      true,
    );
    // The row stays locked by another transaction throughout; the answer comes anyway.
    const answer = await holdingReferral(
      referralId,
      async () => {},
      () => takeOfferedTime({ userId: person.id, offeredTimeId: offers[1]!.id }),
    );
    expect(answer).toEqual({ ok: false, reason: "already_booked" });
  });
});
