import "server-only";
import { db } from "@/lib/db";
import {
  dateToDay,
  dayToDate,
  isUniqueViolation,
  sealOptional,
  unsealOptional,
  type CalendarDay,
} from "@/lib/data/tracker-records";
import { isSlip, type ContactKind } from "@/lib/tracker/scales";
import { encryptedColumnContext } from "@/lib/crypto/encrypted-columns";

// One check-in per user per calendar day: the (userId, day) unique key is the
// form's idempotency key too, so saving twice is saving once. A day with
// contact the user chose also gets a Slip row holding the optional trigger;
// correcting the check-in to "no contact" removes that day's slip.

const noteField = (userId: string, day: CalendarDay) =>
  encryptedColumnContext("CheckIn.note", userId, day);
const triggerField = (userId: string, day: CalendarDay) =>
  encryptedColumnContext("Slip.trigger", userId, day);

export type CheckInValues = {
  day: CalendarDay;
  mood: number;
  missing: number;
  contact: ContactKind;
  note?: string;
  trigger?: string;
};

export async function saveCheckIn({ userId, ...input }: CheckInValues & { userId: string }) {
  const day = dayToDate(input.day);
  const values = {
    mood: input.mood,
    missing: input.missing,
    contact: input.contact,
    note: sealOptional(input.note, noteField(userId, input.day)),
  };
  const trigger = sealOptional(input.trigger, triggerField(userId, input.day));
  const write = () =>
    db.$transaction([
      db.checkIn.upsert({
        where: { userId_day: { userId, day } },
        create: { userId, day, ...values },
        update: values,
        select: { id: true },
      }),
      isSlip(input.contact)
        ? db.slip.upsert({
            where: { userId_day: { userId, day } },
            create: { userId, day, trigger },
            update: { trigger },
            select: { id: true },
          })
        : db.slip.deleteMany({ where: { userId, day } }),
    ]);
  try {
    await write();
  } catch (error) {
    // Two submits of the same day raced to insert; the loser now updates.
    if (!isUniqueViolation(error)) throw error;
    await write();
  }
}

export type CheckInView = Required<Omit<CheckInValues, "note" | "trigger">> & {
  note: string | null;
  trigger: string | null;
};

export async function getCheckIn({
  userId,
  day,
}: {
  userId: string;
  day: CalendarDay;
}): Promise<CheckInView | null> {
  const date = dayToDate(day);
  const [row, slip] = await Promise.all([
    db.checkIn.findUnique({
      where: { userId_day: { userId, day: date } },
      select: { mood: true, missing: true, contact: true, note: true },
    }),
    db.slip.findUnique({ where: { userId_day: { userId, day: date } }, select: { trigger: true } }),
  ]);
  if (!row) return null;
  return {
    day,
    mood: row.mood,
    missing: row.missing,
    contact: row.contact,
    note: unsealOptional(row.note, noteField(userId, day)),
    trigger: slip ? unsealOptional(slip.trigger, triggerField(userId, day)) : null,
  };
}

/** Check-ins between two days (inclusive), newest first, for the history page. */
export async function listCheckIns({
  userId,
  from,
  to,
}: {
  userId: string;
  from: CalendarDay;
  to: CalendarDay;
}): Promise<Array<Omit<CheckInView, "trigger">>> {
  const rows = await db.checkIn.findMany({
    where: { userId, day: { gte: dayToDate(from), lte: dayToDate(to) } },
    orderBy: { day: "desc" },
    select: { day: true, mood: true, missing: true, contact: true, note: true },
    take: 400,
  });
  return rows.map((row) => {
    const day = dateToDay(row.day);
    return { ...row, day, note: unsealOptional(row.note, noteField(userId, day)) };
  });
}

export async function listSlips({ userId, limit = 100 }: { userId: string; limit?: number }) {
  const rows = await db.slip.findMany({
    where: { userId },
    orderBy: { day: "desc" },
    select: { day: true, trigger: true },
    take: limit,
  });
  return rows.map((row) => {
    const day = dateToDay(row.day);
    return { day, trigger: unsealOptional(row.trigger, triggerField(userId, day)) };
  });
}

export const checkInFields = { noteField, triggerField };
