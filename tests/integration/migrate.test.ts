import { describe, expect, it } from "vitest";
import { withSqlExecutor } from "@/lib/db/connection";
import { checksumOf, migrate, readMigrations, type Migration } from "@/lib/db/migrate";

type Row = {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  applied_steps_count: number;
};

function extra(name: string, sql: string): Migration {
  return { name, sql, checksum: checksumOf(sql) };
}

describe(migrate, () => {
  it("records every migration in Prisma's table with its sha256 checksum", async () => {
    const rows = await withSqlExecutor((sql) =>
      sql.query<Row>(`SELECT * FROM "_prisma_migrations" ORDER BY migration_name`),
    );
    const files = readMigrations();
    expect(rows.map((r) => r.migration_name)).toEqual(files.map((m) => m.name));
    for (const [i, row] of rows.entries()) {
      expect(row.checksum).toBe(files[i]?.checksum);
      expect(row.finished_at).not.toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it("does nothing when run again", async () => {
    const result = await withSqlExecutor((sql) => migrate(sql));
    expect(result.applied).toEqual([]);
    expect(result.alreadyApplied).toBe(readMigrations().length);
  });

  it("applies a new migration once, and refuses to run if it is edited afterwards", async () => {
    const added = extra("29990101000000_probe", `CREATE TABLE "Probe" ("id" TEXT PRIMARY KEY);`);
    const first = await withSqlExecutor((sql) => migrate(sql, [...readMigrations(), added]));
    expect(first.applied).toEqual([added.name]);

    const edited = extra(added.name, `CREATE TABLE "Probe" ("id" TEXT PRIMARY KEY, "x" INT);`);
    await expect(
      withSqlExecutor((sql) => migrate(sql, [...readMigrations(), edited])),
    ).rejects.toThrow(/was edited after it was applied/);
  });

  it("refuses when an applied migration's file has disappeared", async () => {
    const added = extra("29990102000000_gone", `SELECT 1;`);
    await withSqlExecutor((sql) =>
      migrate(sql, [
        ...readMigrations(),
        extra("29990101000000_probe", `CREATE TABLE "Probe" ("id" TEXT PRIMARY KEY);`),
        added,
      ]),
    );
    await expect(withSqlExecutor((sql) => migrate(sql, readMigrations()))).rejects.toThrow(
      /missing from/,
    );
  });

  it("rolls a failing migration back whole and records nothing", async () => {
    const broken = extra(
      "29990103000000_broken",
      `CREATE TABLE "HalfDone" ("id" TEXT PRIMARY KEY); SELECT * FROM "NoSuchTable";`,
    );
    const all = readMigrations().concat(
      extra("29990101000000_probe", `CREATE TABLE "Probe" ("id" TEXT PRIMARY KEY);`),
      extra("29990102000000_gone", `SELECT 1;`),
    );
    await expect(withSqlExecutor((sql) => migrate(sql, [...all, broken]))).rejects.toThrow(
      /29990103000000_broken failed/,
    );
    const leftovers = await withSqlExecutor((sql) =>
      sql.query(
        `SELECT 1 FROM information_schema.tables WHERE table_name = 'HalfDone'
         UNION ALL SELECT 1 FROM "_prisma_migrations" WHERE migration_name = $1`,
        [broken.name],
      ),
    );
    expect(leftovers).toEqual([]);
  });
});
