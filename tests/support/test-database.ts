import { randomBytes } from "node:crypto";
import pg from "pg";

// Each integration test file gets a database of its own: a fresh in-memory
// PGlite, or a fresh database on the PostgreSQL server in TEST_DATABASE_URL.

export type TestDatabase = { kind: "pglite" | "postgres"; url?: string; drop(): Promise<void> };

export function adminUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("TEST_DATABASE_URL is not set");
  return url;
}

export async function createPostgresDatabase(prefix = "heartwork_test"): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return {
    kind: "postgres",
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl() });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** Points this process's environment at a fresh database (before lib/env loads). */
export async function provisionTestDatabase(kind: string | undefined): Promise<TestDatabase> {
  if (kind === "postgres") {
    const database = await createPostgresDatabase();
    process.env.DATABASE_URL = database.url;
    return database;
  }
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DIR = "memory://";
  return { kind: "pglite", async drop() {} };
}
