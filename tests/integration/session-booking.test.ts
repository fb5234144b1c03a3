import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { claimReferral, closeReferral, reassignReferral } from "@/lib/data/referral-ownership";
import {
  cancelSession,
  markSessionOutcome,
  moveSession,
  offerSessionTimes,
  readPeopleBooking,
  readTeamBooking,
  takeOfferedTime,
} from "@/lib/data/session-booking";
import { LIVE_SESSION_STATES } from "@/lib/booking/rules";
import { SESSION_SUMMARY } from "@/lib/booking/session-calendar";
import { createPerson } from "@/tests/support/counseling";
import {
  createCouplesReferral,
  createSubmittedReferral,
  createTeamMember,
} from "@/tests/support/counseling-team";
import { runDueSessionReminders, sessionReminderStillWanted } from "@/lib/data/session-reminders";
import { readTeamAgenda } from "@/lib/data/team-agenda";
import { removeTeamMember } from "@/lib/data/team-members";
import { parseInvitation } from "@/tests/support/ics";
import { renderQueuedEmail } from "@/tests/support/queued-email";

// Booking the first session on both databases: the rules that must hold
// whatever the concurrency (one live session per referral, no counselor in two
// sessions at once, cancel against take), the refusals that change nothing,
// who may see and act, and the calendar emails each change queues, every
// file read back with ical.js.

vi.setConfig({ testTimeout: 120_000 });

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const JOIN = "https://video.example/room-secret-42";

function at(offsetMs: number): Date {
  // Whole minutes, like the form's times.
  return new Date(Math.floor((Date.now() + offsetMs) / 60_000) * 60_000);
}

async function claimedReferral(label: string, counselorId?: string) {
  const counselor = counselorId
    ? { id: counselorId }
    : await createTeamMember(`${label}-counselor`);
  const { person, referralId } = await createSubmittedReferral(`${label}-person`);
  expect(await claimReferral({ userId: counselor.id, referralId })).toEqual({ ok: true });
  return { counselor, person, referralId };
}

async function offer(counselorId: string, referralId: string, starts: Date[], lengthMinutes = 50) {
  const result = await offerSessionTimes({
    userId: counselorId,
    referralId,
    timeZone: "America/New_York",
    joinKind: "video",
    joinDetail: JOIN,
    times: starts.map((startsAt) => ({ startsAt, lengthMinutes })),
  });
  expect(result).toEqual({ ok: true, count: starts.length });
  const offers = await db.offeredTime.findMany({
    where: { referralId, withdrawnAt: null },
    orderBy: { startsAt: "asc" },
    select: { id: true, startsAt: true },
  });
  return offers;
}

async function liveSessions(referralId: string) {
  return db.counselingSession.count({
    where: { referralId, state: { in: [...LIVE_SESSION_STATES] } },
  });
}

async function sessionMail(sessionId: string) {
  const rows = await db.outboxMessage.findMany({
    where: { template: "session-invitation" },
    select: { to: true, data: true, createdAt: true },
    orderBy: { createdAt: "asc" },
  });
  return rows
    .filter((row) => (row.data as { sessionId?: string }).sessionId === sessionId)
    .map((row) => {
      const email = renderQueuedEmail("session-invitation", row.data);
      return { to: row.to, email, ics: parseInvitation(email.calendar!.content) };
    });
}

describe("offering times", () => {
  it("lets only the holder offer, on a claimed referral, times in the future; the join detail is stored sealed", async () => {
    const { counselor, referralId } = await claimedReferral("offer");
    const other = await createTeamMember("offer-other");
    const coordinator = await createTeamMember("offer-coord", "coordinator");
    const stranger = await createPerson("offer-stranger");
    const times = [
      { startsAt: at(3 * DAY), lengthMinutes: 50 },
      { startsAt: at(4 * DAY), lengthMinutes: 50 },
    ];
    const input = {
      referralId,
      timeZone: "UTC",
      joinKind: "video" as const,
      joinDetail: JOIN,
      times,
    };

    expect(await offerSessionTimes({ ...input, userId: other.id })).toEqual({
      ok: false,
      reason: "not_found",
    });
    expect(await offerSessionTimes({ ...input, userId: stranger.id })).toEqual({
      ok: false,
      reason: "not_found",
    });
    expect(await offerSessionTimes({ ...input, userId: coordinator.id })).toEqual({
      ok: false,
      reason: "not_holder",
    });
    expect(
      await offerSessionTimes({
        ...input,
        userId: counselor.id,
        times: [times[0]!, { startsAt: at(-HOUR), lengthMinutes: 50 }],
      }),
    ).toEqual({ ok: false, reason: "in_past", indexes: [1] });
    expect(await db.offeredTime.count({ where: { referralId } })).toBe(0);

    expect(await offerSessionTimes({ ...input, userId: counselor.id })).toEqual({
      ok: true,
      count: 2,
    });
    const stored = await db.offeredTime.findMany({
      where: { referralId },
      select: { joinDetail: true },
    });
    expect(stored).toHaveLength(2);
    for (const row of stored) expect(row.joinDetail).not.toContain("video.example");
    const member = await db.teamMember.findUniqueOrThrow({ where: { userId: counselor.id } });
    expect(member.timeZone).toBe("UTC");

    // A second offer replaces the first (untaken) one.
    await offer(counselor.id, referralId, [at(5 * DAY), at(6 * DAY), at(7 * DAY)]);
    expect(await db.offeredTime.count({ where: { referralId, withdrawnAt: null } })).toBe(3);

    await closeReferral({ userId: counselor.id, referralId, outcome: "OTHER" });
    expect(await offerSessionTimes({ ...input, userId: counselor.id })).toEqual({
      ok: false,
      reason: "closed",
    });
  });
});

describe("taking a time", () => {
  it("books one session; the person, the partner and the counselor each get a calendar file whose times match", async () => {
    const counselor = await createTeamMember("take-counselor");
    const { person, partner, referralId } = await createCouplesReferral("take");
    await claimReferral({ userId: counselor.id, referralId });
    const [first] = await offer(counselor.id, referralId, [at(3 * DAY), at(4 * DAY)]);

    const view = await readPeopleBooking({ userId: partner.id, referralId });
    expect(view?.offers.map((o) => o.id)).toContain(first!.id);
    const taken = await takeOfferedTime({ userId: partner.id, offeredTimeId: first!.id });
    expect(taken.ok).toBe(true);
    const sessionId = (taken as { sessionId: string }).sessionId;

    const mail = await sessionMail(sessionId);
    expect(mail.map((m) => m.to).sort()).toEqual(
      [person.email, partner.email, counselor.email].map((e) => e.toLowerCase()).sort(),
    );
    const uids = new Set(mail.map((m) => m.ics.uid));
    expect(uids.size).toBe(1);
    for (const { email, ics } of mail) {
      expect(email.subject).toBe("Your Heartwork appointment");
      expect(ics.method).toBe("REQUEST");
      expect(ics.sequence).toBe(0);
      expect(ics.summary).toBe(SESSION_SUMMARY);
      expect(ics.start.toISOString()).toBe(first!.startsAt.toISOString());
      expect(ics.end.getTime() - ics.start.getTime()).toBe(50 * 60_000);
      // Links may name the page (/counseling); the words may not.
      const words = `${email.subject} ${email.text} ${ics.summary}`.replace(/https?:\/\/\S+/g, "");
      expect(words).not.toMatch(/counsel|therap|heart ?break|health|grief|mental/i);
    }
    // The queued rows hold no join detail in the clear.
    const raw = await db.outboxMessage.findMany({ where: { template: "session-invitation" } });
    for (const row of raw) expect(JSON.stringify(row.data)).not.toContain("video.example");

    const personView = await readPeopleBooking({ userId: person.id });
    expect(personView?.session).toMatchObject({ id: sessionId, state: "booked", joinDetail: JOIN });
  });

  it("leaves exactly one booking when the person and the partner take times at once", async () => {
    const counselor = await createTeamMember("race-counselor");
    const { person, partner, referralId } = await createCouplesReferral("race");
    await claimReferral({ userId: counselor.id, referralId });
    const offers = await offer(counselor.id, referralId, [at(3 * DAY), at(4 * DAY), at(5 * DAY)]);
    const takers = Array.from({ length: 12 }, (_, i) => ({
      userId: i % 2 === 0 ? person.id : partner.id,
      offeredTimeId: offers[i % offers.length]!.id,
    }));
    const results = await Promise.all(takers.map((t) => takeOfferedTime(t)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((r) => !r.ok))
      expect(r).toEqual({ ok: false, reason: "already_booked" });
    expect(await liveSessions(referralId)).toBe(1);
  });

  it("never books one counselor into overlapping sessions, however many people take at once", async () => {
    const counselor = await createTeamMember("overlap-counselor");
    const referrals = await Promise.all(
      [0, 1, 2, 3].map((i) => claimedReferral(`overlap-${i}`, counselor.id)),
    );
    const start = at(10 * DAY);
    // Each referral is offered a time that overlaps every other's by 20 minutes or more.
    const offered = await Promise.all(
      referrals.map(async ({ referralId }, i) => {
        const [first] = await offer(counselor.id, referralId, [
          new Date(start.getTime() + i * 10 * 60_000),
          at(30 * DAY + i * DAY),
        ]);
        return first!;
      }),
    );
    const results = await Promise.all(
      referrals.map(({ person }, i) =>
        takeOfferedTime({ userId: person.id, offeredTimeId: offered[i]!.id }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((r) => !r.ok))
      expect(r).toEqual({ ok: false, reason: "counselor_busy" });
    const live = await db.counselingSession.count({
      where: { counselorId: counselor.id, state: { not: "cancelled" } },
    });
    expect(live).toBe(1);

    // Back to back is not an overlap.
    const { referralId: nextId, person: next } = await claimedReferral(
      "overlap-next",
      counselor.id,
    );
    const winner = results.findIndex((r) => r.ok);
    const winnerStart = offered[winner]!.startsAt.getTime();
    const [adjacent] = await offer(counselor.id, nextId, [
      new Date(winnerStart + 50 * 60_000),
      at(40 * DAY),
    ]);
    expect((await takeOfferedTime({ userId: next.id, offeredTimeId: adjacent!.id })).ok).toBe(true);
  });

  it("refuses a withdrawn time, a past time, a closed referral and anyone who is not the referral's people", async () => {
    const { counselor, person, referralId } = await claimedReferral("refuse");
    const stranger = await createPerson("refuse-stranger");
    const [old] = await offer(counselor.id, referralId, [at(3 * DAY), at(4 * DAY)]);
    expect(await takeOfferedTime({ userId: stranger.id, offeredTimeId: old!.id })).toEqual({
      ok: false,
      reason: "not_found",
    });
    expect(await takeOfferedTime({ userId: counselor.id, offeredTimeId: old!.id })).toEqual({
      ok: false,
      reason: "not_found",
    });
    expect(await readPeopleBooking({ userId: stranger.id, referralId })).toBeNull();
    expect(
      await readTeamBooking({
        userId: (await createTeamMember("refuse-coord", "coordinator")).id,
        referralId,
      }),
    ).toBeNull();

    const [fresh] = await offer(counselor.id, referralId, [at(5 * DAY), at(6 * DAY)]);
    expect(await takeOfferedTime({ userId: person.id, offeredTimeId: old!.id })).toEqual({
      ok: false,
      reason: "withdrawn",
    });
    expect(
      await takeOfferedTime({
        userId: person.id,
        offeredTimeId: fresh!.id,
        now: new Date(fresh!.startsAt.getTime() + 1),
      }),
    ).toEqual({ ok: false, reason: "past" });
    await closeReferral({ userId: counselor.id, referralId, outcome: "OTHER" });
    expect(await takeOfferedTime({ userId: person.id, offeredTimeId: fresh!.id })).toEqual({
      ok: false,
      reason: "closed",
    });
    expect(await liveSessions(referralId)).toBe(0);
  });
});

describe("moving and cancelling", () => {
  it("moves to another offered time with the same UID and a higher SEQUENCE, then cancels with METHOD:CANCEL", async () => {
    const { counselor, person, referralId } = await claimedReferral("move");
    const [a, b] = await offer(counselor.id, referralId, [at(3 * DAY), at(4 * DAY)]);
    const taken = await takeOfferedTime({ userId: person.id, offeredTimeId: a!.id });
    expect(taken).toMatchObject({ ok: true, referralId, side: "person" });
    const sessionId = (taken as { sessionId: string }).sessionId;

    expect(await moveSession({ userId: person.id, sessionId, offeredTimeId: a!.id })).toEqual({
      ok: false,
      reason: "same_time",
    });
    // Done: which referral and which side, so the action confirms on that side's page.
    expect(await moveSession({ userId: person.id, sessionId, offeredTimeId: b!.id })).toEqual({
      ok: true,
      referralId,
      side: "person",
    });
    const view = await readPeopleBooking({ userId: person.id });
    expect(view?.session?.startsAt.toISOString()).toBe(b!.startsAt.toISOString());
    expect(view?.offers.map((o) => o.id)).toEqual([a!.id]);

    expect(await cancelSession({ userId: person.id, sessionId, as: "people" })).toEqual({
      ok: true,
      referralId,
      side: "person",
    });
    expect(await cancelSession({ userId: person.id, sessionId, as: "people" })).toEqual({
      ok: false,
      reason: "not_booked",
    });

    const mail = await sessionMail(sessionId);
    const forPerson = mail.filter((m) => m.to === person.email.toLowerCase()).map((m) => m.ics);
    expect(forPerson.map((i) => [i.method, i.sequence])).toEqual([
      ["REQUEST", 0],
      ["REQUEST", 1],
      ["CANCEL", 2],
    ]);
    expect(new Set(forPerson.map((i) => i.uid)).size).toBe(1);
    expect(forPerson[1]!.start.toISOString()).toBe(b!.startsAt.toISOString());
    expect(forPerson[2]!.status).toBe("CANCELLED");
    // A cancellation carries no join detail.
    expect(forPerson[2]!.description).toBeNull();

    // After a cancel, another time can be taken.
    expect((await takeOfferedTime({ userId: person.id, offeredTimeId: a!.id })).ok).toBe(true);
  });

  it("stops the person changing it within the cutoff; the counselor may still cancel until it starts", async () => {
    const { counselor, person, referralId } = await claimedReferral("cutoff");
    const [soon, later] = await offer(counselor.id, referralId, [at(10 * HOUR), at(3 * DAY)]);
    const taken = await takeOfferedTime({ userId: person.id, offeredTimeId: soon!.id });
    const sessionId = (taken as { sessionId: string }).sessionId;
    expect(
      await moveSession({
        userId: person.id,
        sessionId,
        offeredTimeId: later!.id,
        cutoffHours: 24,
      }),
    ).toEqual({ ok: false, reason: "too_late" });
    expect(
      await cancelSession({ userId: person.id, sessionId, as: "people", cutoffHours: 24 }),
    ).toEqual({ ok: false, reason: "too_late" });
    expect((await readPeopleBooking({ userId: person.id, cutoffHours: 24 }))?.canChange).toBe(
      false,
    );
    expect(await cancelSession({ userId: person.id, sessionId, as: "team" })).toEqual({
      ok: false,
      reason: "not_found",
    });
    expect(await cancelSession({ userId: counselor.id, sessionId, as: "people" })).toEqual({
      ok: false,
      reason: "not_found",
    });
    expect(await cancelSession({ userId: counselor.id, sessionId, as: "team" })).toEqual({
      ok: true,
      referralId,
      side: "team",
    });
    const cancelled = await db.counselingSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(cancelled).toMatchObject({ state: "cancelled", cancelledBy: "team", icsSequence: 1 });
  });

  it("refuses a move onto a time the counselor has booked with someone else", async () => {
    const counselor = await createTeamMember("move-busy-counselor");
    const one = await claimedReferral("move-busy-1", counselor.id);
    const two = await claimedReferral("move-busy-2", counselor.id);
    const clash = at(8 * DAY);
    const [oneA] = await offer(counselor.id, one.referralId, [clash, at(9 * DAY)]);
    const [twoA, twoB] = await offer(counselor.id, two.referralId, [
      at(3 * DAY),
      new Date(clash.getTime() + 30 * 60_000),
    ]);
    expect((await takeOfferedTime({ userId: one.person.id, offeredTimeId: oneA!.id })).ok).toBe(
      true,
    );
    const taken = await takeOfferedTime({ userId: two.person.id, offeredTimeId: twoA!.id });
    const sessionId = (taken as { sessionId: string }).sessionId;
    expect(
      await moveSession({ userId: two.person.id, sessionId, offeredTimeId: twoB!.id }),
    ).toEqual({ ok: false, reason: "counselor_busy" });
    const unchanged = await db.counselingSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(unchanged.startsAt.toISOString()).toBe(twoA!.startsAt.toISOString());
    expect(unchanged.icsSequence).toBe(0);
  });

  it("keeps one live session when a cancel and a take of another time race", async () => {
    const counselor = await createTeamMember("cvt-counselor");
    const { person, partner, referralId } = await createCouplesReferral("cvt");
    await claimReferral({ userId: counselor.id, referralId });
    const [a, b] = await offer(counselor.id, referralId, [at(3 * DAY), at(4 * DAY)]);
    for (let round = 0; round < 3; round++) {
      const first = await takeOfferedTime({
        userId: person.id,
        offeredTimeId: round % 2 ? b!.id : a!.id,
      });
      const sessionId = (first as { sessionId: string }).sessionId;
      const [cancel, take] = await Promise.all([
        cancelSession({ userId: person.id, sessionId, as: "people" }),
        takeOfferedTime({ userId: partner.id, offeredTimeId: round % 2 ? a!.id : b!.id }),
      ]);
      expect(cancel).toEqual({ ok: true, referralId, side: "person" });
      if (take.ok) expect(take).toMatchObject({ referralId, side: "partner" });
      expect(await liveSessions(referralId)).toBe(take.ok ? 1 : 0);
      if (!take.ok) expect(take).toEqual({ ok: false, reason: "already_booked" });
      // Clear the table for the next round.
      const live = await db.counselingSession.findFirst({
        where: { referralId, state: "booked" },
        select: { id: true },
      });
      if (live) await cancelSession({ userId: person.id, sessionId: live.id, as: "people" });
    }
  });
});

describe("closing the referral", () => {
  it("cancels its session still ahead: METHOD:CANCEL to the person and the counselor, off the agenda, no reminder; a session already under way stays to be marked", async () => {
    const { counselor, person, referralId } = await claimedReferral("close-ahead");
    const [a] = await offer(counselor.id, referralId, [at(3 * DAY), at(4 * DAY)]);
    const taken = await takeOfferedTime({ userId: person.id, offeredTimeId: a!.id });
    const sessionId = (taken as { sessionId: string }).sessionId;
    expect((await readTeamAgenda({ userId: counselor.id }))?.days).toHaveLength(1);

    expect(
      await closeReferral({ userId: counselor.id, referralId, outcome: "NO_RESPONSE" }),
    ).toEqual({ ok: true });
    expect(
      await db.counselingSession.findUniqueOrThrow({
        where: { id: sessionId },
        select: { state: true, cancelledBy: true, nextReminderAt: true },
      }),
    ).toEqual({ state: "cancelled", cancelledBy: "team", nextReminderAt: null });
    const mail = await sessionMail(sessionId);
    const counselorEmail = (
      await db.user.findUniqueOrThrow({ where: { id: counselor.id }, select: { email: true } })
    ).email!;
    for (const to of [person.email, counselorEmail]) {
      const files = mail.filter((m) => m.to === to.toLowerCase()).map((m) => m.ics);
      expect(files.map((i) => [i.method, i.sequence])).toEqual([
        ["REQUEST", 0],
        ["CANCEL", 1],
      ]);
    }
    expect((await readTeamAgenda({ userId: counselor.id }))?.days).toEqual([]);

    // A session that has started when the referral closes is not cancelled under the
    // people: the holder marks it (its start moved back in the database; no time can be
    // offered in the past).
    const second = await claimedReferral("close-under-way", counselor.id);
    const [c] = await offer(counselor.id, second.referralId, [at(5 * DAY), at(6 * DAY)]);
    const running = await takeOfferedTime({ userId: second.person.id, offeredTimeId: c!.id });
    const runningId = (running as { sessionId: string }).sessionId;
    await db.counselingSession.update({
      where: { id: runningId },
      data: { startsAt: new Date(Date.now() - 10 * 60_000) },
    });
    expect(
      await closeReferral({
        userId: counselor.id,
        referralId: second.referralId,
        outcome: "COUNSELING_STARTED",
      }),
    ).toEqual({ ok: true });
    expect((await db.counselingSession.findUniqueOrThrow({ where: { id: runningId } })).state).toBe(
      "booked",
    );
    expect((await sessionMail(runningId)).map((m) => m.ics.method)).not.toContain("CANCEL");
  });
});

describe("handing the referral to another member", () => {
  it("moves its session still ahead to the new holder (cancel to the old, request to the new, nothing to the people), and refuses a holder busy then", async () => {
    const coordinator = await createTeamMember("handover-coordinator", "coordinator");
    const from = await createTeamMember("handover-from");
    const to = await createTeamMember("handover-to");
    const busy = await createTeamMember("handover-busy");
    const { person, referralId } = await claimedReferral("handover", from.id);
    const [a] = await offer(from.id, referralId, [at(3 * DAY), at(4 * DAY)]);
    const taken = await takeOfferedTime({ userId: person.id, offeredTimeId: a!.id });
    const sessionId = (taken as { sessionId: string }).sessionId;

    // The busy member has their own session at the same time: refused, nothing changed.
    const other = await claimedReferral("handover-other", busy.id);
    const [b] = await offer(busy.id, other.referralId, [a!.startsAt, at(5 * DAY)]);
    expect((await takeOfferedTime({ userId: other.person.id, offeredTimeId: b!.id })).ok).toBe(
      true,
    );
    expect(
      await reassignReferral({ userId: coordinator.id, referralId, toUserId: busy.id }),
    ).toEqual({ ok: false, reason: "holder_busy" });
    expect(
      (await db.counselingReferral.findUniqueOrThrow({ where: { id: referralId } })).claimedById,
    ).toBe(from.id);
    expect(
      await db.counselingSession.findUniqueOrThrow({
        where: { id: sessionId },
        select: { counselorId: true, icsSequence: true },
      }),
    ).toEqual({ counselorId: from.id, icsSequence: 0 });

    expect(await reassignReferral({ userId: coordinator.id, referralId, toUserId: to.id })).toEqual(
      { ok: true },
    );
    expect(
      (await db.counselingSession.findUniqueOrThrow({ where: { id: sessionId } })).counselorId,
    ).toBe(to.id);
    const mail = await sessionMail(sessionId);
    const files = (email: string) =>
      mail.filter((m) => m.to === email.toLowerCase()).map((m) => [m.ics.method, m.ics.sequence]);
    expect(files(from.email)).toEqual([
      ["REQUEST", 0],
      ["CANCEL", 1],
    ]);
    expect(files(to.email)).toEqual([["REQUEST", 1]]);
    expect(files(person.email)).toEqual([["REQUEST", 0]]);
    expect(new Set(mail.map((m) => m.ics.uid)).size).toBe(1);
    // The session is on the new holder's agenda and off the old one's; the new holder may cancel it.
    expect((await readTeamAgenda({ userId: to.id }))?.days).toHaveLength(1);
    expect((await readTeamAgenda({ userId: from.id }))?.days).toEqual([]);
    expect((await readTeamBooking({ userId: to.id, referralId }))?.session?.id).toBe(sessionId);
    expect(await cancelSession({ userId: to.id, sessionId, as: "team" })).toMatchObject({
      ok: true,
    });
  });

  it("a removed counselor's referral goes back to the inbox with its session: no reminder reaches them, and whoever claims it takes the session over", async () => {
    const { counselor, person, referralId } = await claimedReferral("removed-holder");
    const [a] = await offer(counselor.id, referralId, [at(3 * DAY), at(4 * DAY)]);
    const taken = await takeOfferedTime({ userId: person.id, offeredTimeId: a!.id });
    const sessionId = (taken as { sessionId: string }).sessionId;
    const email = (
      await db.user.findUniqueOrThrow({ where: { id: counselor.id }, select: { email: true } })
    ).email!;
    expect(await removeTeamMember({ email, operator: "test-operator" })).toMatchObject({
      ok: true,
      returnedToInbox: 1,
    });

    // The day-before reminder: the person's, not the removed counselor's.
    const dayBefore = new Date(a!.startsAt.getTime() - DAY + 60_000);
    await runDueSessionReminders({ now: dayBefore });
    const reminders = await db.outboxMessage.findMany({
      where: { template: "session-reminder" },
      select: { to: true, data: true },
    });
    const mine = reminders.filter(
      (r) => (r.data as { sessionId?: string }).sessionId === sessionId,
    );
    expect(mine.map((r) => r.to)).toEqual([person.email.toLowerCase()]);
    expect(
      await db.$transaction((tx) =>
        sessionReminderStillWanted(tx, {
          sessionId,
          recipientId: counselor.id,
          sequence: 0,
          now: dayBefore,
        }),
      ),
    ).toBe(false);

    // A counselor who claims it takes the session over: on their agenda, with an invitation.
    const next = await createTeamMember("removed-holder-next");
    expect(await claimReferral({ userId: next.id, referralId })).toEqual({ ok: true });
    expect(
      await db.counselingSession.findUniqueOrThrow({
        where: { id: sessionId },
        select: { counselorId: true, state: true },
      }),
    ).toEqual({ counselorId: next.id, state: "booked" });
    expect((await readTeamAgenda({ userId: next.id }))?.days).toHaveLength(1);
    const mail = await sessionMail(sessionId);
    expect(mail.filter((m) => m.to === next.email.toLowerCase()).map((m) => m.ics.method)).toEqual([
      "REQUEST",
    ]);
    expect(mail.filter((m) => m.to === email.toLowerCase()).map((m) => m.ics.method)).toEqual([
      "REQUEST",
      "CANCEL",
    ]);
  });
});

describe("after the session", () => {
  it("lets the holder mark an ended session held or missed, and the person sees it", async () => {
    const { counselor, person, referralId } = await claimedReferral("mark");
    const [a] = await offer(counselor.id, referralId, [at(3 * DAY), at(4 * DAY)]);
    const taken = await takeOfferedTime({ userId: person.id, offeredTimeId: a!.id });
    const sessionId = (taken as { sessionId: string }).sessionId;
    expect(await markSessionOutcome({ userId: counselor.id, sessionId, outcome: "held" })).toEqual({
      ok: false,
      reason: "not_ended",
    });
    const after = new Date(a!.startsAt.getTime() + 51 * 60_000);
    expect(
      await markSessionOutcome({ userId: person.id, sessionId, outcome: "held", now: after }),
    ).toEqual({ ok: false, reason: "not_found" });
    expect(
      await markSessionOutcome({ userId: counselor.id, sessionId, outcome: "missed", now: after }),
    ).toEqual({ ok: true, referralId, side: "team" });
    expect(
      await markSessionOutcome({ userId: counselor.id, sessionId, outcome: "held", now: after }),
    ).toEqual({ ok: false, reason: "not_booked" });
    const view = await readPeopleBooking({ userId: person.id, now: after });
    expect(view?.session).toMatchObject({ state: "missed", joinDetail: null });
  });

  it("after a missed session the counselor offers new times and the person books again; once one is held nothing more is offered or taken", async () => {
    const { counselor, person, referralId } = await claimedReferral("rebook");
    const [a] = await offer(counselor.id, referralId, [at(3 * DAY), at(4 * DAY)]);
    const first = await takeOfferedTime({ userId: person.id, offeredTimeId: a!.id });
    const firstId = (first as { sessionId: string }).sessionId;
    const afterFirst = new Date(a!.startsAt.getTime() + 51 * 60_000);
    expect(
      await markSessionOutcome({
        userId: counselor.id,
        sessionId: firstId,
        outcome: "missed",
        now: afterFirst,
      }),
    ).toEqual({ ok: true, referralId, side: "team" });

    // New times replace the one nobody took; the person sees the missed session and them.
    const [c, d] = await offer(counselor.id, referralId, [at(5 * DAY), at(6 * DAY)]);
    const view = await readPeopleBooking({ userId: person.id, now: afterFirst });
    expect(view?.session).toMatchObject({ id: firstId, state: "missed" });
    expect(view?.offers.map((o) => o.id)).toEqual([c!.id, d!.id]);
    const second = await takeOfferedTime({
      userId: person.id,
      offeredTimeId: c!.id,
      now: afterFirst,
    });
    expect(second).toMatchObject({ ok: true, referralId, side: "person" });
    const secondId = (second as { sessionId: string }).sessionId;
    expect(await liveSessions(referralId)).toBe(1);
    expect(
      (await readPeopleBooking({ userId: person.id, now: afterFirst }))?.session,
    ).toMatchObject({ id: secondId, state: "booked" });

    // Held: the first session took place, so no offer and no take is accepted any more.
    const afterSecond = new Date(c!.startsAt.getTime() + 51 * 60_000);
    expect(
      await markSessionOutcome({
        userId: counselor.id,
        sessionId: secondId,
        outcome: "held",
        now: afterSecond,
      }),
    ).toEqual({ ok: true, referralId, side: "team" });
    expect(
      await offerSessionTimes({
        userId: counselor.id,
        referralId,
        timeZone: "America/New_York",
        joinKind: "video",
        joinDetail: JOIN,
        times: [at(8 * DAY), at(9 * DAY)].map((startsAt) => ({ startsAt, lengthMinutes: 50 })),
      }),
    ).toEqual({ ok: false, reason: "held" });
    expect(
      await takeOfferedTime({ userId: person.id, offeredTimeId: d!.id, now: afterFirst }),
    ).toEqual({
      ok: false,
      reason: "already_booked",
    });
    const team = await readTeamBooking({ userId: counselor.id, referralId, now: afterFirst });
    expect(team?.offers).toEqual([]);
    expect(team?.session).toMatchObject({ id: secondId, state: "held" });
    // The missed session stays on record beside the held one.
    expect(
      await db.counselingSession.count({ where: { referralId, state: { not: "cancelled" } } }),
    ).toBe(2);
  });
});
