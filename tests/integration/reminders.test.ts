import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { withSqlExecutor } from "@/lib/db/connection";
import { createHardDate, deleteHardDate } from "@/lib/data/hard-dates";
import {
  getReminderSettings,
  pauseReminders,
  runDueReminderBatch,
  runDueReminders,
  saveReminderSettings,
  stopRemindersWithToken,
} from "@/lib/data/reminders";
import { saveTrackerSettings } from "@/lib/data/tracker-settings";
import { startEmailWorker } from "@/lib/email/worker";
import { localDayOf } from "@/lib/reminders/next-due";
import { hashStopToken } from "@/lib/reminders/stop-token";
import { startSmtpCatcher, type SmtpCatcher } from "../support/smtp-catcher";
import { smtpTransportTo } from "../support/smtp-transport";
import { createTestUser } from "../support/tracker-users";
import { waitFor } from "../support/wait-for";

const ZONES = ["UTC", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "Pacific/Chatham"];
const cleanups: (() => Promise<void>)[] = [];
// Each test starts with nobody due: a row left by another test is not its business.
beforeEach(() => db.reminder.deleteMany());
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const DAILY_ON = {
  dailyEnabled: true,
  dailyMinute: 20 * 60,
  hardDatesEnabled: false,
  hardDateDaysBefore: 7,
};

/** A person with the daily reminder on, made due a minute ago on today's local day. */
async function personDueNow(label: string, timeZone = "UTC") {
  const user = await createTestUser(label);
  await saveTrackerSettings({ userId: user.id, timeZone, breakupDate: undefined });
  await saveReminderSettings({ userId: user.id, ...DAILY_ON });
  await makeDue(user.id, timeZone);
  return user;
}

async function makeDue(userId: string, timeZone: string) {
  const now = new Date();
  await db.reminder.updateMany({
    where: { userId },
    data: {
      dueAt: new Date(now.getTime() - 60_000),
      dueDay: new Date(`${localDayOf(timeZone, now)}T00:00:00Z`),
    },
  });
}

async function remindersQueuedFor(userId: string) {
  return db.outboxMessage.findMany({
    where: { userId, template: "reminder" },
    select: { id: true, status: true, dedupeKey: true, data: true },
  });
}

async function deliverAll(smtp: SmtpCatcher) {
  const worker = startEmailWorker({
    transport: smtpTransportTo(smtp.port),
    listen: false,
    pollMs: 50,
  });
  cleanups.push(() => worker.stop());
  return worker;
}

describe("the reminder scheduler", () => {
  it("queues each due reminder exactly once with two schedulers running at the same time", async () => {
    const people = [];
    for (let i = 0; i < 40; i++)
      people.push(await personDueNow(`twice${i}`, ZONES[i % ZONES.length]));
    // Small batches so the two interleave many times.
    const [a, b] = await Promise.all([
      runDueReminders({ limit: 3 }),
      runDueReminders({ limit: 3 }),
    ]);
    expect(a + b).toBe(people.length);
    for (const person of people) {
      const queued = await remindersQueuedFor(person.id);
      expect(queued).toHaveLength(1);
      const reminder = await db.reminder.findFirstOrThrow({
        where: { userId: person.id },
        select: { dueAt: true },
      });
      expect(reminder.dueAt.getTime()).toBeGreaterThan(Date.now());
    }
    // A third run, or the same minute again, finds nothing more to send.
    expect(await runDueReminders()).toBe(0);
  });

  it("never sends the same local day twice, even when a row is made due again for a day already sent", async () => {
    const person = await personDueNow("again", "Australia/Sydney");
    expect(await runDueReminders()).toBe(1);
    await makeDue(person.id, "Australia/Sydney");
    expect(await runDueReminders()).toBe(0);
    expect(await remindersQueuedFor(person.id)).toHaveLength(1);
  });

  it("answers a minute with nobody due with one statement", async () => {
    await db.reminder.deleteMany();
    expect(await runDueReminderBatch()).toEqual({ claimed: 0, queued: 0, statements: 1 });
  });

  it("keeps reminders off by default and holds no row until one is turned on", async () => {
    const user = await createTestUser("off");
    expect(await getReminderSettings({ userId: user.id })).toMatchObject({
      dailyEnabled: false,
      hardDatesEnabled: false,
    });
    expect(await db.reminder.count({ where: { userId: user.id } })).toBe(0);
  });

  it("skips a paused person without losing their next day", async () => {
    const person = await personDueNow("paused");
    await pauseReminders({ userId: person.id });
    expect(await runDueReminders()).toBe(0);
    expect(await db.reminder.count({ where: { userId: person.id } })).toBe(1);
  });
});

describe("the send-time check", () => {
  it("drops a queued reminder that was turned off before it went out", async () => {
    const smtp = await startSmtpCatcher();
    cleanups.push(() => smtp.close());
    const person = await personDueNow("turned-off");
    await runDueReminders();
    await saveReminderSettings({ userId: person.id, ...DAILY_ON, dailyEnabled: false });
    const worker = await deliverAll(smtp);
    await worker.runOnce();
    await waitFor(async () => (await remindersQueuedFor(person.id))[0]?.status === "skipped", {
      what: "the reminder skipped",
    });
    expect(smtp.messages.filter((m) => m.to === person.email)).toHaveLength(0);
  });

  it("drops a hard date's heads-up once the hard date is deleted", async () => {
    const smtp = await startSmtpCatcher();
    cleanups.push(() => smtp.close());
    const user = await createTestUser("hard-date");
    await saveReminderSettings({
      userId: user.id,
      ...DAILY_ON,
      dailyEnabled: false,
      hardDatesEnabled: true,
    });
    await createHardDate({
      userId: user.id,
      label: "Anniversary",
      month: 6,
      day: 1,
      requestKey: "k1",
    });
    const hardDate = await db.hardDate.findFirstOrThrow({
      where: { userId: user.id },
      select: { id: true },
    });
    await makeDue(user.id, "UTC");
    expect(await runDueReminders()).toBe(1);
    await deleteHardDate({ userId: user.id, id: hardDate.id });
    const worker = await deliverAll(smtp);
    await worker.runOnce();
    await waitFor(async () => (await remindersQueuedFor(user.id))[0]?.status === "skipped", {
      what: "the heads-up skipped",
    });
  });

  it("delivers a reminder that still stands, bland, with the one-click stop headers", async () => {
    const smtp = await startSmtpCatcher();
    cleanups.push(() => smtp.close());
    const person = await personDueNow("delivered", "Asia/Kolkata");
    await runDueReminders();
    const worker = await deliverAll(smtp);
    await worker.runOnce();
    const mail = await smtp.waitForMessage((m) => m.to === person.email);
    expect(mail.subject).toBe("Your Heartwork reminder");
    expect(mail.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    expect(mail.headers["list-unsubscribe"]).toMatch(
      /^<https?:\/\/[^>]+\/api\/reminders\/stop\?t=[A-Za-z0-9_-]{43}>$/,
    );
    // Links left out: a random token may spell "sad".
    expect(mail.text.replaceAll(/https?:\/\/\S+/g, "")).not.toMatch(
      /ex\b|miss|sad|heart ?break|feel/i,
    );
  });
});

describe("the one-click stop token", () => {
  it("stops every reminder of its owner, is stored only as its hash, and a wrong token stops nothing", async () => {
    const smtp = await startSmtpCatcher();
    cleanups.push(() => smtp.close());
    const person = await personDueNow("stop");
    const bystander = await personDueNow("bystander");
    await runDueReminders();
    const worker = await deliverAll(smtp);
    await worker.runOnce();
    const mail = await smtp.waitForMessage((m) => m.to === person.email);
    const token = /t=([A-Za-z0-9_-]{43})/.exec(mail.headers["list-unsubscribe"]!)![1]!;

    const stored = await withSqlExecutor((sql) =>
      sql.query<{ tokenHash: string }>(
        `SELECT "tokenHash" FROM "ReminderStopToken" WHERE "userId" = $1`,
        [person.id],
      ),
    );
    expect(stored.map((row) => row.tokenHash)).toEqual([hashStopToken(token)]);
    expect(
      JSON.stringify(await db.outboxMessage.findMany({ select: { data: true } })),
    ).not.toContain(token);

    await stopRemindersWithToken({ token: token.replace(/^./, (c) => (c === "A" ? "B" : "A")) });
    await stopRemindersWithToken({ token: "not a token" });
    expect((await getReminderSettings({ userId: person.id })).dailyEnabled).toBe(true);

    await stopRemindersWithToken({ token });
    expect((await getReminderSettings({ userId: person.id })).dailyEnabled).toBe(false);
    expect(await db.reminder.count({ where: { userId: person.id } })).toBe(0);
    // Someone else's reminders are untouched.
    expect((await getReminderSettings({ userId: bystander.id })).dailyEnabled).toBe(true);
    await waitFor(
      async () => (await db.reminder.count({ where: { userId: bystander.id } })) === 1,
      {
        what: "the bystander's reminder",
      },
    );
  });
});
