import "server-only";
import { db, type Prisma } from "@/lib/db";
import type { JoinKind } from "@/lib/booking/rules";
import { sessionEnd, SESSION_MAX_MINUTES } from "@/lib/booking/rules";
import { generateAgendaFeedToken, hashAgendaFeedToken } from "@/lib/booking/agenda-feed-token";
import { todayIn, type CalendarDay } from "@/lib/tracker/calendar-day";
import { logger } from "@/lib/logger";

// The counselor's agenda (issue 15 item 6): their own upcoming booked
// sessions, by day in their own zone, and the private calendar feed of the
// same sessions. Only sessions the caller is the counselor of, on referrals
// they still hold, and only while they are an active member: a removed member
// (or anyone else) gets null, and their feed answers nothing. The feed's
// token is stored as its SHA-256 only and is never logged.

/** At most this many sessions are listed (a counselor's weeks ahead fit many times over). */
export const AGENDA_LIMIT = 200;

export type AgendaSession = {
  id: string;
  referralId: string;
  startsAt: Date;
  endsAt: Date;
  lengthMinutes: number;
  /** How the session is joined (never the detail itself: that is on the referral's page). */
  joinKind: JoinKind | null;
  format: "COUPLES" | "INDIVIDUAL" | null;
};

export type AgendaDay = { day: CalendarDay; sessions: AgendaSession[] };

export type TeamAgenda = {
  /** The member's zone: their profile's, else their tracker's, else UTC. */
  timeZone: string;
  days: AgendaDay[];
  /** The live feed link's creation time, or null when there is none. */
  feed: { createdAt: Date } | null;
};

/** The sessions of `counselorId` that have not ended: booked, on a referral they hold. */
function upcomingWhere(counselorId: string, now: Date): Prisma.CounselingSessionWhereInput {
  return {
    counselorId,
    state: "booked",
    // Ends after now; no session is longer than the maximum, and the exact end is checked below.
    startsAt: { gt: new Date(now.getTime() - SESSION_MAX_MINUTES * 60_000) },
    referral: { claimedById: counselorId, intakeSubmittedAt: { not: null } },
  };
}

async function upcomingSessions(counselorId: string, now: Date) {
  const rows = await db.counselingSession.findMany({
    where: upcomingWhere(counselorId, now),
    select: {
      id: true,
      referralId: true,
      startsAt: true,
      lengthMinutes: true,
      icsUid: true,
      icsSequence: true,
      offeredTime: { select: { joinKind: true } },
      referral: { select: { format: true } },
    },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: AGENDA_LIMIT,
  });
  return rows
    .map((row) => ({ ...row, endsAt: sessionEnd(row.startsAt, row.lengthMinutes) }))
    .filter((row) => row.endsAt.getTime() > now.getTime());
}

async function activeMember(userId: string) {
  return db.teamMember.findFirst({
    where: { userId, removedAt: null },
    select: {
      timeZone: true,
      user: { select: { trackerSettings: { select: { timeZone: true } } } },
      agendaFeeds: { where: { revokedAt: null }, select: { createdAt: true }, take: 1 },
    },
  });
}

/** The caller's agenda, or null for anyone who is not an active team member. */
export async function readTeamAgenda({
  userId,
  now = new Date(),
}: {
  userId: string;
  now?: Date;
}): Promise<TeamAgenda | null> {
  const member = await activeMember(userId);
  if (!member) return null;
  const timeZone = member.timeZone ?? member.user.trackerSettings?.timeZone ?? "UTC";
  const days: AgendaDay[] = [];
  for (const row of await upcomingSessions(userId, now)) {
    const day = todayIn(timeZone, row.startsAt);
    let bucket = days.at(-1);
    if (!bucket || bucket.day !== day) {
      bucket = { day, sessions: [] };
      days.push(bucket);
    }
    bucket.sessions.push({
      id: row.id,
      referralId: row.referralId,
      startsAt: row.startsAt,
      endsAt: row.endsAt,
      lengthMinutes: row.lengthMinutes,
      joinKind: row.offeredTime?.joinKind ?? null,
      format: row.referral.format,
    });
  }
  const feed = member.agendaFeeds[0];
  return { timeZone, days, feed: feed ? { createdAt: feed.createdAt } : null };
}

export type CreateFeedResult =
  { ok: true; token: string; createdAt: Date } | { ok: false; reason: "not_found" };

/**
 * Makes the member's feed link, replacing (revoking) the one before. The
 * token is returned once, to be shown once; only its hash is kept. The
 * member's row is locked first, so two presses at once leave one live link.
 */
export async function createAgendaFeed({
  userId,
  now = new Date(),
}: {
  userId: string;
  now?: Date;
}): Promise<CreateFeedResult> {
  return db.$transaction(async (tx): Promise<CreateFeedResult> => {
    const locked = await tx.$queryRaw<{ userId: string }[]>`
      SELECT "userId" FROM "TeamMember"
       WHERE "userId" = ${userId} AND "removedAt" IS NULL
         FOR UPDATE`;
    if (locked.length === 0) return { ok: false, reason: "not_found" };
    await tx.agendaFeedToken.updateMany({
      where: { memberId: userId, revokedAt: null },
      data: { revokedAt: now },
    });
    const { token, tokenHash } = generateAgendaFeedToken();
    await tx.agendaFeedToken.create({ data: { memberId: userId, tokenHash, createdAt: now } });
    logger.info({ event: "agenda.feed_created" }, "agenda feed link made");
    return { ok: true, token, createdAt: now };
  });
}

export type RevokeFeedResult = { ok: true; revoked: number } | { ok: false; reason: "not_found" };

/** Revokes the member's feed link: it stops answering on its next fetch. */
export async function revokeAgendaFeed({
  userId,
  now = new Date(),
}: {
  userId: string;
  now?: Date;
}): Promise<RevokeFeedResult> {
  const member = await db.teamMember.findFirst({
    where: { userId, removedAt: null },
    select: { userId: true },
  });
  if (!member) return { ok: false, reason: "not_found" };
  const { count } = await db.agendaFeedToken.updateMany({
    where: { memberId: userId, revokedAt: null },
    data: { revokedAt: now },
  });
  logger.info({ event: "agenda.feed_revoked", count }, "agenda feed link revoked");
  return { ok: true, revoked: count };
}

export type AgendaFeedSession = {
  id: string;
  referralId: string;
  icsUid: string;
  icsSequence: number;
  startsAt: Date;
  lengthMinutes: number;
};

/**
 * The sessions behind a feed link, or null when the token is unknown,
 * revoked, or its member is no longer active (one answer for all three).
 */
export async function readAgendaFeed({
  token,
  now = new Date(),
}: {
  token: string;
  now?: Date;
}): Promise<{ feedId: string; sessions: AgendaFeedSession[] } | null> {
  const feed = await db.agendaFeedToken.findFirst({
    where: {
      tokenHash: hashAgendaFeedToken(token),
      revokedAt: null,
      member: { removedAt: null },
    },
    select: { id: true, memberId: true },
  });
  if (!feed) return null;
  const sessions = await upcomingSessions(feed.memberId, now);
  return {
    feedId: feed.id,
    sessions: sessions.map((row) => ({
      id: row.id,
      referralId: row.referralId,
      icsUid: row.icsUid,
      icsSequence: row.icsSequence,
      startsAt: row.startsAt,
      lengthMinutes: row.lengthMinutes,
    })),
  };
}
