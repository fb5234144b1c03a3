import "server-only";
import { Prisma } from "@/lib/db";

// Prisma stores DateTime as UTC in TIMESTAMP(3) columns (no time zone). Raw SQL
// that compares or writes those columns must use UTC too, whatever the session
// time zone of the server happens to be.
export const NOW_UTC = Prisma.sql`(now() AT TIME ZONE 'UTC')`;

/** `now() + ms milliseconds`, in UTC, for TIMESTAMP(3) columns. */
export function nowUtcPlus(ms: number): Prisma.Sql {
  return Prisma.sql`((now() AT TIME ZONE 'UTC') + ${ms}::double precision * interval '1 millisecond')`;
}
