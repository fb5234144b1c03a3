import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { createActivity } from "@/lib/data/activities";
import { saveCheckIn } from "@/lib/data/check-ins";
import { createGoal } from "@/lib/data/goals";
import { createHardDate } from "@/lib/data/hard-dates";
import { createMemory } from "@/lib/data/memories";
import { removeWithUndo } from "@/lib/data/pending-removals";
import { createReachOut } from "@/lib/data/reach-outs";
import { saveReminderSettings } from "@/lib/data/reminders";
import { startTextPause } from "@/lib/data/text-pauses";
import { saveTrackerSettings } from "@/lib/data/tracker-settings";
import { COUNSELING_SEEDERS } from "@/tests/support/counseling-data";

// Seeds one row of a person's data in every table that can hold some, for the
// account-deletion test (tests/integration/delete-account.test.ts).
//
// WHEN YOU ADD A MODEL: add a seeder for its table here (and an eraser in
// lib/data/delete-account.ts), or list the table in TABLES_WITHOUT_USER_DATA
// with the reason it can never hold a person's data. The deletion test fails
// for any table in the database that is in neither list.

export type SeededUser = { id: string; email: string };
type Seeder = (user: SeededUser) => Promise<unknown>;

export const USER_DATA_SEEDERS: Record<string, Seeder> = {
  User: async () => {}, // created by seedUserData itself
  Account: (user) =>
    db.account.create({
      data: { userId: user.id, type: "email", provider: "email", providerAccountId: user.email },
    }),
  Session: (user) =>
    db.session.create({
      data: {
        sessionToken: randomUUID(),
        userId: user.id,
        expires: new Date(Date.now() + 60_000),
      },
    }),
  VerificationToken: (user) =>
    db.verificationToken.create({
      data: { identifier: user.email, token: randomUUID(), expires: new Date(Date.now() + 60_000) },
    }),
  OutboxMessage: async (user) => {
    // Mail to them (no user id yet, as for a first sign-in), and mail about them.
    await db.outboxMessage.create({
      data: {
        id: randomUUID(),
        template: "sign-in",
        to: user.email,
        data: { path: "/signin/confirm?x" },
      },
    });
    await db.outboxMessage.create({
      data: {
        id: randomUUID(),
        template: "sign-in",
        to: `someone.else.${randomUUID()}@example.com`,
        userId: user.id,
        data: { from: user.email },
        status: "sent",
      },
    });
  },
  DevMailboxMessage: (user) =>
    db.devMailboxMessage.create({
      data: {
        id: randomUUID(),
        to: user.email,
        subject: "Sign in",
        text: "hello",
        html: "<p>hello</p>",
      },
    }),
  // The private tracker, written through its own data functions (encrypted text and all).
  TrackerSettings: (user) =>
    saveTrackerSettings({ userId: user.id, timeZone: "Europe/Berlin", breakupDate: "2026-09-01" }),
  CheckIn: (user) =>
    saveCheckIn({
      userId: user.id,
      day: "2026-11-20",
      mood: 2,
      missing: 8,
      contact: "NONE",
      note: "n",
    }),
  Slip: (user) =>
    saveCheckIn({
      userId: user.id,
      day: "2026-11-21",
      mood: 2,
      missing: 9,
      contact: "WE_MET",
      trigger: "t",
    }),
  Memory: (user) =>
    createMemory({ userId: user.id, kind: "HARD", text: "m", requestKey: randomUUID() }),
  Goal: (user) => createGoal({ userId: user.id, title: "g", note: "n", requestKey: randomUUID() }),
  Activity: (user) =>
    createActivity({ userId: user.id, title: "a", day: "2026-11-22", requestKey: randomUUID() }),
  ReachOut: (user) =>
    createReachOut({
      userId: user.id,
      who: "w",
      day: "2026-11-22",
      feeling: "BETTER",
      requestKey: randomUUID(),
    }),
  HardDate: (user) =>
    createHardDate({ userId: user.id, label: "h", month: 2, day: 29, requestKey: randomUUID() }),
  // Turning reminders on writes the settings and one row per reminder.
  ReminderSettings: (user) =>
    saveReminderSettings({
      userId: user.id,
      dailyEnabled: true,
      dailyMinute: 1200,
      hardDatesEnabled: true,
      hardDateDaysBefore: 7,
    }),
  Reminder: async () => {}, // written by ReminderSettings above
  // A removed memory still open to Undo.
  PendingRemoval: async (user) => {
    const requestKey = randomUUID();
    await createMemory({ userId: user.id, kind: "GOOD", text: "r", requestKey });
    const row = await db.memory.findFirstOrThrow({ where: { userId: user.id, requestKey } });
    await removeWithUndo("memories", { userId: user.id, id: row.id });
  },
  TextPause: (user) =>
    startTextPause({
      userId: user.id,
      day: "2026-11-26",
      draft: "d",
      trigger: "t",
      requestKey: randomUUID(),
    }),
  ReminderStopToken: (user) =>
    db.reminderStopToken.create({ data: { tokenHash: randomUUID(), userId: user.id } }),
};

Object.assign(USER_DATA_SEEDERS, COUNSELING_SEEDERS);

export const TABLES_WITHOUT_USER_DATA: Record<string, string> = {
  DoNotContact:
    "HMACs of addresses that asked never to be invited; the wish outlives any account (see lib/data/counseling-erasers.ts)",
  _prisma_migrations: "migration bookkeeping",
  RateLimit: "keys are HMACs of addresses and IPs, and expire within the hour",
};

export async function seedUserData(email: string): Promise<SeededUser> {
  const created = await db.user.create({
    data: { email, name: "Test Person" },
    select: { id: true },
  });
  const user = { id: created.id, email };
  for (const seed of Object.values(USER_DATA_SEEDERS)) await seed(user);
  return user;
}
