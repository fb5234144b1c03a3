import { describe, expect, it } from "vitest";
import { withSqlExecutor } from "@/lib/db/connection";
import { deleteAccount } from "@/lib/data/delete-account";
import {
  TABLES_WITHOUT_USER_DATA,
  USER_DATA_SEEDERS,
  seedUserData,
} from "@/tests/support/user-data";

// Lists the real tables of the migrated database, so a model added later that
// nobody taught deletion about makes this file fail.
async function listTables(): Promise<string[]> {
  const rows = await withSqlExecutor((sql) =>
    sql.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables
        WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
        ORDER BY table_name`,
    ),
  );
  return rows.map((r) => r.table_name);
}

/** Rows of `table` in which any column, as text, mentions the id or the email. */
async function rowsMentioning(table: string, needles: string[]): Promise<number> {
  const quoted = `"${table.replace(/"/g, '""')}"`;
  const [row] = await withSqlExecutor((sql) =>
    sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${quoted} AS t
        WHERE ${needles.map((_, i) => `position($${i + 1} in lower(t::text)) > 0`).join(" OR ")}`,
      needles.map((n) => n.toLowerCase()),
    ),
  );
  return row?.n ?? 0;
}

describe(deleteAccount, () => {
  it("knows every table in the database: each is seeded with a person's rows or declared free of them", async () => {
    const unknown = (await listTables()).filter(
      (table) => !(table in USER_DATA_SEEDERS) && !(table in TABLES_WITHOUT_USER_DATA),
    );
    expect(
      unknown,
      "New tables: add a seeder in tests/support/user-data.ts and an eraser in lib/data/delete-account.ts",
    ).toEqual([]);
  });

  // Seeding every table for two people, both sides of counseling included, is a few hundred
  // statements: on a loaded two-core machine that can take longer than the default 30 s.
  it(
    "removes every row of the person in every table, and keeps everyone else's",
    { timeout: 120_000 },
    async () => {
      const leaving = await seedUserData("leaving.person@example.com");
      const staying = await seedUserData("staying.person@example.com");
      const tables = await listTables();
      for (const table of Object.keys(USER_DATA_SEEDERS)) {
        expect(
          await rowsMentioning(table, [leaving.id, leaving.email]),
          `seeded ${table}`,
        ).toBeGreaterThan(0);
      }

      expect(await deleteAccount({ userId: leaving.id })).toBe(true);

      for (const table of tables) {
        expect(
          await rowsMentioning(table, [leaving.id, leaving.email]),
          `rows left in ${table}`,
        ).toBe(0);
      }
      for (const table of Object.keys(USER_DATA_SEEDERS)) {
        expect(
          await rowsMentioning(table, [staying.id, staying.email]),
          `kept ${table}`,
        ).toBeGreaterThan(0);
      }
    },
  );

  it("answers false for an account that no longer exists", async () => {
    expect(await deleteAccount({ userId: "no-such-user" })).toBe(false);
  });
});
