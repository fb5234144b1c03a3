import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { checksumOf, migrate, readMigrations } from "@/lib/db/migrate";
import { pgExecutor } from "@/lib/db/sql";

// Two instances starting together must not both apply a migration: the
// runner holds a PostgreSQL advisory lock for the whole run.
const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 4 });
afterAll(() => pool.end());

describe("migrate on PostgreSQL", () => {
  it("applies a pending migration exactly once when two runners race", async () => {
    const sql = `CREATE TABLE "RaceProbe" ("id" TEXT PRIMARY KEY); SELECT pg_sleep(0.2);`;
    const migrations = [
      ...readMigrations(),
      { name: "29990201000000_race", sql, checksum: checksumOf(sql) },
    ];
    const runners = await Promise.all(
      [0, 1].map(async () => {
        const client = await pool.connect();
        try {
          return await migrate(pgExecutor(client), migrations);
        } finally {
          client.release();
        }
      }),
    );
    const applied = runners.flatMap((r) => r.applied);
    expect(applied).toEqual(["29990201000000_race"]);
    const rows = await pool.query(
      `SELECT count(*)::int AS n FROM "_prisma_migrations" WHERE migration_name = '29990201000000_race'`,
    );
    expect(rows.rows[0].n).toBe(1);
  });
});
