import pg from "pg";

// Row counts (and a checksum of the content) of every table of the e2e
// server's PostgreSQL database, to prove that refused input wrote nothing.
// Only on the PostgreSQL pass: the embedded database (PGlite) can be opened by
// one process only, the server. There the fuzz spec compares what the app
// itself shows (the export and the account and counseling pages) instead.

/** Tables whose rows change on their own (mail worker, sessions): counted, not checksummed. */
const COUNT_ONLY = new Set(["OutboxMessage", "RateLimit", "Session", "VerificationToken"]);

export type DatabaseSnapshot = Record<string, { rows: number; checksum: string }>;

export function databaseUrl(): string | undefined {
  return process.env.E2E_DATABASE_URL;
}

export async function snapshotDatabase(url: string): Promise<DatabaseSnapshot> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
          AND table_name <> '_prisma_migrations'
        ORDER BY table_name`,
    );
    const snapshot: DatabaseSnapshot = {};
    for (const { name } of tables) {
      const quoted = `"${name.replaceAll('"', '""')}"`;
      const { rows } = await client.query<{ rows: number; checksum: string | null }>(
        COUNT_ONLY.has(name)
          ? `SELECT count(*)::int AS rows, '' AS checksum FROM ${quoted}`
          : `SELECT count(*)::int AS rows, md5(string_agg(t::text, '|' ORDER BY t::text)) AS checksum FROM ${quoted} t`,
      );
      snapshot[name] = { rows: rows[0]?.rows ?? 0, checksum: rows[0]?.checksum ?? "" };
    }
    return snapshot;
  } finally {
    await client.end();
  }
}
