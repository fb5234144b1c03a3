import "server-only";
import { db } from "@/lib/db";
import {
  createOnce,
  newRowId,
  seal,
  sealOptional,
  unseal,
  unsealOptional,
} from "@/lib/data/tracker-records";
import { VALENTINES_DAY } from "@/lib/tracker/hard-dates";
import { encryptedColumnContext } from "@/lib/crypto/encrypted-columns";
import { resyncRemindersNow } from "@/lib/data/reminders";

const labelField = (userId: string, id: string) =>
  encryptedColumnContext("HardDate.label", userId, id);
const planField = (userId: string, id: string) =>
  encryptedColumnContext("HardDate.plan", userId, id);

export const VALENTINES_PLAN =
  "Reach out to friends and spend the day together: they will appreciate the company too.";

function hardDateInsert(input: {
  userId: string;
  label: string;
  month: number;
  day: number;
  plan?: string;
  requestKey: string;
}) {
  const id = newRowId();
  return {
    id,
    userId: input.userId,
    label: seal(input.label, labelField(input.userId, id)),
    month: input.month,
    day: input.day,
    plan: sealOptional(input.plan, planField(input.userId, id)),
    requestKey: input.requestKey,
  };
}

export async function createHardDate(input: {
  userId: string;
  label: string;
  month: number;
  day: number;
  plan?: string;
  requestKey: string;
}) {
  const result = await createOnce(() =>
    db.hardDate.create({ data: hardDateInsert(input), select: { id: true } }),
  );
  // Its heads-up, when the person has them on.
  if (result.created) await resyncRemindersNow({ userId: input.userId });
  return result;
}

/** Adds Valentine's Day with the article's plan, or records a "no thanks"; either way the offer ends. */
export async function answerValentinesOffer({
  userId,
  answer,
  requestKey,
}: {
  userId: string;
  answer: "add" | "decline";
  requestKey: string;
}) {
  const result = await createOnce(() =>
    db.$transaction([
      ...(answer === "add"
        ? [
            db.hardDate.create({
              data: hardDateInsert({
                userId,
                ...VALENTINES_DAY,
                plan: VALENTINES_PLAN,
                requestKey,
              }),
              select: { id: true },
            }),
          ]
        : []),
      db.trackerSettings.upsert({
        where: { userId },
        create: { userId, valentinesOfferAnswered: true },
        update: { valentinesOfferAnswered: true },
        select: { userId: true },
      }),
    ]),
  );
  if (result.created && answer === "add") await resyncRemindersNow({ userId });
  return result;
}

export async function listHardDates({ userId }: { userId: string }) {
  const rows = await db.hardDate.findMany({
    where: { userId },
    orderBy: [{ month: "asc" }, { day: "asc" }],
    select: { id: true, label: true, month: true, day: true, plan: true },
    take: 200,
  });
  return rows.map((row) => decryptHardDate(userId, row));
}

export function decryptHardDate(
  userId: string,
  row: { id: string; label: string; month: number; day: number; plan: string | null },
) {
  return {
    id: row.id,
    label: unseal(row.label, labelField(userId, row.id)),
    month: row.month,
    day: row.day,
    plan: unsealOptional(row.plan, planField(userId, row.id)),
  };
}

export async function deleteHardDate({ userId, id }: { userId: string; id: string }) {
  const { count } = await db.hardDate.deleteMany({ where: { id, userId } });
  return count > 0;
}

export const hardDateFields = { labelField, planField };
