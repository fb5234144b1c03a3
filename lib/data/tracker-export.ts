import "server-only";
import { db } from "@/lib/db";
import { activityFields } from "@/lib/data/activities";
import { checkInFields } from "@/lib/data/check-ins";
import { goalFields } from "@/lib/data/goals";
import { decryptHardDate } from "@/lib/data/hard-dates";
import { memoryFields } from "@/lib/data/memories";
import { reachOutFields } from "@/lib/data/reach-outs";
import { getTrackerSettings } from "@/lib/data/tracker-settings";
import { dateToDay, unseal, unsealOptional } from "@/lib/data/tracker-records";

// Everything the tracker holds for one user, decrypted, for their own export
// (GDPR art. 20). Internal ids and request keys stay out: they mean nothing
// outside Heartwork. Every query is scoped by the user's id.

export async function exportTrackerData({ userId }: { userId: string }) {
  const [settings, checkIns, slips, memories, goals, activities, reachOuts, hardDates] =
    await Promise.all([
      getTrackerSettings({ userId }),
      db.checkIn.findMany({
        where: { userId },
        orderBy: { day: "asc" },
        select: {
          day: true,
          mood: true,
          missing: true,
          contact: true,
          note: true,
          createdAt: true,
          updatedAt: true,
        },
      }),
      db.slip.findMany({
        where: { userId },
        orderBy: { day: "asc" },
        select: { day: true, trigger: true },
      }),
      db.memory.findMany({
        where: { userId },
        orderBy: { createdAt: "asc" },
        select: { id: true, kind: true, text: true, createdAt: true },
      }),
      db.goal.findMany({
        where: { userId },
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          title: true,
          note: true,
          targetDate: true,
          doneAt: true,
          createdAt: true,
        },
      }),
      db.activity.findMany({
        where: { userId },
        orderBy: { day: "asc" },
        select: { id: true, title: true, day: true, createdAt: true },
      }),
      db.reachOut.findMany({
        where: { userId },
        orderBy: { day: "asc" },
        select: { id: true, who: true, day: true, feeling: true, note: true, createdAt: true },
      }),
      db.hardDate.findMany({
        where: { userId },
        orderBy: [{ month: "asc" }, { day: "asc" }],
        select: { id: true, label: true, month: true, day: true, plan: true },
      }),
    ]);

  return {
    settings: {
      timeZone: settings.timeZone,
      breakupDate: settings.breakupDate,
      welcomed: settings.welcomed,
      remindersWanted: settings.remindersWanted,
    },
    checkIns: checkIns.map((row) => {
      const day = dateToDay(row.day);
      return {
        day,
        mood: row.mood,
        missing: row.missing,
        contact: row.contact,
        note: unsealOptional(row.note, checkInFields.noteField(userId, day)),
        createdAt: row.createdAt.toISOString(),
        updatedAt: row.updatedAt.toISOString(),
      };
    }),
    slips: slips.map((row) => {
      const day = dateToDay(row.day);
      return { day, trigger: unsealOptional(row.trigger, checkInFields.triggerField(userId, day)) };
    }),
    memories: memories.map((row) => ({
      kind: row.kind,
      text: unseal(row.text, memoryFields.textField(userId, row.id)),
      createdAt: row.createdAt.toISOString(),
    })),
    goals: goals.map((row) => ({
      title: unseal(row.title, goalFields.titleField(userId, row.id)),
      note: unsealOptional(row.note, goalFields.noteField(userId, row.id)),
      targetDate: row.targetDate ? dateToDay(row.targetDate) : null,
      doneAt: row.doneAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
    })),
    activities: activities.map((row) => ({
      title: unseal(row.title, activityFields.titleField(userId, row.id)),
      day: dateToDay(row.day),
      createdAt: row.createdAt.toISOString(),
    })),
    reachOuts: reachOuts.map((row) => ({
      who: unseal(row.who, reachOutFields.whoField(userId, row.id)),
      day: dateToDay(row.day),
      feeling: row.feeling,
      note: unsealOptional(row.note, reachOutFields.noteField(userId, row.id)),
      createdAt: row.createdAt.toISOString(),
    })),
    hardDates: hardDates.map((row) => {
      const { label, month, day, plan } = decryptHardDate(userId, row);
      return { label, month, day, plan };
    }),
  };
}

export type TrackerExport = Awaited<ReturnType<typeof exportTrackerData>>;
