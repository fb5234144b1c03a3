import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import pg from "pg";

// Reads the database an e2e app instance writes, directly (not through the
// app), so a test can check what a request really changed. On PostgreSQL the
// test connects beside the running app. PGlite serves one process, so on the
// embedded database the app is stopped, the folder opened and closed again,
// and the app restarted (sessions live in the database and survive that).

export type Query = (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

export type DatabaseAccess = {
  /** Runs `read` against the database, pausing the app if the database needs it. */
  read<T>(read: (query: Query) => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

export function postgresAccess(url: string): DatabaseAccess {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  pool.on("error", () => {}); // an idle client dropping is not this test's business
  return {
    async read(read) {
      return read(async (sql, params) => (await pool.query(sql, params)).rows);
    },
    close: () => pool.end(),
  };
}

export function pgliteAccess(
  dir: string,
  app: { stop(): Promise<void>; start(): Promise<void> },
): DatabaseAccess {
  return {
    async read(read) {
      await app.stop();
      const db = await PGlite.create(dir, { extensions: { btree_gist } });
      try {
        return await read(async (sql, params) => (await db.query(sql, params)).rows as never);
      } finally {
        await db.close();
        await app.start();
      }
    },
    close: async () => {},
  };
}

/**
 * Every row the given people own, table by table, as JSON text (ciphertext and
 * all), in a stable order. Outbox rows are compared by identity only: the mail
 * worker updates their delivery status in the background. Sign-in emails are
 * left out: anyone may ask for a sign-in link to any address (it goes to that
 * inbox only, rate-limited per address), so they are not a change anyone made
 * to the owner's data.
 */
/** The owner of the referral a row belongs to, for tables keyed by referral. */
const REFERRAL_OWNER = `(SELECT c."userId" FROM "CounselingReferral" c WHERE c."id" = t."referralId")`;

const OWNED: Array<[table: string, owner: string, columns: string, where?: string]> = [
  ["User", "id", "t.*"],
  ["Account", "userId", "t.*"],
  ["Session", "userId", "t.*"],
  ["TrackerSettings", "userId", "t.*"],
  ["CheckIn", "userId", "t.*"],
  ["Slip", "userId", "t.*"],
  ["Memory", "userId", "t.*"],
  ["Goal", "userId", "t.*"],
  ["Activity", "userId", "t.*"],
  ["ReachOut", "userId", "t.*"],
  ["HardDate", "userId", "t.*"],
  ["TextPause", "userId", "t.*"],
  ["ReminderSettings", "userId", "t.*"],
  // Not "dueAt": the scheduler moves it while the suite runs.
  ["Reminder", "userId", `t."id", t."hardDateId"`],
  ["ReminderStopToken", "userId", "t.*"],
  ["CounselingReferral", "userId", "t.*"],
  ["PartnerInvitation", "inviterId", "t.*"],
  // A referral's first session: owned through the referral.
  ["OfferedTime", REFERRAL_OWNER, "t.*"],
  ["CounselingSession", REFERRAL_OWNER, "t.*"],
  ["OutboxMessage", "userId", `t."id", t."template", t."dedupeKey"`, `t."template" <> 'sign-in'`],
];

export type OwnerSnapshot = Record<string, string[]>;

export async function snapshotOwnedRows(query: Query, userIds: string[]): Promise<OwnerSnapshot> {
  const placeholders = userIds.map((_, i) => `$${i + 1}`).join(", ");
  const snapshot: OwnerSnapshot = {};
  for (const [table, owner, columns, where = "true"] of OWNED) {
    const rows = await query(
      `SELECT row_to_json(r)::text AS row FROM (SELECT ${columns} FROM "${table}" t ` +
        `WHERE ${owner.startsWith("(") ? owner : `t."${owner}"`} IN (${placeholders}) AND ${where}) r ORDER BY 1`,
      userIds,
    );
    snapshot[table] = rows.map((r) => String(r.row));
  }
  return snapshot;
}
