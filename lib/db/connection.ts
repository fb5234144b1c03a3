import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import pg from "pg";
import { env, isBuildPhase } from "@/lib/env";
import { logger } from "@/lib/logger";
import { migrate } from "@/lib/db/migrate";
import { acquireDataFolderLock } from "@/lib/db/pglite-lock";
import { pgliteExecutor, pgExecutor, type SqlExecutor } from "@/lib/db/sql";

// Opens the one database this process talks to: embedded PGlite when
// DATABASE_URL is unset, PostgreSQL otherwise. Opening is lazy (first query)
// and cached on globalThis so `next dev` reloads and route bundles share it.

export type Connection =
  | { kind: "pglite"; pglite: PGlite; close(): Promise<void> }
  | { kind: "postgres"; pool: pg.Pool; close(): Promise<void> };

export class DatabaseDuringBuildError extends Error {
  override name = "DatabaseDuringBuildError";
  constructor() {
    super(
      "A page touched the database during `next build`. Pages that read data must be " +
        "dynamic (call `await connection()` or read cookies/headers) so they render per request.",
    );
  }
}

const MEMORY = "memory://";

async function openPglite(dir: string): Promise<Connection> {
  const inMemory = dir.startsWith(MEMORY);
  let release = () => {};
  if (!inMemory) {
    // PGlite does not create parent folders; the lock must exist before we open.
    fs.mkdirSync(path.dirname(path.resolve(dir)), { recursive: true });
    release = acquireDataFolderLock(dir);
  }
  try {
    // btree_gist: the booking migration's exclusion constraint (no counselor
    // booked twice at once) needs it, on PGlite as on PostgreSQL.
    const extensions = { btree_gist };
    const pglite = await (inMemory
      ? PGlite.create({ extensions })
      : PGlite.create(dir, { extensions }));
    // The embedded default migrates itself: a newcomer needs no extra step.
    const result = await migrate(pgliteExecutor(pglite));
    if (result.applied.length > 0) {
      logger.info(
        { event: "db.migrated", count: result.applied.length },
        "embedded database migrated",
      );
    }
    return {
      kind: "pglite",
      pglite,
      async close() {
        await pglite.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

function openPostgres(url: string): Connection {
  const pool = new pg.Pool({
    connectionString: url,
    max: env.DATABASE_POOL_MAX,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  // Without a listener, an idle client's error (a database restart) is an
  // uncaught 'error' event and kills the process. Log it and let pg reconnect.
  pool.on("error", (error) => {
    logger.warn({ event: "db.pool_error", err: error }, "idle database connection lost");
  });
  return {
    kind: "postgres",
    pool,
    async close() {
      await pool.end();
    },
  };
}

type Cache = { connection?: Promise<Connection> };
const globalCache = globalThis as unknown as { __heartworkDb?: Cache };
const cache: Cache = (globalCache.__heartworkDb ??= {});

export function usesEmbeddedDatabase(): boolean {
  return !env.DATABASE_URL;
}

export function getConnection(): Promise<Connection> {
  if (isBuildPhase) return Promise.reject(new DatabaseDuringBuildError());
  if (!cache.connection) {
    const opening = env.DATABASE_URL
      ? Promise.resolve(openPostgres(env.DATABASE_URL))
      : openPglite(env.PGLITE_DIR);
    // A failed open (locked folder, bad files) must not be cached forever.
    opening.catch(() => {
      if (cache.connection === opening) cache.connection = undefined;
    });
    cache.connection = opening;
  }
  return cache.connection;
}

export async function closeConnection(): Promise<void> {
  const current = cache.connection;
  cache.connection = undefined;
  if (current) await (await current).close();
}

/** Runs `fn` with a single connection (a pool client for PostgreSQL). */
export async function withSqlExecutor<T>(fn: (sql: SqlExecutor) => Promise<T>): Promise<T> {
  const connection = await getConnection();
  if (connection.kind === "pglite") return fn(pgliteExecutor(connection.pglite));
  const client = await connection.pool.connect();
  // pg emits 'error' on a checked-out client whose socket dies; unheard, that
  // event would crash the process. Note it, and destroy the client on release.
  let broken: Error | undefined;
  const onError = (error: Error) => {
    broken = error;
    logger.warn({ event: "db.connection_error", err: error }, "database connection lost");
  };
  client.on("error", onError);
  try {
    return await fn(pgExecutor(client));
  } catch (error) {
    broken ??=
      error instanceof Error && /terminat|ECONN|timeout/i.test(error.message) ? error : undefined;
    throw error;
  } finally {
    client.off("error", onError);
    client.release(broken);
  }
}
