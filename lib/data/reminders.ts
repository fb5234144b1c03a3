import "server-only";
import { db, Prisma } from "@/lib/db";
import { encryptField } from "@/lib/crypto/field-encryption";
import { enqueueEmails, type EnqueueEmailInput } from "@/lib/data/enqueue-email";
import { dateToDay, dayToDate, type CalendarDay } from "@/lib/data/tracker-records";
import { localDayOf, nextDailyDue, nextHardDateDue, type LocalDue } from "@/lib/reminders/next-due";
import {
  generateStopToken,
  hashStopToken,
  isWellFormedStopToken,
  stopTokenContext,
} from "@/lib/reminders/stop-token";

// Opt-in email reminders. Settings say what is on; each reminder that is on is
// a "Reminder" row holding the UTC instant it is next due (indexed) and the
// local day that instant belongs to. The scheduler (runDueReminders, a named
// job) claims due rows, queues one email per row through the outbox keyed by
// reminder and local day (so a second instance, a retry or a crash can never
// send a day twice) and moves each row on to its next local day. A minute with
// nobody due costs one UPDATE that finds nothing.

export const PAUSE_DAYS = 7;
const DAILY_ID_PREFIX = "daily:";
/**
 * How long a claimed row is kept from other schedulers while it is worked on.
 * Short, so a batch whose transaction failed is taken up again within the
 * minute; a batch slower than this is harmless (the dedupe key keeps its
 * emails single, and both writers move the row to the same next time).
 */
const CLAIM_LEASE_MS = 30_000;
/**
 * A batch's transaction on a loaded machine: Prisma's interactive default
 * (2 s to get a connection, 5 s to finish) dropped whole batches of 500 in
 * bench:reminders with two instances on two busy cores.
 */
const BATCH_TRANSACTION = { maxWait: 20_000, timeout: 25_000 };

export type ReminderSettingsView = {
  dailyEnabled: boolean;
  /** Minutes after local midnight. */
  dailyMinute: number;
  hardDatesEnabled: boolean;
  hardDateDaysBefore: number;
  pausedUntil: Date | null;
  /** Reminders 24 hours and 1 hour before a booked session (lib/data/session-reminders.ts): on by default. */
  sessionRemindersEnabled: boolean;
};

export const REMINDER_DEFAULTS: ReminderSettingsView = {
  dailyEnabled: false,
  dailyMinute: 20 * 60,
  hardDatesEnabled: false,
  hardDateDaysBefore: 7,
  pausedUntil: null,
  sessionRemindersEnabled: true,
};

const settingsSelect = {
  dailyEnabled: true,
  dailyMinute: true,
  hardDatesEnabled: true,
  hardDateDaysBefore: true,
  pausedUntil: true,
  sessionRemindersEnabled: true,
} as const;

export async function getReminderSettings({
  userId,
}: {
  userId: string;
}): Promise<ReminderSettingsView> {
  const row = await db.reminderSettings.findUnique({ where: { userId }, select: settingsSelect });
  return row ?? REMINDER_DEFAULTS;
}

export type ReminderChoice = {
  dailyEnabled: boolean;
  dailyMinute: number;
  hardDatesEnabled: boolean;
  hardDateDaysBefore: number;
  /** Left as it is when absent. */
  sessionRemindersEnabled?: boolean;
};

export async function saveReminderSettings({
  userId,
  now = new Date(),
  ...choice
}: ReminderChoice & { userId: string; now?: Date }): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.reminderSettings.upsert({
      where: { userId },
      create: { userId, ...choice },
      update: choice,
      select: { userId: true },
    });
    await resyncReminders(tx, { userId, now });
  });
}

/** No reminder for a week; the rows keep their times and are skipped until then. */
export async function pauseReminders({
  userId,
  now = new Date(),
}: {
  userId: string;
  now?: Date;
}): Promise<Date> {
  const pausedUntil = new Date(now.getTime() + PAUSE_DAYS * 86_400_000);
  await db.reminderSettings.upsert({
    where: { userId },
    create: { userId, pausedUntil },
    update: { pausedUntil },
    select: { userId: true },
  });
  return pausedUntil;
}

export async function resumeReminders({ userId }: { userId: string }): Promise<void> {
  await db.reminderSettings.updateMany({ where: { userId }, data: { pausedUntil: null } });
}

/**
 * Rewrites the person's reminder rows from their settings, time zone and hard
 * dates: called in the transaction of any change to one of them, so a row
 * exists exactly while its reminder is on, due at the right instant.
 */
export async function resyncReminders(
  tx: Prisma.TransactionClient,
  { userId, now = new Date() }: { userId: string; now?: Date },
): Promise<void> {
  const [settings, tracker, hardDates] = await Promise.all([
    tx.reminderSettings.findUnique({ where: { userId }, select: settingsSelect }),
    tx.trackerSettings.findUnique({ where: { userId }, select: { timeZone: true } }),
    tx.hardDate.findMany({
      where: { userId },
      select: { id: true, month: true, day: true },
    }),
  ]);
  await tx.reminder.deleteMany({ where: { userId } });
  if (!settings) return;
  const timeZone = tracker?.timeZone ?? "UTC";
  const rows: { id: string; userId: string; hardDateId: string | null; due: LocalDue }[] = [];
  if (settings.dailyEnabled) {
    rows.push({
      id: `${DAILY_ID_PREFIX}${userId}`,
      userId,
      hardDateId: null,
      due: nextDailyDue({ minuteOfDay: settings.dailyMinute, timeZone, now }),
    });
  }
  if (settings.hardDatesEnabled) {
    for (const date of hardDates) {
      rows.push({
        id: date.id,
        userId,
        hardDateId: date.id,
        due: nextHardDateDue({
          date,
          daysBefore: settings.hardDateDaysBefore,
          minuteOfDay: settings.dailyMinute,
          timeZone,
          now,
        }),
      });
    }
  }
  if (rows.length === 0) return;
  await tx.reminder.createMany({
    data: rows.map(({ due, ...row }) => ({ ...row, dueAt: due.at, dueDay: dayToDate(due.day) })),
  });
}

/** resyncReminders in a transaction of its own (a time zone or hard date changed). */
export async function resyncRemindersNow({ userId }: { userId: string }): Promise<void> {
  await db.$transaction((tx) => resyncReminders(tx, { userId }));
}

type ClaimedReminder = {
  id: string;
  userId: string;
  hardDateId: string | null;
  dueDay: Date;
};

type ReminderContext = {
  id: string;
  email: string | null;
  timeZone: string | null;
  dailyMinute: number | null;
  hardDateDaysBefore: number | null;
  dailyEnabled: boolean | null;
  hardDatesEnabled: boolean | null;
  pausedUntil: Date | null;
  month: number | null;
  day: number | null;
};

export type SchedulerRound = { claimed: number; queued: number; statements: number };

/**
 * Claims up to `limit` due reminders (FOR UPDATE SKIP LOCKED: two schedulers
 * never share a row; the claim pushes the row's dueAt out by a lease, so a
 * scheduler that dies mid-batch hands its rows on), queues their emails and
 * moves each on to its next local day.
 */
export async function runDueReminderBatch({
  limit = 500,
  now = new Date(),
}: { limit?: number; now?: Date } = {}): Promise<SchedulerRound> {
  const claimed = await db.$queryRaw<ClaimedReminder[]>`
    UPDATE "Reminder" AS r
       SET "dueAt" = ${new Date(now.getTime() + CLAIM_LEASE_MS).toISOString()}::timestamp(3)
      FROM (
        SELECT "id" FROM "Reminder"
         WHERE "dueAt" <= ${now.toISOString()}::timestamp(3)
         ORDER BY "dueAt"
         LIMIT ${limit}::integer
         FOR UPDATE SKIP LOCKED
      ) AS due
     WHERE r."id" = due."id"
    RETURNING r."id", r."userId", r."hardDateId", r."dueDay"`;
  if (claimed.length === 0) return { claimed: 0, queued: 0, statements: 1 };

  const ids = claimed.map((row) => row.id);
  const contexts = await db.$queryRaw<ReminderContext[]>`
    SELECT r."id", u."email", t."timeZone", s."dailyMinute", s."hardDateDaysBefore",
           s."dailyEnabled", s."hardDatesEnabled", s."pausedUntil", h."month", h."day"
      FROM "Reminder" r
      JOIN "User" u ON u."id" = r."userId"
      LEFT JOIN "ReminderSettings" s ON s."userId" = r."userId"
      LEFT JOIN "TrackerSettings" t ON t."userId" = r."userId"
      LEFT JOIN "HardDate" h ON h."id" = r."hardDateId"
     WHERE r."id" IN (${Prisma.join(ids)})`;
  const byId = new Map(contexts.map((c) => [c.id, c]));

  const emails: EnqueueEmailInput<"reminder">[] = [];
  const tokens: { tokenHash: string; userId: string }[] = [];
  const moves: { id: string; due: LocalDue }[] = [];
  const gone: string[] = [];

  for (const row of claimed) {
    const context = byId.get(row.id);
    const dueDay = dateToDay(row.dueDay);
    const next = context && nextDue(row, context, dueDay, now);
    if (!context || !next) {
      gone.push(row.id);
      continue;
    }
    moves.push({ id: row.id, due: next });
    const timeZone = context.timeZone ?? "UTC";
    const paused = context.pausedUntil !== null && context.pausedUntil > now;
    // A reminder belongs to its local day: one that comes too late for it
    // (the servers were down) is dropped rather than sent on the wrong day.
    const onItsDay = localDayOf(timeZone, now) === dueDay;
    if (paused || !onItsDay || !context.email) continue;
    const { token, tokenHash } = generateStopToken();
    tokens.push({ tokenHash, userId: row.userId });
    emails.push({
      to: context.email,
      template: "reminder",
      userId: row.userId,
      dedupeKey: `reminder:${row.id}:${dueDay}`,
      data: {
        reminderId: row.id,
        userId: row.userId,
        day: dueDay,
        kind: row.hardDateId ? "hard-date" : "daily",
        sealedToken: encryptField(token, stopTokenContext(row.userId, row.id, dueDay)),
      },
    });
  }

  const queued = await db.$transaction(async (tx) => {
    if (tokens.length > 0) await tx.reminderStopToken.createMany({ data: tokens });
    const count = emails.length > 0 ? await enqueueEmails(tx, emails) : 0;
    if (moves.length > 0) {
      const values = moves.map(
        ({ id, due }) =>
          Prisma.sql`(${id}, ${due.at.toISOString()}::timestamp(3), ${due.day}::date)`,
      );
      await tx.$executeRaw`
        UPDATE "Reminder" AS r SET "dueAt" = v.due_at, "dueDay" = v.due_day
          FROM (VALUES ${Prisma.join(values)}) AS v(id, due_at, due_day)
         WHERE r."id" = v.id`;
    }
    if (gone.length > 0) await tx.reminder.deleteMany({ where: { id: { in: gone } } });
    return count;
  }, BATCH_TRANSACTION);
  return { claimed: claimed.length, queued, statements: 3 };
}

/** The row's next due time, or null when the reminder no longer stands (turned off, date removed). */
function nextDue(
  row: ClaimedReminder,
  context: ReminderContext,
  after: CalendarDay,
  now: Date,
): LocalDue | null {
  if (context.dailyMinute === null) return null;
  const timeZone = context.timeZone ?? "UTC";
  if (row.hardDateId === null) {
    if (!context.dailyEnabled) return null;
    return nextDailyDue({ minuteOfDay: context.dailyMinute, timeZone, now, after });
  }
  if (!context.hardDatesEnabled || context.month === null || context.day === null) return null;
  return nextHardDateDue({
    date: { month: context.month, day: context.day },
    daysBefore: context.hardDateDaysBefore ?? 7,
    minuteOfDay: context.dailyMinute,
    timeZone,
    now,
    after,
  });
}

/** Runs batches until no reminder is due; returns the number of emails queued. */
export async function runDueReminders({
  limit = 500,
  now,
}: { limit?: number; now?: Date } = {}): Promise<number> {
  let queued = 0;
  for (;;) {
    const round = await runDueReminderBatch({ limit, now: now ?? new Date() });
    queued += round.queued;
    if (round.claimed < limit) return queued;
  }
}

/**
 * The send-time check: the reminder is still on (its row exists, so neither
 * turned off nor its hard date deleted) and not paused.
 */
export async function reminderEmailStillWanted(
  tx: Prisma.TransactionClient,
  { reminderId, userId }: { reminderId: string; userId: string },
): Promise<boolean> {
  const reminder = await tx.reminder.findFirst({
    where: { id: reminderId, userId },
    select: {
      user: { select: { reminderSettings: { select: { pausedUntil: true } } } },
    },
  });
  if (!reminder) return false;
  const pausedUntil = reminder.user.reminderSettings?.pausedUntil;
  return !pausedUntil || pausedUntil <= new Date();
}

/**
 * The one-click stop: every reminder of the token's owner off. The answer is
 * the same for a token that matches nothing (SECURITY.md), so the endpoint
 * tells nobody whether a link was real.
 */
export async function stopRemindersWithToken({ token }: { token: unknown }): Promise<void> {
  if (!isWellFormedStopToken(token)) return;
  await db.$transaction(async (tx) => {
    const found = await tx.reminderStopToken.findUnique({
      where: { tokenHash: hashStopToken(token) },
      select: { userId: true },
    });
    if (!found) return;
    await tx.reminderSettings.updateMany({
      where: { userId: found.userId },
      data: { dailyEnabled: false, hardDatesEnabled: false },
    });
    await tx.reminder.deleteMany({ where: { userId: found.userId } });
  });
}

/** What the export holds about reminders. */
export async function exportReminderSettings({ userId }: { userId: string }) {
  const settings = await getReminderSettings({ userId });
  return {
    dailyReminder: settings.dailyEnabled,
    dailyReminderMinute: settings.dailyMinute,
    hardDateHeadsUp: settings.hardDatesEnabled,
    hardDateHeadsUpDays: settings.hardDateDaysBefore,
    pausedUntil: settings.pausedUntil?.toISOString() ?? null,
    appointmentReminders: settings.sessionRemindersEnabled,
  };
}

export const reminderIds = { daily: (userId: string) => `${DAILY_ID_PREFIX}${userId}` };
