import "server-only";
import { db } from "@/lib/db";
import {
  createOnce,
  dateToDay,
  dayToDate,
  newRowId,
  seal,
  unseal,
  type CalendarDay,
} from "@/lib/data/tracker-records";
import { encryptedColumnContext } from "@/lib/crypto/encrypted-columns";

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
  return createOnce(() =>
    db.activity.create({
      data: {
        id,
        userId,
        title: seal(title, titleField(userId, id)),
        day: dayToDate(day),
        requestKey,
      },
      select: { id: true },
    }),
  );
}

export async function listActivities({ userId, limit = 100 }: { userId: string; limit?: number }) {
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

export async function deleteActivity({ userId, id }: { userId: string; id: string }) {
  const { count } = await db.activity.deleteMany({ where: { id, userId } });
  return count > 0;
}

export const activityFields = { titleField };
