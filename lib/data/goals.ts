import "server-only";
import { db } from "@/lib/db";
import {
  dateToDay,
  dayToDate,
  newRowId,
  seal,
  sealOptional,
  unseal,
  unsealOptional,
  type CalendarDay,
} from "@/lib/data/tracker-records";
import { encryptedColumnContext } from "@/lib/crypto/encrypted-columns";
import { createWithinCap } from "@/lib/data/row-caps";

const titleField = (userId: string, id: string) => encryptedColumnContext("Goal.title", userId, id);
const noteField = (userId: string, id: string) => encryptedColumnContext("Goal.note", userId, id);

export async function createGoal({
  userId,
  title,
  note,
  targetDate,
  requestKey,
}: {
  userId: string;
  title: string;
  note?: string;
  targetDate?: CalendarDay;
  requestKey: string;
}) {
  const id = newRowId();
  return createWithinCap("goals", userId, {
    twin: (tx) => tx.goal.findUnique({ where: { userId_requestKey: { userId, requestKey } } }),
    count: (tx) => tx.goal.count({ where: { userId } }),
    insert: (tx) =>
      tx.goal.create({
        data: {
          id,
          userId,
          title: seal(title, titleField(userId, id)),
          note: sealOptional(note, noteField(userId, id)),
          targetDate: targetDate ? dayToDate(targetDate) : null,
          requestKey,
        },
        select: { id: true },
      }),
  });
}

export async function listGoals({ userId, limit = 200 }: { userId: string; limit?: number }) {
  const rows = await db.goal.findMany({
    where: { userId },
    orderBy: [{ doneAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: { id: true, title: true, note: true, targetDate: true, doneAt: true, createdAt: true },
    take: limit,
  });
  return rows.map((row) => ({
    id: row.id,
    title: unseal(row.title, titleField(userId, row.id)),
    note: unsealOptional(row.note, noteField(userId, row.id)),
    targetDate: row.targetDate ? dateToDay(row.targetDate) : null,
    done: row.doneAt !== null,
    createdAt: row.createdAt,
  }));
}

/** Marks the user's goal done or not done; false when no such goal of theirs exists. */
export async function setGoalDone({
  userId,
  id,
  done,
}: {
  userId: string;
  id: string;
  done: boolean;
}) {
  // Only a change of state writes, so a second "done" keeps the first completion time.
  const { count } = await db.goal.updateMany({
    where: { id, userId, doneAt: done ? null : { not: null } },
    data: { doneAt: done ? new Date() : null },
  });
  if (count > 0) return true;
  return (await db.goal.count({ where: { id, userId } })) > 0;
}

/** Saves an edit of the user's goal (done or not stays as it was); false when it is not theirs. */
export async function updateGoal({
  userId,
  id,
  title,
  note,
  targetDate,
}: {
  userId: string;
  id: string;
  title: string;
  note?: string;
  targetDate?: CalendarDay;
}) {
  const { count } = await db.goal.updateMany({
    where: { id, userId },
    data: {
      title: seal(title, titleField(userId, id)),
      note: sealOptional(note, noteField(userId, id)),
      targetDate: targetDate ? dayToDate(targetDate) : null,
    },
  });
  return count > 0;
}

export async function deleteGoal({ userId, id }: { userId: string; id: string }) {
  const { count } = await db.goal.deleteMany({ where: { id, userId } });
  return count > 0;
}

export const goalFields = { titleField, noteField };
