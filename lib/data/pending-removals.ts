import "server-only";
import { db, type Prisma } from "@/lib/db";
import { newRowId } from "@/lib/data/tracker-records";
import { createWithinCap, type CappedCreateResult } from "@/lib/data/row-caps";
import { resyncRemindersNow } from "@/lib/data/reminders";
import { UNDO_ACCEPTED_MS, UNDOABLE_LISTS, type UndoableList } from "@/lib/tracker/removals";

// Removing a tracker row with a few seconds to undo it (lib/tracker/removals.ts).
// The row is deleted from its own table in the same transaction that keeps a
// copy here, so every read (lists, dashboard, export, counts, row caps) is
// right without a filter. Undo puts the copy back under the same id, so its
// ciphertext (bound to the owner and the row id) still opens; it goes through
// the list's cap like any insert. Every query names the owner: another
// person's token finds nothing.

type Tx = Prisma.TransactionClient;
type Row = Record<string, unknown>;
type Key = { id: string; userId: string };

/** How each list takes a row out, puts it back and counts itself. */
type ListTable = {
  take: (tx: Tx, key: Key) => Promise<Row | null>;
  put: (tx: Tx, row: Row) => Promise<unknown>;
  has: (tx: Tx, key: Key) => Promise<boolean>;
  count: (tx: Tx, userId: string) => Promise<number>;
};

// The copy is JSON: dates come back as ISO strings, which Prisma accepts as they are.
const TABLES: Record<UndoableList, ListTable> = {
  memories: {
    take: async (tx, key) => {
      const row = await tx.memory.findFirst({ where: key });
      if (row) await tx.memory.delete({ where: { id: row.id } });
      return row;
    },
    put: (tx, row) => tx.memory.create({ data: row as Prisma.MemoryUncheckedCreateInput }),
    has: async (tx, key) => (await tx.memory.count({ where: key })) > 0,
    count: (tx, userId) => tx.memory.count({ where: { userId } }),
  },
  goals: {
    take: async (tx, key) => {
      const row = await tx.goal.findFirst({ where: key });
      if (row) await tx.goal.delete({ where: { id: row.id } });
      return row;
    },
    put: (tx, row) => tx.goal.create({ data: row as Prisma.GoalUncheckedCreateInput }),
    has: async (tx, key) => (await tx.goal.count({ where: key })) > 0,
    count: (tx, userId) => tx.goal.count({ where: { userId } }),
  },
  activities: {
    take: async (tx, key) => {
      const row = await tx.activity.findFirst({ where: key });
      if (row) await tx.activity.delete({ where: { id: row.id } });
      return row;
    },
    put: (tx, row) => tx.activity.create({ data: row as Prisma.ActivityUncheckedCreateInput }),
    has: async (tx, key) => (await tx.activity.count({ where: key })) > 0,
    count: (tx, userId) => tx.activity.count({ where: { userId } }),
  },
  reachOuts: {
    take: async (tx, key) => {
      const row = await tx.reachOut.findFirst({ where: key });
      if (row) await tx.reachOut.delete({ where: { id: row.id } });
      return row;
    },
    put: (tx, row) => tx.reachOut.create({ data: row as Prisma.ReachOutUncheckedCreateInput }),
    has: async (tx, key) => (await tx.reachOut.count({ where: key })) > 0,
    count: (tx, userId) => tx.reachOut.count({ where: { userId } }),
  },
  hardDates: {
    // Its reminder row goes with it (ON DELETE CASCADE); a restore resyncs reminders.
    take: async (tx, key) => {
      const row = await tx.hardDate.findFirst({ where: key });
      if (row) await tx.hardDate.delete({ where: { id: row.id } });
      return row;
    },
    put: (tx, row) => tx.hardDate.create({ data: row as Prisma.HardDateUncheckedCreateInput }),
    has: async (tx, key) => (await tx.hardDate.count({ where: key })) > 0,
    count: (tx, userId) => tx.hardDate.count({ where: { userId } }),
  },
};

function acceptedSince(now: Date): Date {
  return new Date(now.getTime() - UNDO_ACCEPTED_MS);
}

/**
 * Removes one of the person's rows, keeping it for Undo. Returns the undo
 * token, or null when no such row of theirs exists.
 */
export async function removeWithUndo(
  list: UndoableList,
  { userId, id }: Key,
  now = new Date(),
): Promise<string | null> {
  const token = await db.$transaction(async (tx) => {
    const row = await TABLES[list].take(tx, { id, userId });
    if (!row) return null;
    const token = newRowId();
    await tx.pendingRemoval.create({
      data: { id: token, userId, list, row: row as Prisma.InputJsonValue, removedAt: now },
      select: { id: true },
    });
    return token;
  });
  await purgeExpiredRemovals(now);
  return token;
}

export type UndoResult = { restored: true } | { restored: false; full: UndoableList } | null;

/**
 * Puts a removed row back, within the undo window and within its list's cap.
 * null: no such removal of this person's (another's token, or too late).
 */
export async function undoRemoval(
  { userId, token }: { userId: string; token: string },
  now = new Date(),
): Promise<UndoResult> {
  await purgeExpiredRemovals(now);
  const pending = await db.pendingRemoval.findFirst({
    where: { id: token, userId, removedAt: { gt: acceptedSince(now) } },
  });
  if (!pending || !isUndoableList(pending.list)) return null;
  const table = TABLES[pending.list];
  const row = pending.row as Row;
  const key = { id: String(row.id), userId };
  const result: CappedCreateResult = await createWithinCap(pending.list, userId, {
    // A second Undo of the same removal (two tabs) finds the row already back.
    twin: async (tx) => ((await table.has(tx, key)) ? true : null),
    count: (tx) => table.count(tx, userId),
    insert: (tx) => table.put(tx, { ...row, userId }),
  });
  if ("full" in result) return { restored: false, full: pending.list };
  await db.pendingRemoval.deleteMany({ where: { id: token, userId } });
  if (pending.list === "hardDates") await resyncRemindersNow({ userId });
  return { restored: true };
}

/** The person's removals still open to Undo on these lists, newest first, with the time left. */
export async function listPendingRemovals(
  { userId, lists }: { userId: string; lists: readonly UndoableList[] },
  now = new Date(),
) {
  const rows = await db.pendingRemoval.findMany({
    where: { userId, list: { in: [...lists] }, removedAt: { gt: acceptedSince(now) } },
    orderBy: { removedAt: "desc" },
    select: { id: true, list: true, removedAt: true },
    take: 20,
  });
  return rows.map((row) => ({
    token: row.id,
    list: row.list as UndoableList,
    acceptedForMs: row.removedAt.getTime() + UNDO_ACCEPTED_MS - now.getTime(),
  }));
}

/** Erases every removal whose undo window has ended (everyone's): the copy is gone for good. */
export async function purgeExpiredRemovals(now = new Date()): Promise<number> {
  const { count } = await db.pendingRemoval.deleteMany({
    where: { removedAt: { lte: acceptedSince(now) } },
  });
  return count;
}

function isUndoableList(list: string): list is UndoableList {
  return (UNDOABLE_LISTS as readonly string[]).includes(list);
}
