import "server-only";
import { db } from "@/lib/db";
import { newRowId, seal, sealOptional, unseal, unsealOptional } from "@/lib/data/tracker-records";
import { VALENTINES_DAY } from "@/lib/tracker/hard-dates";
import { encryptedColumnContext } from "@/lib/crypto/encrypted-columns";
import { resyncRemindersNow } from "@/lib/data/reminders";
import { createWithinCap } from "@/lib/data/row-caps";

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
  const { userId, requestKey } = input;
  const result = await createWithinCap("hardDates", userId, {
    twin: (tx) => tx.hardDate.findUnique({ where: { userId_requestKey: { userId, requestKey } } }),
    count: (tx) => tx.hardDate.count({ where: { userId } }),
    insert: (tx) => tx.hardDate.create({ data: hardDateInsert(input), select: { id: true } }),
  });
  // Its heads-up, when the person has them on.
  if (result.created) await resyncRemindersNow({ userId });
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
  // A full list refuses the whole answer, so the offer stays open for later.
  const result = await createWithinCap("hardDates", userId, {
    twin: (tx) => tx.hardDate.findUnique({ where: { userId_requestKey: { userId, requestKey } } }),
    count: async (tx) => (answer === "add" ? tx.hardDate.count({ where: { userId } }) : 0),
    async insert(tx) {
      if (answer === "add") {
        await tx.hardDate.create({
          data: hardDateInsert({ userId, ...VALENTINES_DAY, plan: VALENTINES_PLAN, requestKey }),
          select: { id: true },
        });
      }
      await tx.trackerSettings.upsert({
        where: { userId },
        create: { userId, valentinesOfferAnswered: true },
        update: { valentinesOfferAnswered: true },
        select: { userId: true },
      });
    },
  });
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

/** Saves an edit of the user's hard date and moves its heads-up; false when it is not theirs. */
export async function updateHardDate({
  userId,
  id,
  label,
  month,
  day,
  plan,
}: {
  userId: string;
  id: string;
  label: string;
  month: number;
  day: number;
  plan?: string;
}) {
  const { count } = await db.hardDate.updateMany({
    where: { id, userId },
    data: {
      label: seal(label, labelField(userId, id)),
      month,
      day,
      plan: sealOptional(plan, planField(userId, id)),
    },
  });
  if (count > 0) await resyncRemindersNow({ userId });
  return count > 0;
}

export async function deleteHardDate({ userId, id }: { userId: string; id: string }) {
  const { count } = await db.hardDate.deleteMany({ where: { id, userId } });
  return count > 0;
}

export const hardDateFields = { labelField, planField };
