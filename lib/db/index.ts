import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "@/lib/db/generated/client";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { closeConnection, getConnection } from "@/lib/db/connection";
import { withQueryLog } from "@/lib/db/query-log";

// The only place a PrismaClient is constructed. Only lib/data may import `db`.

type AdapterFactory = NonNullable<ConstructorParameters<typeof PrismaClient>[0]["adapter"]>;

// Prisma calls connect() on first query. Deferring the real adapter until then
// lets `db` be a plain import while PGlite opens (and migrates) lazily, and makes
// an accidental query during `next build` fail with a clear error.
function lazyAdapter(): AdapterFactory {
  return {
    provider: "postgres",
    adapterName: env.DATABASE_URL ? "@prisma/adapter-pg" : "pglite-prisma-adapter",
    async connect() {
      const connection = await getConnection();
      const adapter =
        connection.kind === "pglite"
          ? await new PrismaPGlite(connection.pglite).connect()
          : await new PrismaPg(connection.pool, {
              onConnectionError: (error) =>
                logger.warn(
                  { event: "db.connection_error", err: error },
                  "database connection error",
                ),
            }).connect();
      return env.DB_QUERY_LOG ? withQueryLog(adapter) : adapter;
    },
  };
}

const globalCache = globalThis as unknown as { __heartworkPrisma?: PrismaClient };

export const db: PrismaClient = (globalCache.__heartworkPrisma ??= new PrismaClient({
  adapter: lazyAdapter(),
}));

export async function disconnectDatabase(): Promise<void> {
  await db.$disconnect();
  await closeConnection();
}

export type { PrismaClient };
export { Prisma } from "@/lib/db/generated/client";
