import "server-only";
import { db } from "@/lib/db";
import { newRowId, seal, unseal } from "@/lib/data/tracker-records";
import { createWithinCap } from "@/lib/data/row-caps";
import { ROW_LIMITS } from "@/lib/validations/row-limits";
import { type MemoryKind } from "@/lib/tracker/scales";
import { encryptedColumnContext } from "@/lib/crypto/encrypted-columns";

const textField = (userId: string, id: string) => encryptedColumnContext("Memory.text", userId, id);

export async function createMemory({
  userId,
  kind,
  text,
  requestKey,
}: {
  userId: string;
  kind: MemoryKind;
  text: string;
  requestKey: string;
}) {
  const id = newRowId();
  return createWithinCap("memories", userId, {
    twin: (tx) => tx.memory.findUnique({ where: { userId_requestKey: { userId, requestKey } } }),
    count: (tx) => tx.memory.count({ where: { userId } }),
    insert: (tx) =>
      tx.memory.create({
        data: { id, userId, kind, text: seal(text, textField(userId, id)), requestKey },
        select: { id: true },
      }),
  });
}

export async function listMemories({
  userId,
  limit = ROW_LIMITS.memories,
}: {
  userId: string;
  limit?: number;
}) {
  const rows = await db.memory.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    select: { id: true, kind: true, text: true, createdAt: true },
    take: limit,
  });
  return rows.map((row) => ({ ...row, text: unseal(row.text, textField(userId, row.id)) }));
}

/** Saves an edit of the user's memory; false when no such memory of theirs exists. */
export async function updateMemory({
  userId,
  id,
  kind,
  text,
}: {
  userId: string;
  id: string;
  kind: MemoryKind;
  text: string;
}) {
  const { count } = await db.memory.updateMany({
    where: { id, userId },
    data: { kind, text: seal(text, textField(userId, id)) },
  });
  return count > 0;
}

/** True when a row of this user's was deleted; another user's id deletes nothing. */
export async function deleteMemory({ userId, id }: { userId: string; id: string }) {
  const { count } = await db.memory.deleteMany({ where: { id, userId } });
  return count > 0;
}

export const memoryFields = { textField };
