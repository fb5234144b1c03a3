import "server-only";
import { createHmac } from "node:crypto";
import { db } from "@/lib/db";
import { resolveAuthSecret } from "@/lib/crypto/auth-secret";
import { NOW_UTC, nowUtcPlus } from "@/lib/data/sql-time";

// Fixed-window rate limits kept in the shared database, so they hold across
// every app instance. One conditional upsert per call: a counter under its
// limit (or whose window has ended) moves on; one at its limit is not touched
// and no row comes back, which means "refused". Concurrent calls serialize on
// the row, so N callers racing for the last slot get exactly one "allowed".
//
// Keys are stored as an HMAC, so an email address or IP in a key never lands in
// the table in clear (and account deletion has nothing to find here).

export type RateLimitResult = { allowed: boolean; remaining: number; resetAt: Date };

export function rateLimitKeyHash(key: string): string {
  return createHmac("sha256", resolveAuthSecret()).update(`rate-limit:${key}`).digest("base64url");
}

export async function consumeRateLimit({
  key,
  limit,
  windowMs,
}: {
  key: string;
  limit: number;
  windowMs: number;
}): Promise<RateLimitResult> {
  const hashed = rateLimitKeyHash(key);
  const rows = await db.$queryRaw<{ count: number; resetAt: Date }[]>`
    INSERT INTO "RateLimit" ("key", "count", "resetAt")
    VALUES (${hashed}, 1, ${nowUtcPlus(windowMs)})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."resetAt" <= ${NOW_UTC} THEN 1 ELSE "RateLimit"."count" + 1 END,
      "resetAt" = CASE WHEN "RateLimit"."resetAt" <= ${NOW_UTC}
                       THEN ${nowUtcPlus(windowMs)}
                       ELSE "RateLimit"."resetAt" END
    WHERE "RateLimit"."resetAt" <= ${NOW_UTC} OR "RateLimit"."count" < ${limit}::integer
    RETURNING "count", "resetAt"`;
  const row = rows[0];
  if (row && row.count <= limit) {
    return { allowed: true, remaining: limit - row.count, resetAt: row.resetAt };
  }
  const current = await db.rateLimit.findUnique({
    where: { key: hashed },
    select: { resetAt: true },
  });
  return { allowed: false, remaining: 0, resetAt: current?.resetAt ?? new Date() };
}

/** Removes counters whose window has ended (housekeeping; they are harmless). */
export async function deleteExpiredRateLimits(): Promise<number> {
  const { count } = await db.rateLimit.deleteMany({ where: { resetAt: { lt: new Date() } } });
  return count;
}
