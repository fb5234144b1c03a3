import type { PrismaClient } from "@/lib/db/generated/client";
import { logger } from "@/lib/logger";

type AdapterFactory = NonNullable<ConstructorParameters<typeof PrismaClient>[0]["adapter"]>;
type SqlDriverAdapter = Awaited<ReturnType<AdapterFactory["connect"]>>;

// Benchmarks only (DB_QUERY_LOG=true): every SQL statement Prisma sends is
// logged with the x-bench-request header of the HTTP request that caused it,
// read from Next's own request context. `npm run bench:progress` counts the
// lines per request to report "SQL queries per dashboard render" — layout,
// page and session lookup included. Off by default: it costs a header read
// per statement.

export const BENCH_REQUEST_HEADER = "x-bench-request";

async function currentBenchRequest(): Promise<string | null> {
  try {
    const { headers } = await import("next/headers");
    return (await headers()).get(BENCH_REQUEST_HEADER);
  } catch {
    return null; // not inside a request (migrations, workers, tests)
  }
}

let statements = 0;

/** Statements sent since the process started (DB_QUERY_LOG only); in-process benchmarks read the difference. */
export function sqlStatementCount(): number {
  return statements;
}

function logStatement(query: unknown): void {
  statements++;
  if (!logger.isLevelEnabled("info")) return; // counting only (bench:team runs silent)
  // The SQL text only (values travel as parameters), shortened: which statement, not what data.
  const sql = (query as { sql?: unknown } | undefined)?.sql;
  const statement = typeof sql === "string" ? sql.replace(/\s+/g, " ").slice(0, 100) : undefined;
  void currentBenchRequest().then((benchRequest) => {
    logger.info({ event: "db.query", benchRequest, statement }, "sql statement");
  });
}

function wrapQueryable<T extends object>(target: T): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      const value: unknown = Reflect.get(object, property, receiver);
      if (typeof value !== "function") return value;
      if (property === "queryRaw" || property === "executeRaw") {
        return (...args: unknown[]) => {
          logStatement(args[0]);
          return (value as (...a: unknown[]) => unknown).apply(object, args);
        };
      }
      if (property === "startTransaction") {
        return async (...args: unknown[]) =>
          wrapQueryable(
            (await (value as (...a: unknown[]) => Promise<object>).apply(object, args)) as T,
          );
      }
      return (value as (...a: unknown[]) => unknown).bind(object);
    },
  });
}

export function withQueryLog(adapter: SqlDriverAdapter): SqlDriverAdapter {
  return wrapQueryable(adapter);
}
