import "server-only";
import { db, type Prisma } from "@/lib/db";
import { isUniqueViolation, type CreateResult } from "@/lib/data/tracker-records";
import { ROW_LIMITS, type CappedList } from "@/lib/validations/row-limits";

// Every list a person can grow has a cap (lib/validations/row-limits.ts), checked
// in the same transaction as the insert, after a lock that makes a person's
// inserts into capped lists take turns. Without the lock, two inserts at once
// would both count 199 and both insert: a script firing requests in parallel
// would walk past any cap.
//
// The lock is the person's own "User" row, FOR NO KEY UPDATE: it waits only for
// another holder of the same lock (another capped insert, or an update of the
// user row), never for the foreign-key checks every insert makes (KEY SHARE).
// PostgreSQL runs each statement of a READ COMMITTED transaction on a fresh
// snapshot, so the count after the lock sees a row the previous holder
// committed. (One statement with the lock in a CTE would not: its snapshot is
// taken before the lock is granted.)

export type CappedCreateResult = CreateResult | { created: false; full: CappedList };

type Tx = Prisma.TransactionClient;

/** Takes the person's turn for capped inserts until the transaction ends. */
export async function lockPersonForCappedInsert(tx: Tx, userId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "User" WHERE "id" = ${userId} FOR NO KEY UPDATE`;
}

/**
 * Inserts one row into a person's list unless the list is full. A second
 * submit of the same form (its row already there) is `{ created: false }`, not
 * "full", so a double click on the last free place is not refused.
 */
export async function createWithinCap(
  list: CappedList,
  userId: string,
  steps: {
    /** The row the same form (request key) already made, if any. */
    twin: (tx: Tx) => Promise<unknown>;
    /** How many rows the list holds. */
    count: (tx: Tx) => Promise<number>;
    insert: (tx: Tx) => Promise<unknown>;
  },
): Promise<CappedCreateResult> {
  try {
    return await db.$transaction(async (tx): Promise<CappedCreateResult> => {
      await lockPersonForCappedInsert(tx, userId);
      if (await steps.twin(tx)) return { created: false };
      if ((await steps.count(tx)) >= ROW_LIMITS[list]) return { created: false, full: list };
      await steps.insert(tx);
      return { created: true };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { created: false };
    throw error;
  }
}

/** The list that refused an insert, or null when it was saved (or already there). */
export function fullList(result: unknown): CappedList | null {
  return typeof result === "object" && result !== null && "full" in result
    ? (result as { full: CappedList }).full
    : null;
}
