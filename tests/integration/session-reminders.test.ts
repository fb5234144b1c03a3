import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { claimReferral } from "@/lib/data/referral-ownership";
import { saveReminderSettings } from "@/lib/data/reminders";
import {
  cancelSession,
  markSessionOutcome,
  moveSession,
  offerSessionTimes,
  takeOfferedTime,
} from "@/lib/data/session-booking";
import { runDueSessionReminders, sessionReminderStillWanted } from "@/lib/data/session-reminders";
import { outboxSendGuards } from "@/lib/data/outbox-send-guards";
import { saveTrackerSettings } from "@/lib/data/tracker-settings";
import { startEmailWorker } from "@/lib/email/worker";
import { SESSION_REMINDER_SUBJECT } from "@/lib/email/templates/session-reminder";
import {
  createCouplesReferral,
  createSubmittedReferral,
  createTeamMember,
} from "@/tests/support/counseling-team";
import { renderQueuedEmail } from "@/tests/support/queued-email";
import { startSmtpCatcher } from "../support/smtp-catcher";
import { smtpTransportTo } from "../support/smtp-transport";
import { waitFor } from "../support/wait-for";

// Reminders 24 hours and 1 hour before a booked session, on both databases:
// queued once however many schedulers run, never for a cancelled session or a
// moved session's old time, again for the new time, not to whoever turned them
// off, and said in each recipient's zone across a daylight-saving change. The
// scheduler is run at chosen instants (`now`), the sessions are real bookings.

vi.setConfig({ testTimeout: 120_000 });

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const JOIN = "https://video.example/room-secret-77";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

function at(offsetMs: number): Date {
  return new Date(Math.floor((Date.now() + offsetMs) / MINUTE) * MINUTE);
}

type Booked = {
  sessionId: string;
  referralId: string;
  startsAt: Date;
  /** The second offered time, free to move to. */
  otherTimeId: string;
  otherStartsAt: Date;
  people: { id: string; email: string }[];
  counselor: { id: string; email: string };
  person: { id: string; email: string };
};

/** A claimed referral with two offered times; the person (or partner) takes the first. */
async function bookedSession(
  label: string,
  startsAt: Date,
  {
    counselor,
    couples = false,
    otherStartsAt = new Date(startsAt.getTime() + 2 * DAY),
    counselorZone = "America/New_York",
  }: {
    counselor?: { id: string; email: string };
    couples?: boolean;
    otherStartsAt?: Date;
    counselorZone?: string;
  } = {},
): Promise<Booked> {
  const holder = counselor ?? (await createTeamMember(`${label}-counselor`));
  const referral = couples
    ? await createCouplesReferral(label)
    : { ...(await createSubmittedReferral(`${label}-person`)), partner: null };
  expect(await claimReferral({ userId: holder.id, referralId: referral.referralId })).toEqual({
    ok: true,
  });
  const offered = await offerSessionTimes({
    userId: holder.id,
    referralId: referral.referralId,
    timeZone: counselorZone,
    joinKind: "video",
    joinDetail: JOIN,
    times: [
      { startsAt, lengthMinutes: 50 },
      { startsAt: otherStartsAt, lengthMinutes: 50 },
    ],
  });
  expect(offered).toEqual({ ok: true, count: 2 });
  const times = await db.offeredTime.findMany({
    where: { referralId: referral.referralId, withdrawnAt: null },
    select: { id: true, startsAt: true },
  });
  const first = times.find((t) => t.startsAt.getTime() === startsAt.getTime())!;
  const other = times.find((t) => t.id !== first.id)!;
  const taken = await takeOfferedTime({ userId: referral.person.id, offeredTimeId: first.id });
  expect(taken.ok).toBe(true);
  return {
    sessionId: (taken as { sessionId: string }).sessionId,
    referralId: referral.referralId,
    startsAt,
    otherTimeId: other.id,
    otherStartsAt: other.startsAt,
    people: [referral.person, ...(referral.partner ? [referral.partner] : [])],
    counselor: holder,
    person: referral.person,
  };
}

async function remindersFor(sessionId: string) {
  const rows = await db.outboxMessage.findMany({
    where: { template: "session-reminder" },
    select: { id: true, to: true, data: true, dedupeKey: true, status: true, userId: true },
    orderBy: { createdAt: "asc" },
  });
  return rows.filter((row) => (row.data as { sessionId?: string }).sessionId === sessionId);
}

async function stillWanted(data: unknown, now?: Date) {
  const { sessionId, recipientId, sequence } = data as {
    sessionId: string;
    recipientId: string;
    sequence: number;
  };
  return db.$transaction((tx) =>
    sessionReminderStillWanted(tx, { sessionId, recipientId, sequence, now }),
  );
}

async function sessionRow(sessionId: string) {
  return db.counselingSession.findUniqueOrThrow({
    where: { id: sessionId },
    select: { nextReminderAt: true, nextReminderHours: true, icsSequence: true },
  });
}

describe("queueing session reminders", () => {
  it("queues each due reminder once per participant with three schedulers at the same time", async () => {
    const counselor = await createTeamMember("race-counselor");
    const base = at(5 * DAY);
    const sessions: Booked[] = [];
    for (let i = 0; i < 6; i++) {
      sessions.push(
        await bookedSession(`race${i}`, new Date(base.getTime() + i * 2 * HOUR), {
          counselor,
          couples: i === 0,
          otherStartsAt: new Date(base.getTime() + 20 * DAY + i * 2 * HOUR),
        }),
      );
    }
    for (const s of sessions) {
      expect(await sessionRow(s.sessionId)).toMatchObject({
        nextReminderAt: new Date(s.startsAt.getTime() - DAY),
        nextReminderHours: 24,
      });
    }
    // Every session's day-before reminder is due; the last one's starts in 14 h.
    const now = new Date(base.getTime() + 10 * HOUR - DAY + MINUTE);
    const before = await db.outboxMessage.count({ where: { template: "session-reminder" } });
    const runs = await Promise.all([
      runDueSessionReminders({ limit: 2, now }),
      runDueSessionReminders({ limit: 2, now }),
      runDueSessionReminders({ limit: 2, now }),
    ]);
    const after = await db.outboxMessage.count({ where: { template: "session-reminder" } });
    expect(runs.reduce((a, b) => a + b, 0)).toBe(after - before);

    for (const s of sessions) {
      const queued = await remindersFor(s.sessionId);
      const recipients = [...s.people, s.counselor].map((p) => p.email.toLowerCase()).sort();
      expect(queued.map((q) => q.to).sort()).toEqual(recipients);
      expect(queued.every((q) => (q.data as { hours: number }).hours === 24)).toBe(true);
      // Moved on to the hour's reminder.
      expect(await sessionRow(s.sessionId)).toMatchObject({
        nextReminderAt: new Date(s.startsAt.getTime() - HOUR),
        nextReminderHours: 1,
      });
    }
    // The same minute again, or another instance late, finds nothing more.
    expect(await runDueSessionReminders({ now })).toBe(0);

    // An hour before the first: its hour's reminder, once, and no reminder is left.
    const first = sessions[0]!;
    const hourBefore = new Date(first.startsAt.getTime() - HOUR + 30_000);
    await Promise.all([
      runDueSessionReminders({ now: hourBefore }),
      runDueSessionReminders({ now: hourBefore }),
    ]);
    const all = await remindersFor(first.sessionId);
    expect(all.filter((q) => (q.data as { hours: number }).hours === 1)).toHaveLength(3);
    expect(await sessionRow(first.sessionId)).toMatchObject({
      nextReminderAt: null,
      nextReminderHours: null,
    });
    expect(await runDueSessionReminders({ now: hourBefore })).toBe(0);
  });

  it("gives a session booked less than a day ahead only the hour's reminder", async () => {
    const s = await bookedSession("soon", at(5 * HOUR));
    expect(await sessionRow(s.sessionId)).toMatchObject({
      nextReminderAt: new Date(s.startsAt.getTime() - HOUR),
      nextReminderHours: 1,
    });
  });

  it("drops a day-before reminder claimed too late and sends the hour's one instead", async () => {
    const s = await bookedSession("late", at(3 * DAY));
    // The servers were down from a day before until 50 minutes before the start.
    const late = new Date(s.startsAt.getTime() - 50 * MINUTE);
    await Promise.all([
      runDueSessionReminders({ now: late }),
      runDueSessionReminders({ now: late }),
    ]);
    expect(await sessionRow(s.sessionId)).toMatchObject({ nextReminderAt: null });
    const queued = await remindersFor(s.sessionId);
    expect(queued.map((q) => (q.data as { hours: number }).hours)).toEqual([1, 1]);
  });
});

describe("cancelled and moved sessions", () => {
  it("never sends a cancelled session's reminder, queued or not", async () => {
    const s = await bookedSession("cancel", at(4 * DAY));
    await runDueSessionReminders({ now: new Date(s.startsAt.getTime() - DAY + MINUTE) });
    const queued = await remindersFor(s.sessionId);
    expect(queued).toHaveLength(2);
    for (const q of queued) expect(await stillWanted(q.data)).toBe(true);

    expect(
      await cancelSession({ userId: s.person.id, sessionId: s.sessionId, as: "people" }),
    ).toEqual({ ok: true, referralId: s.referralId, side: "person" });
    for (const q of queued) expect(await stillWanted(q.data)).toBe(false);
    expect(await sessionRow(s.sessionId)).toMatchObject({ nextReminderAt: null });
    expect(
      await runDueSessionReminders({ now: new Date(s.startsAt.getTime() - HOUR + MINUTE) }),
    ).toBe(0);
    expect(await remindersFor(s.sessionId)).toHaveLength(2);
  });

  it("stops the old time's reminder of a moved session and reminds of the new time", async () => {
    const s = await bookedSession("move", at(4 * DAY), { otherStartsAt: at(6 * DAY) });
    await runDueSessionReminders({ now: new Date(s.startsAt.getTime() - DAY + MINUTE) });
    const old = await remindersFor(s.sessionId);
    expect(old).toHaveLength(2);

    expect(
      await moveSession({
        userId: s.person.id,
        sessionId: s.sessionId,
        offeredTimeId: s.otherTimeId,
      }),
    ).toEqual({ ok: true, referralId: s.referralId, side: "person" });
    for (const q of old) expect(await stillWanted(q.data)).toBe(false);
    expect(await sessionRow(s.sessionId)).toMatchObject({
      nextReminderAt: new Date(s.otherStartsAt.getTime() - DAY),
      nextReminderHours: 24,
      icsSequence: 1,
    });
    // The old time's hour comes and goes: nothing.
    expect(
      await runDueSessionReminders({ now: new Date(s.startsAt.getTime() - HOUR + MINUTE) }),
    ).toBe(0);

    for (const [hours, offset] of [
      [24, DAY],
      [1, HOUR],
    ] as const) {
      await runDueSessionReminders({
        now: new Date(s.otherStartsAt.getTime() - offset + MINUTE),
      });
      const fresh = (await remindersFor(s.sessionId)).filter(
        (q) =>
          (q.data as { sequence: number }).sequence === 1 &&
          (q.data as { hours: number }).hours === hours,
      );
      expect(fresh).toHaveLength(2);
      for (const q of fresh) {
        expect(await stillWanted(q.data)).toBe(true);
        const email = renderQueuedEmail("session-reminder", q.data);
        expect(email.subject).toBe(SESSION_REMINDER_SUBJECT);
        expect(email.text).toContain(JOIN);
      }
    }
  });

  it("sends nothing once the session has started or was marked", async () => {
    const s = await bookedSession("started", at(2 * DAY));
    await runDueSessionReminders({ now: new Date(s.startsAt.getTime() - HOUR + MINUTE) });
    const queued = await remindersFor(s.sessionId);
    expect(queued).toHaveLength(2);
    expect(await stillWanted(queued[0]!.data, new Date(s.startsAt.getTime() + MINUTE))).toBe(false);
    expect(
      await markSessionOutcome({
        userId: s.counselor.id,
        sessionId: s.sessionId,
        outcome: "held",
        now: new Date(s.startsAt.getTime() + 2 * HOUR),
      }),
    ).toEqual({ ok: true, referralId: s.referralId, side: "team" });
    expect(await stillWanted(queued[0]!.data)).toBe(false);
  });
});

describe("opting out", () => {
  it("leaves out whoever turned appointment reminders off, and drops what was queued before", async () => {
    const s = await bookedSession("optout", at(4 * DAY), { couples: true });
    const partner = s.people[1]!;
    await saveReminderSettings({
      userId: partner.id,
      dailyEnabled: false,
      dailyMinute: 20 * 60,
      hardDatesEnabled: false,
      hardDateDaysBefore: 7,
      sessionRemindersEnabled: false,
    });
    await runDueSessionReminders({ now: new Date(s.startsAt.getTime() - DAY + MINUTE) });
    const queued = await remindersFor(s.sessionId);
    expect(queued.map((q) => q.to).sort()).toEqual(
      [s.person.email, s.counselor.email].map((e) => e.toLowerCase()).sort(),
    );

    // The person turns them off after the day-before one was queued.
    await saveReminderSettings({
      userId: s.person.id,
      dailyEnabled: false,
      dailyMinute: 20 * 60,
      hardDatesEnabled: false,
      hardDateDaysBefore: 7,
      sessionRemindersEnabled: false,
    });
    const persons = queued.find((q) => q.userId === s.person.id)!;
    const counselors = queued.find((q) => q.userId === s.counselor.id)!;
    expect(await stillWanted(persons.data)).toBe(false);
    expect(await stillWanted(counselors.data)).toBe(true);
  });

  it("keeps them on when the daily reminders are saved without touching them", async () => {
    const s = await bookedSession("keep", at(4 * DAY));
    await saveReminderSettings({
      userId: s.person.id,
      dailyEnabled: true,
      dailyMinute: 20 * 60,
      hardDatesEnabled: false,
      hardDateDaysBefore: 7,
    });
    await runDueSessionReminders({ now: new Date(s.startsAt.getTime() - DAY + MINUTE) });
    expect((await remindersFor(s.sessionId)).map((q) => q.userId)).toContain(s.person.id);
  });
});

describe("time zones", () => {
  it("reminds 24 real hours before across a DST change, in each recipient's zone, named", async () => {
    // New York springs forward on Sunday 14 March 2027; Sydney falls back on
    // Sunday 4 April 2027. The session is 10:00 New York time on the Sunday.
    const startsAt = new Date("2027-03-14T14:00:00Z");
    if (startsAt.getTime() < Date.now() + 2 * DAY) throw new Error("the test's date has passed");
    const s = await bookedSession("dst", startsAt, {
      otherStartsAt: new Date("2027-04-04T14:00:00Z"),
      counselorZone: "America/New_York",
    });
    await saveTrackerSettings({
      userId: s.person.id,
      timeZone: "Australia/Sydney",
      breakupDate: undefined,
    });
    // Due 24 hours before: 09:00 on Saturday in New York (still EST).
    expect(await sessionRow(s.sessionId)).toMatchObject({
      nextReminderAt: new Date("2027-03-13T14:00:00Z"),
    });
    // A minute early: nothing.
    expect(await runDueSessionReminders({ now: new Date("2027-03-13T13:59:00Z") })).toBe(0);
    expect(await remindersFor(s.sessionId)).toHaveLength(0);
    await runDueSessionReminders({ now: new Date("2027-03-13T14:00:00Z") });
    const queued = await remindersFor(s.sessionId);
    const text = (userId: string) =>
      renderQueuedEmail("session-reminder", queued.find((q) => q.userId === userId)!.data).text;
    expect(text(s.counselor.id)).toContain("Sunday 14 March, 10:00, New York time");
    // 14:00 UTC is 01:00 on Monday in Sydney (UTC+11 in March).
    expect(text(s.person.id)).toContain("Monday 15 March, 01:00, Sydney time");

    // Moved to 14:00 UTC on 4 April, the day Sydney falls back from +11 to +10.
    expect(
      await moveSession({
        userId: s.person.id,
        sessionId: s.sessionId,
        offeredTimeId: s.otherTimeId,
      }),
    ).toEqual({ ok: true, referralId: s.referralId, side: "person" });
    await runDueSessionReminders({ now: new Date("2027-04-04T13:00:00Z") });
    const hour = (await remindersFor(s.sessionId)).filter(
      (q) => (q.data as { sequence: number }).sequence === 1,
    );
    const body = (userId: string) =>
      renderQueuedEmail("session-reminder", hour.find((q) => q.userId === userId)!.data).text;
    // The moved day-before reminder (14:00 UTC on 3 April) was due too, but
    // claimed within the last hour it gives way to the hour's one.
    expect(hour.map((q) => (q.data as { hours: number }).hours)).toEqual([1, 1]);
    expect(body(s.person.id)).toContain("Monday 5 April, 00:00, Sydney time");
    expect(body(s.counselor.id)).toContain("Sunday 4 April, 10:00, New York time");
  });
});

describe("delivery", () => {
  it("sends a standing reminder by SMTP, bland, and skips a moved session's old one", async () => {
    const smtp = await startSmtpCatcher();
    cleanups.push(() => smtp.close());
    const s = await bookedSession("deliver", at(3 * DAY), { otherStartsAt: at(5 * DAY) });
    await runDueSessionReminders({ now: new Date(s.startsAt.getTime() - DAY + MINUTE) });
    const stale = await bookedSession("deliver-stale", at(3 * DAY + 2 * HOUR), {
      counselor: s.counselor,
      otherStartsAt: at(7 * DAY),
    });
    await runDueSessionReminders({ now: new Date(stale.startsAt.getTime() - DAY + MINUTE) });
    await moveSession({
      userId: stale.person.id,
      sessionId: stale.sessionId,
      offeredTimeId: stale.otherTimeId,
    });
    const old = await remindersFor(stale.sessionId);
    expect(old).toHaveLength(2);
    // The worker's own guard, as it runs it.
    expect(
      await db.$transaction((tx) =>
        outboxSendGuards["session-reminder"]!(tx, {
          id: old[0]!.id,
          template: "session-reminder",
          to: old[0]!.to,
          data: old[0]!.data,
          userId: old[0]!.userId,
          dedupeKey: old[0]!.dedupeKey,
          attempts: 0,
        }),
      ),
    ).toBe(false);

    const worker = startEmailWorker({
      transport: smtpTransportTo(smtp.port),
      listen: false,
      pollMs: 50,
    });
    cleanups.push(() => worker.stop());
    await worker.runOnce();
    const mail = await smtp.waitForMessage(
      (m) => m.to === s.person.email.toLowerCase() && m.subject === SESSION_REMINDER_SUBJECT,
    );
    expect(mail.text).toContain("for 50 minutes");
    expect(mail.text).toContain(JOIN);
    expect(mail.text.replaceAll(/https?:\/\/\S+/g, "")).not.toMatch(
      /counsel|therap|ex\b|sad|heart ?break|feel|health/i,
    );
    // A skipped row keeps no data: found by id.
    await waitFor(
      async () =>
        (await db.outboxMessage.count({
          where: { id: { in: old.map((q) => q.id) }, status: "skipped" },
        })) === 2,
      { what: "the moved session's old reminders skipped" },
    );
    expect(
      smtp.messages.filter(
        (m) => m.to === stale.person.email.toLowerCase() && m.subject === SESSION_REMINDER_SUBJECT,
      ),
    ).toHaveLength(0);
  });
});
