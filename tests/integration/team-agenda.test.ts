import { createHash } from "node:crypto";
import ICAL from "ical.js";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { agendaFeedCalendar, SESSION_SUMMARY } from "@/lib/booking/session-calendar";
import { claimReferral, reassignReferral } from "@/lib/data/referral-ownership";
import { cancelSession, offerSessionTimes, takeOfferedTime } from "@/lib/data/session-booking";
import {
  createAgendaFeed,
  readAgendaFeed,
  readTeamAgenda,
  revokeAgendaFeed,
} from "@/lib/data/team-agenda";
import { addTeamMember, removeTeamMember } from "@/lib/data/team-members";
import { createPerson, type Person } from "@/tests/support/counseling";
import { createSubmittedReferral, createTeamMember } from "@/tests/support/counseling-team";

// The counselor's agenda and its private calendar feed (issue 15 item 6), on
// both databases: only the member's own booked sessions on referrals they
// hold, grouped by day in their own zone across a daylight-saving change; the
// feed's token kept as a hash only, replaced and revoked at once, dead for a
// removed member (even one added again); the feed read back with ical.js.

vi.setConfig({ testTimeout: 120_000 });

const JOIN = "https://video.example/agenda-room-secret";
const ZONE = "America/New_York";

/** A referral held by `counselor` with one booked session at `startsAt`; `now` is the test's clock. */
async function bookedSession(
  counselor: Person,
  label: string,
  startsAt: Date,
  { now = new Date(), lengthMinutes = 50, zone = ZONE } = {},
) {
  const { person, referralId } = await createSubmittedReferral(label);
  expect(await claimReferral({ userId: counselor.id, referralId })).toEqual({ ok: true });
  const offered = await offerSessionTimes({
    userId: counselor.id,
    referralId,
    timeZone: zone,
    joinKind: "video",
    joinDetail: JOIN,
    times: [
      { startsAt, lengthMinutes },
      { startsAt: new Date(startsAt.getTime() + 7 * 86_400_000), lengthMinutes },
    ],
    now,
  });
  expect(offered).toEqual({ ok: true, count: 2 });
  const offer = await db.offeredTime.findFirstOrThrow({
    where: { referralId, startsAt, withdrawnAt: null },
    select: { id: true },
  });
  const taken = await takeOfferedTime({ userId: person.id, offeredTimeId: offer.id, now });
  if (!taken.ok) throw new Error(`take refused: ${taken.reason}`);
  return { person, referralId, sessionId: taken.sessionId };
}

/** Whole minutes from now, like the offer form's times. */
function inMs(offset: number): Date {
  return new Date(Math.floor((Date.now() + offset) / 60_000) * 60_000);
}

function sha256(text: string) {
  return createHash("sha256").update(text, "utf8").digest("base64url");
}

describe(readTeamAgenda, () => {
  it("lists only the counselor's own booked sessions, by day in their zone across the DST change", async () => {
    // New York moves to daylight time at 07:00 UTC on 14 March 2027.
    const now = new Date("2027-03-10T12:00:00Z");
    const dana = await createTeamMember("agenda-dana");
    const lee = await createTeamMember("agenda-lee");
    const lateSaturday = new Date("2027-03-14T04:30:00Z"); // Sat 13 March, 23:30 EST
    const sundayMorning = new Date("2027-03-14T13:00:00Z"); // Sun 14 March, 09:00 EDT
    const lateSunday = new Date("2027-03-15T03:30:00Z"); // Sun 14 March, 23:30 EDT
    const a = await bookedSession(dana, "agenda-a", lateSunday, { now });
    const b = await bookedSession(dana, "agenda-b", lateSaturday, { now });
    const c = await bookedSession(dana, "agenda-c", sundayMorning, { now });
    const cancelled = await bookedSession(dana, "agenda-cancelled", new Date("2027-03-12T15:00Z"), {
      now,
    });
    expect(
      await cancelSession({ userId: dana.id, sessionId: cancelled.sessionId, as: "team", now }),
    ).toEqual({ ok: true, referralId: cancelled.referralId, side: "team" });
    const others = await bookedSession(lee, "agenda-lee-person", new Date("2027-03-13T15:00Z"), {
      now,
    });

    const agenda = await readTeamAgenda({ userId: dana.id, now });
    expect(agenda?.timeZone).toBe(ZONE);
    expect(agenda?.days.map((d) => [d.day, d.sessions.map((s) => s.id)])).toEqual([
      ["2027-03-13", [b.sessionId]],
      ["2027-03-14", [c.sessionId, a.sessionId]],
    ]);
    const first = agenda!.days[0]!.sessions[0]!;
    expect(first).toEqual({
      id: b.sessionId,
      referralId: b.referralId,
      startsAt: lateSaturday,
      endsAt: new Date(lateSaturday.getTime() + 50 * 60_000),
      lengthMinutes: 50,
      joinKind: "video",
      format: "COUPLES",
    });
    // Nothing the team pages do not show: no join detail, no person.
    expect(JSON.stringify(agenda)).not.toContain(JOIN);
    expect(JSON.stringify(agenda)).not.toContain(b.person.id);

    const leeAgenda = await readTeamAgenda({ userId: lee.id, now });
    expect(leeAgenda?.days.flatMap((d) => d.sessions.map((s) => s.id))).toEqual([others.sessionId]);
  });

  it("drops sessions that ended, keeps one under way, and reads the tracker's zone or UTC without a saved one", async () => {
    const counselor = await createTeamMember("agenda-ended");
    const booked = await bookedSession(counselor, "agenda-ended-p", new Date("2027-05-01T10:00Z"), {
      now: new Date("2027-04-01T00:00Z"),
    });
    const during = await readTeamAgenda({
      userId: counselor.id,
      now: new Date("2027-05-01T10:49Z"),
    });
    expect(during?.days.flatMap((d) => d.sessions.map((s) => s.id))).toEqual([booked.sessionId]);
    const after = await readTeamAgenda({
      userId: counselor.id,
      now: new Date("2027-05-01T10:50Z"),
    });
    expect(after?.days).toEqual([]);

    await db.teamMember.update({ where: { userId: counselor.id }, data: { timeZone: null } });
    expect((await readTeamAgenda({ userId: counselor.id }))?.timeZone).toBe("UTC");
    await db.trackerSettings.upsert({
      where: { userId: counselor.id },
      create: { userId: counselor.id, timeZone: "Australia/Adelaide" },
      update: { timeZone: "Australia/Adelaide" },
    });
    expect((await readTeamAgenda({ userId: counselor.id }))?.timeZone).toBe("Australia/Adelaide");
  });

  it("leaves a reassigned referral's session off the former holder's agenda", async () => {
    const now = new Date("2027-06-01T00:00Z");
    const coordinator = await createTeamMember("agenda-coordinator", "coordinator");
    const first = await createTeamMember("agenda-first");
    const second = await createTeamMember("agenda-second");
    const booked = await bookedSession(first, "agenda-moved", new Date("2027-06-10T09:00Z"), {
      now,
    });
    expect(
      await reassignReferral({
        userId: coordinator.id,
        referralId: booked.referralId,
        toUserId: second.id,
      }),
    ).toEqual({ ok: true });
    expect((await readTeamAgenda({ userId: first.id, now }))?.days).toEqual([]);
  });

  it("answers null for anyone who is not an active member: people, the person booked, removed members", async () => {
    const stranger = await createPerson("agenda-stranger");
    expect(await readTeamAgenda({ userId: stranger.id })).toBeNull();
    const counselor = await createTeamMember("agenda-removed");
    const booked = await bookedSession(counselor, "agenda-removed-p", inMs(9e8));
    expect(await readTeamAgenda({ userId: booked.person.id })).toBeNull();
    expect(
      await removeTeamMember({ email: counselor.email, operator: "test-operator" }),
    ).toMatchObject({ ok: true });
    expect(await readTeamAgenda({ userId: counselor.id })).toBeNull();
  });
});

describe("the agenda feed", () => {
  it("keeps only the token's hash, replaces the link, and revokes it at once", async () => {
    const counselor = await createTeamMember("feed-owner");
    const booked = await bookedSession(counselor, "feed-p", inMs(5 * 86_400_000));

    const made = await createAgendaFeed({ userId: counselor.id });
    if (!made.ok) throw new Error("no feed");
    expect(made.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = await db.agendaFeedToken.findMany({ where: { memberId: counselor.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toBe(sha256(made.token));
    expect(JSON.stringify(rows)).not.toContain(made.token);
    expect((await readTeamAgenda({ userId: counselor.id }))?.feed).toEqual({
      createdAt: rows[0]!.createdAt,
    });

    const feed = await readAgendaFeed({ token: made.token });
    expect(feed?.sessions.map((s) => s.id)).toEqual([booked.sessionId]);

    const replaced = await createAgendaFeed({ userId: counselor.id });
    if (!replaced.ok) throw new Error("no feed");
    expect(await readAgendaFeed({ token: made.token })).toBeNull();
    expect((await readAgendaFeed({ token: replaced.token }))?.sessions).toHaveLength(1);

    expect(await revokeAgendaFeed({ userId: counselor.id })).toEqual({ ok: true, revoked: 1 });
    expect(await readAgendaFeed({ token: replaced.token })).toBeNull();
    expect((await readTeamAgenda({ userId: counselor.id }))?.feed).toBeNull();
    expect(await revokeAgendaFeed({ userId: counselor.id })).toEqual({ ok: true, revoked: 0 });
    expect(await readAgendaFeed({ token: "A".repeat(43) })).toBeNull();
  });

  it("leaves one live link when several are made at once", async () => {
    const counselor = await createTeamMember("feed-race");
    const made = await Promise.all(
      Array.from({ length: 6 }, () => createAgendaFeed({ userId: counselor.id })),
    );
    expect(made.every((m) => m.ok)).toBe(true);
    expect(
      await db.agendaFeedToken.count({ where: { memberId: counselor.id, revokedAt: null } }),
    ).toBe(1);
    const live = await Promise.all(
      made.map(async (m) => (m.ok ? readAgendaFeed({ token: m.token }) : null)),
    );
    expect(live.filter((f) => f !== null)).toHaveLength(1);
  });

  it("refuses non-members, and a removed member's link stays dead when they are added again", async () => {
    const stranger = await createPerson("feed-stranger");
    expect(await createAgendaFeed({ userId: stranger.id })).toEqual({
      ok: false,
      reason: "not_found",
    });
    expect(await revokeAgendaFeed({ userId: stranger.id })).toEqual({
      ok: false,
      reason: "not_found",
    });

    const counselor = await createTeamMember("feed-removed");
    const made = await createAgendaFeed({ userId: counselor.id });
    if (!made.ok) throw new Error("no feed");
    expect(await readAgendaFeed({ token: made.token })).not.toBeNull();
    await removeTeamMember({ email: counselor.email, operator: "test-operator" });
    expect(await readAgendaFeed({ token: made.token })).toBeNull();
    await addTeamMember({ email: counselor.email, role: "counselor", operator: "test-operator" });
    expect(await readAgendaFeed({ token: made.token })).toBeNull();
  });

  it("reads back with ical.js: the sessions' UID, SEQUENCE and UTC times, the bland summary, no join detail", async () => {
    const now = new Date("2027-03-25T00:00Z");
    const counselor = await createTeamMember("feed-ics");
    // Sydney leaves daylight time on 4 April 2027 (03:00 AEDT → 02:00 AEST).
    const beforeChange = new Date("2027-04-02T22:00Z"); // Sat 3 April, 09:00 AEDT
    const one = await bookedSession(counselor, "feed-ics-a", beforeChange, {
      now,
      zone: "Australia/Sydney",
    });
    const two = await bookedSession(counselor, "feed-ics-b", new Date("2027-04-05T01:30Z"), {
      now,
      zone: "Australia/Sydney",
      lengthMinutes: 90,
    });
    const feed = await readAgendaFeed({
      token: await tokenFor(counselor.id),
      now,
    });
    const text = agendaFeedCalendar(
      feed!.sessions.map((s) => ({
        uid: s.icsUid,
        sequence: s.icsSequence,
        startsAt: s.startsAt,
        lengthMinutes: s.lengthMinutes,
        referralId: s.referralId,
      })),
      { appUrl: "https://heartwork.example", stamp: now },
    );
    expect(text).not.toContain(JOIN);
    expect(text).not.toMatch(/^METHOD:/m);
    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents("vevent").map((c) => new ICAL.Event(c));
    const sessions = await db.counselingSession.findMany({
      where: { id: { in: [one.sessionId, two.sessionId] } },
      orderBy: { startsAt: "asc" },
    });
    expect(
      events.map((e) => ({
        uid: e.uid,
        sequence: e.sequence,
        start: e.startDate.toJSDate().toISOString(),
        end: e.endDate.toJSDate().toISOString(),
        utc: e.startDate.zone.tzid,
        summary: e.summary,
        url: String(e.component.getFirstPropertyValue("url")),
      })),
    ).toEqual(
      sessions.map((s) => ({
        uid: s.icsUid,
        sequence: s.icsSequence,
        start: s.startsAt.toISOString(),
        end: new Date(s.startsAt.getTime() + s.lengthMinutes * 60_000).toISOString(),
        utc: "UTC",
        summary: SESSION_SUMMARY,
        url: `https://heartwork.example/team/referrals/${s.referralId}`,
      })),
    );
  });
});

async function tokenFor(userId: string): Promise<string> {
  const made = await createAgendaFeed({ userId });
  if (!made.ok) throw new Error("no feed");
  return made.token;
}

describe("the feed route", () => {
  const route = import("@/app/team/agenda/feed/[token]/route");

  async function fetchFeed(segment: string) {
    const { GET } = await route;
    const request = new Request(`http://localhost/team/agenda/feed/${segment}`);
    return GET(request as never, { params: Promise.resolve({ token: segment }) });
  }

  it("answers the calendar for a live link and the same plain 404 for anything else", async () => {
    const counselor = await createTeamMember("feed-route");
    const booked = await bookedSession(counselor, "feed-route-p", inMs(4e8));
    const token = await tokenFor(counselor.id);

    const response = await fetchFeed(`${token}.ics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-store");
    const text = await response.text();
    const session = await db.counselingSession.findUniqueOrThrow({
      where: { id: booked.sessionId },
    });
    const events = new ICAL.Component(ICAL.parse(text))
      .getAllSubcomponents("vevent")
      .map((c) => new ICAL.Event(c));
    expect(events.map((e) => [e.uid, e.startDate.toJSDate().toISOString()])).toEqual([
      [session.icsUid, session.startsAt.toISOString()],
    ]);
    expect(text).not.toContain(JOIN);

    const missing = [
      await fetchFeed(`${"B".repeat(43)}.ics`),
      await fetchFeed("not-a-token"),
      await fetchFeed(`${token}.txt`),
    ];
    await revokeAgendaFeed({ userId: counselor.id });
    missing.push(await fetchFeed(`${token}.ics`), await fetchFeed(token));
    for (const answer of missing) {
      expect(answer.status).toBe(404);
      expect(answer.headers.get("cache-control")).toBe("no-store");
      expect(await answer.text()).toBe("Not found");
    }
  });

  it("limits how often one link is fetched", async () => {
    const counselor = await createTeamMember("feed-limit");
    const token = await tokenFor(counselor.id);
    const statuses: number[] = [];
    for (let i = 0; i < 61; i++) statuses.push((await fetchFeed(`${token}.ics`)).status);
    expect(statuses.slice(0, 60).every((s) => s === 200)).toBe(true);
    const refused = await fetchFeed(`${token}.ics`);
    expect(statuses[60]).toBe(429);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});
