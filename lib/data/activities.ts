import "server-only";
import { db } from "@/lib/db";
import {
  dateToDay,
  dayToDate,
  newRowId,
  seal,
  unseal,
  type CalendarDay,
} from "@/lib/data/tracker-records";
import { encryptedColumnContext } from "@/lib/crypto/encrypted-columns";
import { createWithinCap } from "@/lib/data/row-caps";
import { ROW_LIMITS } from "@/lib/validations/row-limits";

const titleField = (userId: string, id: string) =>
  encryptedColumnContext("Activity.title", userId, id);

export async function createActivity({
  userId,
  title,
  day,
  requestKey,
}: {
  userId: string;
  title: string;
  day: CalendarDay;
  requestKey: string;
}) {
  const id = newRowId();
  return createWithinCap("activities", userId, {
    twin: (tx) => tx.activity.findUnique({ where: { userId_requestKey: { userId, requestKey } } }),
    count: (tx) => tx.activity.count({ where: { userId } }),
    insert: (tx) =>
      tx.activity.create({
        data: {
          id,
          userId,
          title: seal(title, titleField(userId, id)),
          day: dayToDate(day),
          requestKey,
        },
        select: { id: true },
      }),
  });
}

export async function listActivities({
  userId,
  limit = ROW_LIMITS.activities,
}: {
  userId: string;
  limit?: number;
}) {
  const rows = await db.activity.findMany({
    where: { userId },
    orderBy: [{ day: "desc" }, { createdAt: "desc" }],
    select: { id: true, title: true, day: true },
    take: limit,
  });
  return rows.map((row) => ({
    id: row.id,
    title: unseal(row.title, titleField(userId, row.id)),
    day: dateToDay(row.day),
  }));
}

/** Saves an edit of the user's activity; false when no such row of theirs exists. */
export async function updateActivity({
  userId,
  id,
  title,
  day,
}: {
  userId: string;
  id: string;
  title: string;
  day: CalendarDay;
}) {
  const { count } = await db.activity.updateMany({
    where: { id, userId },
    data: { title: seal(title, titleField(userId, id)), day: dayToDate(day) },
  });
  return count > 0;
}

export async function deleteActivity({ userId, id }: { userId: string; id: string }) {
  const { count } = await db.activity.deleteMany({ where: { id, userId } });
  return count > 0;
}

export const activityFields = { titleField };
