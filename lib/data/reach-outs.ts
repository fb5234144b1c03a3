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
import { type ReachOutFeeling } from "@/lib/tracker/scales";
import { encryptedColumnContext } from "@/lib/crypto/encrypted-columns";
import { createWithinCap } from "@/lib/data/row-caps";
import { ROW_LIMITS } from "@/lib/validations/row-limits";

const whoField = (userId: string, id: string) => encryptedColumnContext("ReachOut.who", userId, id);
const noteField = (userId: string, id: string) =>
  encryptedColumnContext("ReachOut.note", userId, id);

export async function createReachOut({
  userId,
  who,
  day,
  feeling,
  note,
  requestKey,
}: {
  userId: string;
  who: string;
  day: CalendarDay;
  feeling: ReachOutFeeling;
  note?: string;
  requestKey: string;
}) {
  const id = newRowId();
  return createWithinCap("reachOuts", userId, {
    twin: (tx) => tx.reachOut.findUnique({ where: { userId_requestKey: { userId, requestKey } } }),
    count: (tx) => tx.reachOut.count({ where: { userId } }),
    insert: (tx) =>
      tx.reachOut.create({
        data: {
          id,
          userId,
          who: seal(who, whoField(userId, id)),
          day: dayToDate(day),
          feeling,
          note: sealOptional(note, noteField(userId, id)),
          requestKey,
        },
        select: { id: true },
      }),
  });
}

export async function listReachOuts({
  userId,
  limit = ROW_LIMITS.reachOuts,
}: {
  userId: string;
  limit?: number;
}) {
  const rows = await db.reachOut.findMany({
    where: { userId },
    orderBy: [{ day: "desc" }, { createdAt: "desc" }],
    select: { id: true, who: true, day: true, feeling: true, note: true },
    take: limit,
  });
  return rows.map((row) => ({
    id: row.id,
    who: unseal(row.who, whoField(userId, row.id)),
    day: dateToDay(row.day),
    feeling: row.feeling,
    note: unsealOptional(row.note, noteField(userId, row.id)),
  }));
}

/** Saves an edit of the user's entry; false when no such entry of theirs exists. */
export async function updateReachOut({
  userId,
  id,
  who,
  day,
  feeling,
  note,
}: {
  userId: string;
  id: string;
  who: string;
  day: CalendarDay;
  feeling: ReachOutFeeling;
  note?: string;
}) {
  const { count } = await db.reachOut.updateMany({
    where: { id, userId },
    data: {
      who: seal(who, whoField(userId, id)),
      day: dayToDate(day),
      feeling,
      note: sealOptional(note, noteField(userId, id)),
    },
  });
  return count > 0;
}

export async function deleteReachOut({ userId, id }: { userId: string; id: string }) {
  const { count } = await db.reachOut.deleteMany({ where: { id, userId } });
  return count > 0;
}

export const reachOutFields = { whoField, noteField };
