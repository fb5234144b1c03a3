import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { SqlExecutor } from "@/lib/db/sql";

// Applies prisma/migrations/*/migration.sql in order and records each in
// Prisma's own `_prisma_migrations` table (same columns, sha256 checksum), so
// `prisma migrate status` on a machine that can run the engine sees them.
// We cannot use `prisma migrate` itself: its engine cannot be downloaded here.

export const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");
// The same advisory lock key Prisma Migrate uses, so the two never interleave.
const ADVISORY_LOCK_KEY = 72707369;

export type Migration = { name: string; sql: string; checksum: string };

export class MigrationError extends Error {
  override name = "MigrationError";
}

export function checksumOf(sql: string): string {
  return createHash("sha256").update(sql).digest("hex");
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  // turbopackIgnore: the folder is read at run time, not traced into the bundle
  // (next.config's outputFileTracingIncludes ships it with standalone builds).
  if (!fs.existsSync(/*turbopackIgnore: true*/ dir))
    throw new MigrationError(`No migrations folder at ${dir}`);
  return fs
    .readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(
        /*turbopackIgnore: true*/ path.join(dir, name, "migration.sql"),
        "utf8",
      );
      return { name, sql, checksum: checksumOf(sql) };
    });
}

const CREATE_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"            VARCHAR(64) NOT NULL,
  "finished_at"         TIMESTAMPTZ,
  "migration_name"      VARCHAR(255) NOT NULL,
  "logs"                TEXT,
  "rolled_back_at"      TIMESTAMPTZ,
  "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

type AppliedRow = { migration_name: string; checksum: string; finished_at: Date | null };

export type MigrateResult = { applied: string[]; alreadyApplied: number };

/**
 * Applies every pending migration. Refuses (and changes nothing) when an
 * applied migration's file was edited or removed, or an earlier attempt failed.
 * The executor must be one dedicated connection: the advisory lock is per session.
 */
export async function migrate(
  sql: SqlExecutor,
  migrations: Migration[] = readMigrations(),
): Promise<MigrateResult> {
  await sql.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCK_KEY]);
  try {
    await sql.exec(CREATE_TABLE);
    const rows = await sql.query<AppliedRow>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations"
        WHERE rolled_back_at IS NULL ORDER BY started_at`,
    );
    const applied = new Map(rows.map((row) => [row.migration_name, row]));
    const known = new Set(migrations.map((m) => m.name));

    for (const row of rows) {
      if (row.finished_at === null) {
        throw new MigrationError(
          `Migration ${row.migration_name} failed part-way earlier. Fix the database by hand, ` +
            `then mark it rolled back (UPDATE "_prisma_migrations" SET rolled_back_at = now() ...).`,
        );
      }
      if (!known.has(row.migration_name)) {
        throw new MigrationError(
          `Migration ${row.migration_name} is applied to the database but missing from ${MIGRATIONS_DIR}.`,
        );
      }
    }
    for (const migration of migrations) {
      const row = applied.get(migration.name);
      if (row && row.checksum !== migration.checksum) {
        throw new MigrationError(
          `Migration ${migration.name} was edited after it was applied (checksum differs). ` +
            `Never edit an applied migration: add a new one instead.`,
        );
      }
    }

    const pending = migrations.filter((m) => !applied.has(m.name));
    for (const migration of pending) {
      const id = randomUUID();
      // Each migration and its bookkeeping row commit together or not at all.
      await sql.exec("BEGIN");
      try {
        await sql.exec(migration.sql);
        await sql.query(
          `INSERT INTO "_prisma_migrations"
             (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), now(), 1)`,
          [id, migration.checksum, migration.name],
        );
        await sql.exec("COMMIT");
      } catch (error) {
        await sql.exec("ROLLBACK");
        throw new MigrationError(`Migration ${migration.name} failed: ${(error as Error).message}`);
      }
    }
    return { applied: pending.map((m) => m.name), alreadyApplied: applied.size };
  } finally {
    await sql.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCK_KEY]);
  }
}
