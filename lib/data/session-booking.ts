import "server-only";
import { randomUUID } from "node:crypto";
import { db, type Prisma } from "@/lib/db";
import {
  canPeopleChange,
  hasEnded,
  nextSessionReminder,
  type BookingSide,
  type JoinKind,
  type SessionOutcome,
  LIVE_SESSION_STATES,
  isLiveSession,
} from "@/lib/booking/rules";
import { openSealed, seal, sealJson, sealedField } from "@/lib/counseling/sealed-fields";
import {
  enqueueEmails,
  outboxRow,
  type EnqueueEmailInput,
  type OutboxRow,
} from "@/lib/data/enqueue-email";
import { OUTBOX_CHANNEL } from "@/lib/data/outbox-status";
import { NOW_UTC } from "@/lib/data/sql-time";
import { findActiveTeamMember } from "@/lib/data/team-members";
import { teamScope } from "@/lib/data/team-referral-view";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

// Booking the free first session (issue 15): the holder of a referral offers
// times, the person or the joined partner takes one, moves it or cancels it,
// and the holder marks it held or missed. Each write is one transaction that
// first locks the referral's row, so acts on one referral run one after the
// other; the two rules that must hold whatever the concurrency are also the
// database's own (prisma/migrations/20261205200000_first_session_booking): one
// live session per referral, and no counselor in two live sessions at once.
// Takes insert with ON CONFLICT DO NOTHING, so a lost race is an answer, not
// an aborted transaction; a take's transaction is one statement, so the lock
// is held for that statement only (takeOfferedTime). Every change queues the
// calendar email to each participant in the same transaction. Logs carry no
// times, ids or join details.

type Tx = Prisma.TransactionClient;

type LockedReferral = {
  id: string;
  userId: string;
  partnerId: string | null;
  partnerScreenOutcome: "CLEAR" | "CONCERN" | null;
  state: "NEW" | "CLAIMED" | "CLOSED";
  claimedById: string | null;
};

/** The referral's row, locked for this transaction: acts on one referral queue behind each other. */
async function lockReferral(tx: Tx, referralId: string): Promise<LockedReferral | null> {
  const rows = await tx.$queryRaw<LockedReferral[]>`
    SELECT "id", "userId", "partnerId", "partnerScreenOutcome"::text AS "partnerScreenOutcome",
           "state"::text AS "state", "claimedById"
      FROM "CounselingReferral"
     WHERE "id" = ${referralId} AND "intakeSubmittedAt" IS NOT NULL
       FOR UPDATE`;
  return rows[0] ?? null;
}

/** The caller's side on a referral as one of its people: the person, or the partner who joined clear. */
function peopleSide(referral: LockedReferral, userId: string): "person" | "partner" | null {
  if (referral.userId === userId) return "person";
  if (referral.partnerId === userId && referral.partnerScreenOutcome === "CLEAR") return "partner";
  return null;
}

function isLiveHolder(referral: LockedReferral, userId: string): boolean {
  return referral.state === "CLAIMED" && referral.claimedById === userId;
}

async function isActiveMember(tx: Tx, userId: string): Promise<boolean> {
  const member = await tx.teamMember.findFirst({
    where: { userId, removedAt: null },
    select: { userId: true },
  });
  return member !== null;
}

// ------------------------------------------------------------------ offer --

export type OfferTimesResult =
  | { ok: true; count: number }
  | { ok: false; reason: "not_found" | "not_holder" | "closed" | "held" }
  | { ok: false; reason: "in_past"; indexes: number[] };

/**
 * The holder offers 2 to 5 times (the schema checked the count, lengths and
 * join detail). A new offer replaces the times of the previous one that
 * nobody took. The counselor's zone is saved on their profile for next time.
 */
export async function offerSessionTimes({
  userId,
  referralId,
  timeZone,
  joinKind,
  joinDetail,
  times,
  now = new Date(),
}: {
  userId: string;
  referralId: string;
  timeZone: string;
  joinKind: JoinKind;
  joinDetail: string;
  times: { startsAt: Date; lengthMinutes: number }[];
  now?: Date;
}): Promise<OfferTimesResult> {
  const member = await findActiveTeamMember({ userId });
  if (!member) return { ok: false, reason: "not_found" };
  const visible = await db.counselingReferral.findFirst({
    where: { AND: [{ id: referralId }, teamScope(member)] },
    select: { id: true },
  });
  if (!visible) return { ok: false, reason: "not_found" };
  const inPast = times.flatMap((t, i) => (t.startsAt.getTime() <= now.getTime() ? [i] : []));
  if (inPast.length > 0) return { ok: false, reason: "in_past", indexes: inPast };

  return db.$transaction(async (tx): Promise<OfferTimesResult> => {
    const referral = await lockReferral(tx, referralId);
    if (!referral || !(await isActiveMember(tx, userId))) return { ok: false, reason: "not_found" };
    if (referral.state === "CLOSED") return { ok: false, reason: "closed" };
    if (!isLiveHolder(referral, userId)) return { ok: false, reason: "not_holder" };
    // The first session took place: there is nothing left to book.
    if ((await tx.counselingSession.count({ where: { referralId, state: "held" } })) > 0)
      return { ok: false, reason: "held" };
    await tx.offeredTime.updateMany({
      where: {
        referralId,
        withdrawnAt: null,
        sessions: { none: { state: { in: [...LIVE_SESSION_STATES] } } },
      },
      data: { withdrawnAt: now },
    });
    const rows = times.map((time) => {
      const id = randomUUID();
      return {
        id,
        referralId,
        counselorId: userId,
        startsAt: time.startsAt,
        lengthMinutes: time.lengthMinutes,
        joinKind,
        joinDetail: seal(
          joinDetail,
          sealedField.offeredTimeJoinDetail(referral.userId, referralId, id),
        ),
      };
    });
    await tx.offeredTime.createMany({ data: rows });
    await tx.teamMember.update({ where: { userId }, data: { timeZone } });
    logger.info({ event: "booking.times_offered", count: rows.length }, "times offered");
    return { ok: true, count: rows.length };
  });
}

// ------------------------------------------------------------------ reads --

export type OfferedTimeView = {
  id: string;
  startsAt: Date;
  lengthMinutes: number;
  joinKind: JoinKind;
};

export type SessionView = {
  id: string;
  startsAt: Date;
  lengthMinutes: number;
  joinKind: JoinKind | null;
  /** Only while the session is booked. */
  joinDetail: string | null;
  state: "booked" | "cancelled" | "held" | "missed";
  cancelledBy: string | null;
};

export type PeopleBooking = {
  referralId: string;
  side: "person" | "partner";
  closed: boolean;
  /** The times the holder offered that can still be taken (future, not withdrawn, by the current holder). */
  offers: OfferedTimeView[];
  /**
   * The newest session not cancelled: booked, held, or missed (then the
   * counselor may offer new times, and `offers` holds them).
   */
  session: SessionView | null;
  /** Cancelled sessions, newest first, for the timeline. */
  cancelled: SessionView[];
  /** Whether the person may still move or cancel the booked session on the page. */
  canChange: boolean;
  cutoffHours: number;
  /** The caller's own zone (the tracker's), UTC until they choose one. */
  timeZone: string;
};

const sessionSelect = {
  id: true,
  startsAt: true,
  lengthMinutes: true,
  state: true,
  cancelledBy: true,
  offeredTime: { select: { id: true, joinKind: true, joinDetail: true } },
} as const;

type SessionRow = {
  id: string;
  startsAt: Date;
  lengthMinutes: number;
  state: SessionView["state"];
  cancelledBy: string | null;
  offeredTime: { id: string; joinKind: JoinKind; joinDetail: string | null } | null;
};

function sessionView(row: SessionRow, ownerId: string, referralId: string): SessionView {
  const joinDetail =
    row.state === "booked" && row.offeredTime
      ? openSealed(
          row.offeredTime.joinDetail,
          sealedField.offeredTimeJoinDetail(ownerId, referralId, row.offeredTime.id),
        )
      : null;
  return {
    id: row.id,
    startsAt: row.startsAt,
    lengthMinutes: row.lengthMinutes,
    joinKind: row.offeredTime?.joinKind ?? null,
    joinDetail,
    state: row.state,
    cancelledBy: row.cancelledBy,
  };
}

async function readBooking(
  referral: { id: string; userId: string; state: string; claimedById: string | null },
  now: Date,
) {
  const [offers, sessions] = await Promise.all([
    referral.claimedById && referral.state === "CLAIMED"
      ? db.offeredTime.findMany({
          where: {
            referralId: referral.id,
            counselorId: referral.claimedById,
            withdrawnAt: null,
            startsAt: { gt: now },
          },
          select: { id: true, startsAt: true, lengthMinutes: true, joinKind: true },
          orderBy: { startsAt: "asc" },
        })
      : Promise.resolve([]),
    db.counselingSession.findMany({
      where: { referralId: referral.id },
      select: sessionSelect,
      orderBy: { bookedAt: "desc" },
      take: 20,
    }),
  ]);
  const views = (sessions as SessionRow[]).map((row) =>
    sessionView(row, referral.userId, referral.id),
  );
  const live = (sessions as SessionRow[]).find((s) => isLiveSession(s.state));
  // A time a session stands or stood on (booked, held, missed) is not offered
  // again, and once the first session took place nothing is (a missed one
  // leaves the other times open).
  const used = new Set(
    (sessions as SessionRow[]).filter((s) => s.state !== "cancelled").map((s) => s.offeredTime?.id),
  );
  return {
    offers:
      live?.state === "held" ? [] : (offers as OfferedTimeView[]).filter((o) => !used.has(o.id)),
    session: views.find((s) => s.state !== "cancelled") ?? null,
    cancelled: views.filter((s) => s.state === "cancelled"),
  };
}

/**
 * The person's (own referral) or the joined partner's view of the first
 * session. Null for anyone else and before the intake is sent.
 */
export async function readPeopleBooking({
  userId,
  referralId,
  now = new Date(),
  cutoffHours = env.BOOKING_CHANGE_CUTOFF_HOURS,
}: {
  userId: string;
  referralId?: string;
  now?: Date;
  cutoffHours?: number;
}): Promise<PeopleBooking | null> {
  const referral = await db.counselingReferral.findFirst({
    where: {
      ...(referralId ? { id: referralId } : {}),
      intakeSubmittedAt: { not: null },
      OR: referralId
        ? [{ userId }, { partnerId: userId, partnerScreenOutcome: "CLEAR" }]
        : [{ userId }],
    },
    select: { id: true, userId: true, state: true, claimedById: true },
  });
  if (!referral) return null;
  const [booking, settings] = await Promise.all([
    readBooking(referral, now),
    db.trackerSettings.findUnique({ where: { userId }, select: { timeZone: true } }),
  ]);
  const session = booking.session;
  return {
    referralId: referral.id,
    side: referral.userId === userId ? "person" : "partner",
    closed: referral.state === "CLOSED",
    ...booking,
    canChange:
      session !== null &&
      session.state === "booked" &&
      referral.state !== "CLOSED" &&
      canPeopleChange(session.startsAt, now, cutoffHours),
    cutoffHours,
    timeZone: settings?.timeZone ?? "UTC",
  };
}

export type TeamBooking = {
  offers: OfferedTimeView[];
  session: SessionView | null;
  cancelled: SessionView[];
  /** The zone the holder offers times in: their profile's, else their tracker's, else UTC. */
  timeZone: string;
  timeZoneSaved: boolean;
};

/**
 * The holder's view of a referral's first session. Null for every other
 * member, coordinators included: times and join details are for the
 * referral's people and its counselor only.
 */
export async function readTeamBooking({
  userId,
  referralId,
  now = new Date(),
}: {
  userId: string;
  referralId: string;
  now?: Date;
}): Promise<TeamBooking | null> {
  const member = await db.teamMember.findFirst({
    where: { userId, removedAt: null },
    select: {
      timeZone: true,
      user: { select: { trackerSettings: { select: { timeZone: true } } } },
    },
  });
  if (!member) return null;
  const referral = await db.counselingReferral.findFirst({
    where: { id: referralId, claimedById: userId, intakeSubmittedAt: { not: null } },
    select: { id: true, userId: true, state: true, claimedById: true },
  });
  if (!referral) return null;
  const booking = await readBooking(referral, now);
  return {
    ...booking,
    timeZone: member.timeZone ?? member.user.trackerSettings?.timeZone ?? "UTC",
    timeZoneSaved: member.timeZone !== null,
  };
}

// ------------------------------------------------------------------- mail --

type Change = "booked" | "moved" | "cancelled";

type LiveSession = {
  id: string;
  startsAt: Date;
  lengthMinutes: number;
  icsUid: string;
  icsSequence: number;
  counselorId: string | null;
  offeredTimeId: string | null;
};

/** A participant's address and zones, as the calendar email needs them. */
type Participant = {
  id: string;
  email: string | null;
  trackerTimeZone: string | null;
  teamTimeZone: string | null;
};

type Audience = "person" | "partner" | "team";

/** Who gets a session's calendar email: the person, the joined partner, the counselor. */
function sessionRecipients(
  referral: LockedReferral,
  counselorId: string | null,
): { id: string; audience: "person" | "partner" | "team" }[] {
  return [
    { id: referral.userId, audience: "person" },
    ...(referral.partnerId && referral.partnerScreenOutcome === "CLEAR"
      ? [{ id: referral.partnerId, audience: "partner" as const }]
      : []),
    ...(counselorId ? [{ id: counselorId, audience: "team" as const }] : []),
  ];
}

/** The calendar email to each participant, built with no database access. */
function sessionEmails({
  referral,
  session,
  change,
  now,
  offer,
  participants,
  audiences,
}: {
  referral: LockedReferral;
  session: LiveSession;
  change: Change;
  now: Date;
  offer: { id: string; joinKind: JoinKind; joinDetail: string | null } | null;
  participants: readonly Participant[];
  /** Only these participants (a handover tells the two counselors, not the people). */
  audiences?: readonly Audience[];
}): EnqueueEmailInput<"session-invitation">[] {
  const joinDetail = offer
    ? openSealed(
        offer.joinDetail,
        sealedField.offeredTimeJoinDetail(referral.userId, referral.id, offer.id),
      )
    : null;
  const emails: EnqueueEmailInput<"session-invitation">[] = [];
  for (const recipient of sessionRecipients(referral, session.counselorId)) {
    if (audiences && !audiences.includes(recipient.audience)) continue;
    const user = participants.find((u) => u.id === recipient.id);
    if (!user?.email) continue;
    const timeZone =
      (recipient.audience === "team" ? user.teamTimeZone : null) ?? user.trackerTimeZone ?? "UTC";
    emails.push({
      to: user.email,
      template: "session-invitation",
      userId: user.id,
      data: {
        sessionId: session.id,
        recipientId: user.id,
        sequence: session.icsSequence,
        audience: recipient.audience,
        referralId: referral.id,
        change,
        timeZone,
        sealed: sealJson(
          {
            uid: session.icsUid,
            startsAt: session.startsAt.toISOString(),
            lengthMinutes: session.lengthMinutes,
            joinKind: offer?.joinKind ?? "video",
            joinDetail: change === "cancelled" ? null : joinDetail,
            stamp: now.toISOString(),
          },
          sealedField.sessionEmail(user.id, session.id, session.icsSequence),
        ),
      },
    });
  }
  return emails;
}

/** The calendar email to each participant, queued in the caller's transaction (move, cancel). */
async function queueSessionEmails(
  tx: Tx,
  {
    referral,
    session,
    change,
    now,
    audiences,
  }: {
    referral: LockedReferral;
    session: LiveSession;
    change: Change;
    now: Date;
    audiences?: readonly Audience[];
  },
) {
  const offer = session.offeredTimeId
    ? await tx.offeredTime.findUnique({
        where: { id: session.offeredTimeId },
        select: { id: true, joinKind: true, joinDetail: true },
      })
    : null;
  const users = await tx.user.findMany({
    where: { id: { in: sessionRecipients(referral, session.counselorId).map((r) => r.id) } },
    select: {
      id: true,
      email: true,
      trackerSettings: { select: { timeZone: true } },
      teamMember: { select: { timeZone: true } },
    },
  });
  const participants = users.map((u) => ({
    id: u.id,
    email: u.email,
    trackerTimeZone: u.trackerSettings?.timeZone ?? null,
    teamTimeZone: u.teamMember?.timeZone ?? null,
  }));
  const emails = sessionEmails({
    referral,
    session,
    change,
    now,
    offer,
    participants,
    audiences,
  });
  // One INSERT and one NOTIFY for all of them: fewer round trips while the
  // referral's row is locked.
  if (emails.length > 0) await enqueueEmails(tx, emails);
}

/** A session's next reminder as its two columns (lib/data/session-reminders.ts claims them). */
function reminderColumns(reminder: ReturnType<typeof nextSessionReminder>) {
  return { nextReminderAt: reminder?.at ?? null, nextReminderHours: reminder?.hours ?? null };
}

// ------------------------------------------------------------------- take --

/** Done: on which referral, and from which side (where the page that says so is). */
export type BookingDone = { ok: true; referralId: string; side: BookingSide };

export type TakeResult =
  | (BookingDone & { sessionId: string })
  | {
      ok: false;
      reason: "not_found" | "closed" | "withdrawn" | "past" | "already_booked" | "counselor_busy";
    };

type OfferRow = {
  id: string;
  referralId: string;
  counselorId: string;
  startsAt: Date;
  lengthMinutes: number;
  withdrawnAt: Date | null;
  joinKind: JoinKind;
  joinDetail: string | null;
};

async function findOffer(tx: Tx, offeredTimeId: string): Promise<OfferRow | null> {
  return tx.offeredTime.findUnique({
    where: { id: offeredTimeId },
    select: {
      id: true,
      referralId: true,
      counselorId: true,
      startsAt: true,
      lengthMinutes: true,
      withdrawnAt: true,
      joinKind: true,
      joinDetail: true,
    },
  });
}

/** Why an offered time cannot be taken now, or null when it can. */
function offerRefusal(
  offer: OfferRow,
  referral: LockedReferral,
  now: Date,
): "closed" | "withdrawn" | "past" | null {
  if (referral.state === "CLOSED") return "closed";
  if (
    offer.withdrawnAt ||
    referral.state !== "CLAIMED" ||
    offer.counselorId !== referral.claimedById
  )
    return "withdrawn";
  if (offer.startsAt.getTime() <= now.getTime()) return "past";
  return null;
}

/** What a take reads before it locks anything: the offer, its referral, its people. */
type TakeSnapshot = OfferRow &
  Omit<LockedReferral, "id"> & {
    /** A live session on the referral, committed before this read. */
    live: boolean;
    participants: Participant[] | string;
  };

/** The referral's and the offer's columns a take checks, as the locking statement saw them. */
type TakeLocked = {
  found: boolean;
  userId: string | null;
  partnerId: string | null;
  partnerScreenOutcome: LockedReferral["partnerScreenOutcome"];
  state: LockedReferral["state"] | null;
  claimedById: string | null;
  withdrawnAt: Date | null;
  taken: number;
};

/** A take that lost a race answers after this many fresh looks (a referral changing under it). */
const TAKE_ATTEMPTS = 5;

/**
 * The person or the joined partner takes one offered time.
 *
 * Written for short lock holds (issue 15's take p95 under 20 concurrent
 * takers): everything that needs no lock happens first, in one read without
 * a lock (the offer, the referral, its people's addresses and zones, and
 * whether a session was booked already, so a take that lost a race answers at
 * once); the emails are built and sealed in this process; then one statement
 * (autocommit, so no round trip is made while the row is locked) locks the
 * referral's row, then the offer's, checks them again as they are now (a lock
 * that waited reads the rows' newest versions), inserts the session with ON
 * CONFLICT DO NOTHING and queues the invitations in the outbox and NOTIFYs,
 * all or nothing. When the referral changed between the read and the lock
 * (a partner joined, the offer was replaced), the locked columns say so: a
 * refusal is answered from them, a changed set of people is read again.
 */
export async function takeOfferedTime({
  userId,
  offeredTimeId,
  now = new Date(),
}: {
  userId: string;
  offeredTimeId: string;
  now?: Date;
}): Promise<TakeResult> {
  for (let attempt = 1; ; attempt++) {
    const seen = await readTakeSnapshot(offeredTimeId);
    if (!seen) return { ok: false, reason: "not_found" };
    const referral: LockedReferral = {
      id: seen.referralId,
      userId: seen.userId,
      partnerId: seen.partnerId,
      partnerScreenOutcome: seen.partnerScreenOutcome,
      state: seen.state,
      claimedById: seen.claimedById,
    };
    const side = peopleSide(referral, userId);
    if (!side) return { ok: false, reason: "not_found" };
    const refusal = offerRefusal(seen, referral, now);
    if (refusal) return { ok: false, reason: refusal };
    if (seen.live) return { ok: false, reason: "already_booked" };

    const session: LiveSession = {
      id: randomUUID(),
      startsAt: seen.startsAt,
      lengthMinutes: seen.lengthMinutes,
      icsUid: `${randomUUID()}@heartwork`,
      icsSequence: 0,
      counselorId: seen.counselorId,
      offeredTimeId: seen.id,
    };
    const participants =
      typeof seen.participants === "string"
        ? (JSON.parse(seen.participants) as Participant[])
        : seen.participants;
    const emails = sessionEmails({
      referral,
      session,
      change: "booked",
      now,
      offer: seen,
      participants,
    }).map(outboxRow);
    const locked = await bookUnderLock({ referral, offer: seen, session, emails, now });
    if (locked.taken === 1) {
      logger.info({ event: "booking.session_booked" }, "session booked");
      return { ok: true, sessionId: session.id, referralId: referral.id, side };
    }

    // Nothing was booked: answer as things stand under the lock.
    if (!locked.found) return { ok: false, reason: "not_found" };
    const current: LockedReferral = {
      id: referral.id,
      userId: locked.userId!,
      partnerId: locked.partnerId,
      partnerScreenOutcome: locked.partnerScreenOutcome,
      state: locked.state!,
      claimedById: locked.claimedById,
    };
    if (!peopleSide(current, userId)) return { ok: false, reason: "not_found" };
    const lockedRefusal = offerRefusal({ ...seen, withdrawnAt: locked.withdrawnAt }, current, now);
    if (lockedRefusal) return { ok: false, reason: lockedRefusal };
    const samePeople =
      current.userId === referral.userId &&
      current.partnerId === referral.partnerId &&
      current.partnerScreenOutcome === referral.partnerScreenOutcome;
    if (!samePeople) {
      // The emails were for other people: read them again.
      if (attempt < TAKE_ATTEMPTS) continue;
      throw new Error("take: the referral's people kept changing");
    }
    // One of the database's rules refused the insert. Which one, read after
    // the statement (a new snapshot sees the session that won).
    const live = await db.counselingSession.count({
      where: { referralId: referral.id, state: { in: [...LIVE_SESSION_STATES] } },
    });
    return { ok: false, reason: live > 0 ? "already_booked" : "counselor_busy" };
  }
}

/** One read, no lock: the offer, its referral (intake sent), a live session, the people. */
async function readTakeSnapshot(offeredTimeId: string): Promise<TakeSnapshot | null> {
  const rows = await db.$queryRaw<TakeSnapshot[]>`
    SELECT o."id", o."referralId", o."counselorId", o."startsAt", o."lengthMinutes",
           o."withdrawnAt", o."joinKind"::text AS "joinKind", o."joinDetail",
           r."userId", r."partnerId", r."partnerScreenOutcome"::text AS "partnerScreenOutcome",
           r."state"::text AS "state", r."claimedById",
           EXISTS (SELECT 1 FROM "CounselingSession" s
                    WHERE s."referralId" = r."id" AND s."state" IN ('booked', 'held')) AS "live", -- LIVE_SESSION_STATES
           (SELECT COALESCE(json_agg(json_build_object(
                     'id', u."id", 'email', u."email",
                     'trackerTimeZone', ts."timeZone", 'teamTimeZone', tm."timeZone")), '[]'::json)
              FROM "User" u
              LEFT JOIN "TrackerSettings" ts ON ts."userId" = u."id"
              LEFT JOIN "TeamMember" tm ON tm."userId" = u."id"
             WHERE u."id" IN (r."userId", r."partnerId", o."counselorId")) AS "participants"
      FROM "OfferedTime" o
      JOIN "CounselingReferral" r ON r."id" = o."referralId" AND r."intakeSubmittedAt" IS NOT NULL
     WHERE o."id" = ${offeredTimeId}`;
  return rows[0] ?? null;
}

/**
 * The take's one write: locks the referral's row and then the offer's (the
 * order every write on a referral takes), books the session if both still are
 * as read, and queues its emails with a NOTIFY, in one statement. Autocommit:
 * the lock is held for this statement only.
 */
async function bookUnderLock({
  referral,
  offer,
  session,
  emails,
  now,
}: {
  referral: LockedReferral;
  offer: OfferRow;
  session: LiveSession;
  emails: OutboxRow[];
  now: Date;
}): Promise<TakeLocked> {
  const reminder = nextSessionReminder(session.startsAt, now);
  // Times written in SQL are UTC, as Prisma writes them (lib/data/sql-time.ts):
  // the columns' own defaults would follow the server's zone.
  // FOR SHARE OF o: an offer replaced while this statement waited for the
  // referral is read in its newest version (withdrawn), not this snapshot's.
  // No conflict target on the insert: both the one-live-session index and the
  // counselor's exclusion constraint turn a conflicting insert into no row.
  const rows = await db.$queryRaw<TakeLocked[]>`
    WITH locked AS MATERIALIZED (
      SELECT r."userId", r."partnerId", r."partnerScreenOutcome"::text AS "partnerScreenOutcome",
             r."state"::text AS "state", r."claimedById", o."withdrawnAt"
        FROM "CounselingReferral" r
        JOIN "OfferedTime" o ON o."referralId" = r."id"
       WHERE r."id" = ${referral.id} AND r."intakeSubmittedAt" IS NOT NULL AND o."id" = ${offer.id}
         FOR UPDATE OF r FOR SHARE OF o
    ), taken AS (
      INSERT INTO "CounselingSession"
             ("id", "referralId", "offeredTimeId", "counselorId", "startsAt", "lengthMinutes",
              "icsUid", "bookedAt", "updatedAt", "nextReminderAt", "nextReminderHours")
      SELECT ${session.id}, ${referral.id}, ${offer.id}, ${offer.counselorId}, ${offer.startsAt},
             ${offer.lengthMinutes}, ${session.icsUid}, ${now}, ${now}, ${reminder?.at ?? null},
             ${reminder?.hours ?? null}::integer
        FROM locked l
       WHERE l."state" = 'CLAIMED' AND l."claimedById" = ${offer.counselorId}
         AND l."withdrawnAt" IS NULL
         AND l."userId" = ${referral.userId}
         AND l."partnerId" IS NOT DISTINCT FROM ${referral.partnerId}::text
         AND l."partnerScreenOutcome" IS NOT DISTINCT FROM ${referral.partnerScreenOutcome}::text
      ON CONFLICT DO NOTHING
      RETURNING "id"
    ), queued AS (
      INSERT INTO "OutboxMessage"
             ("id", "to", "template", "data", "userId", "dedupeKey", "runAt", "createdAt",
              "updatedAt")
      SELECT m."id", m."to", m."template", m."data", m."userId", m."dedupeKey", ${NOW_UTC},
             ${NOW_UTC}, ${NOW_UTC}
        FROM json_to_recordset(${JSON.stringify(emails)}::json)
          AS m("id" text, "to" text, "template" text, "data" jsonb, "userId" text, "dedupeKey" text)
       WHERE EXISTS (SELECT 1 FROM taken)
      ON CONFLICT DO NOTHING
      RETURNING 1
    )
    SELECT (l."state" IS NOT NULL) AS "found", l."userId", l."partnerId", l."partnerScreenOutcome",
           l."state", l."claimedById", l."withdrawnAt",
           (SELECT COUNT(*) FROM taken)::int AS "taken",
           (SELECT COUNT(n."sent") FROM (SELECT pg_notify(${OUTBOX_CHANNEL}, '')::text AS "sent"
                                           FROM queued LIMIT 1) n)::int AS "notified"
      FROM (SELECT 1) AS one
      LEFT JOIN locked l ON true`;
  return rows[0]!;
}

// ------------------------------------------------------- move and cancel --

export type ChangeResult =
  | BookingDone
  | {
      ok: false;
      reason:
        | "not_found"
        | "not_booked"
        | "too_late"
        | "closed"
        | "withdrawn"
        | "past"
        | "same_time"
        | "counselor_busy";
    };

type SessionRowLocked = LiveSession & { referralId: string; state: string };

async function lockedSession(
  tx: Tx,
  sessionId: string,
): Promise<{ session: SessionRowLocked; referral: LockedReferral } | null> {
  const unlocked = await tx.counselingSession.findUnique({
    where: { id: sessionId },
    select: { referralId: true },
  });
  if (!unlocked) return null;
  const referral = await lockReferral(tx, unlocked.referralId);
  if (!referral) return null;
  const session = await tx.counselingSession.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      referralId: true,
      state: true,
      startsAt: true,
      lengthMinutes: true,
      icsUid: true,
      icsSequence: true,
      counselorId: true,
      offeredTimeId: true,
    },
  });
  return session ? { session, referral } : null;
}

/** Whether an error is the database refusing overlapping sessions for one counselor. */
function isCounselorOverlap(error: unknown): boolean {
  const text = `${(error as Error)?.message ?? ""} ${JSON.stringify((error as { meta?: unknown })?.meta ?? {})}`;
  return text.includes("CounselingSession_counselor_no_overlap") || text.includes("23P01");
}

/** The person or the joined partner moves the booked session to another offered time, before the cutoff. */
export async function moveSession({
  userId,
  sessionId,
  offeredTimeId,
  now = new Date(),
  cutoffHours = env.BOOKING_CHANGE_CUTOFF_HOURS,
}: {
  userId: string;
  sessionId: string;
  offeredTimeId: string;
  now?: Date;
  cutoffHours?: number;
}): Promise<ChangeResult> {
  try {
    return await db.$transaction(async (tx): Promise<ChangeResult> => {
      const found = await lockedSession(tx, sessionId);
      const side = found && peopleSide(found.referral, userId);
      if (!found || !side) return { ok: false, reason: "not_found" };
      const { session, referral } = found;
      if (session.state !== "booked") return { ok: false, reason: "not_booked" };
      if (!canPeopleChange(session.startsAt, now, cutoffHours))
        return { ok: false, reason: "too_late" };
      const offer = await findOffer(tx, offeredTimeId);
      if (!offer || offer.referralId !== referral.id) return { ok: false, reason: "not_found" };
      if (offer.id === session.offeredTimeId) return { ok: false, reason: "same_time" };
      const refusal = offerRefusal(offer, referral, now);
      if (refusal) return { ok: false, reason: refusal };
      const moved = {
        ...session,
        startsAt: offer.startsAt,
        lengthMinutes: offer.lengthMinutes,
        counselorId: offer.counselorId,
        offeredTimeId: offer.id,
        icsSequence: session.icsSequence + 1,
      };
      await tx.counselingSession.update({
        where: { id: session.id },
        data: {
          startsAt: moved.startsAt,
          lengthMinutes: moved.lengthMinutes,
          counselorId: moved.counselorId,
          offeredTimeId: moved.offeredTimeId,
          icsSequence: moved.icsSequence,
          // The reminders follow the new time; the old time's, queued or not,
          // are stopped at send time by the raised SEQUENCE.
          ...reminderColumns(nextSessionReminder(moved.startsAt, now)),
        },
      });
      await queueSessionEmails(tx, { referral, session: moved, change: "moved", now });
      logger.info({ event: "booking.session_moved" }, "session moved");
      return { ok: true, referralId: referral.id, side };
    });
  } catch (error) {
    // The database refused: the counselor has another session at that time.
    if (isCounselorOverlap(error)) return { ok: false, reason: "counselor_busy" };
    throw error;
  }
}

/**
 * Cancels the booked session. The person and the joined partner may until the
 * cutoff; the holder until it starts.
 */
export async function cancelSession({
  userId,
  sessionId,
  as,
  now = new Date(),
  cutoffHours = env.BOOKING_CHANGE_CUTOFF_HOURS,
}: {
  userId: string;
  sessionId: string;
  /** Which form was used: the people's page or the team's. */
  as: "people" | "team";
  now?: Date;
  cutoffHours?: number;
}): Promise<ChangeResult> {
  return db.$transaction(async (tx): Promise<ChangeResult> => {
    const found = await lockedSession(tx, sessionId);
    if (!found) return { ok: false, reason: "not_found" };
    const { session, referral } = found;
    let side: BookingSide | null;
    if (as === "people") {
      side = peopleSide(referral, userId);
    } else {
      side = referral.claimedById === userId && (await isActiveMember(tx, userId)) ? "team" : null;
    }
    if (!side) return { ok: false, reason: "not_found" };
    if (session.state !== "booked") return { ok: false, reason: "not_booked" };
    const allowed =
      side === "team"
        ? session.startsAt.getTime() > now.getTime()
        : canPeopleChange(session.startsAt, now, cutoffHours);
    if (!allowed) return { ok: false, reason: "too_late" };
    const cancelled = { ...session, icsSequence: session.icsSequence + 1 };
    await tx.counselingSession.update({
      where: { id: session.id },
      data: {
        state: "cancelled",
        cancelledAt: now,
        cancelledBy: side,
        icsSequence: cancelled.icsSequence,
        ...reminderColumns(null),
      },
    });
    await queueSessionEmails(tx, { referral, session: cancelled, change: "cancelled", now });
    logger.info({ event: "booking.session_cancelled", side }, "session cancelled");
    return { ok: true, referralId: referral.id, side };
  });
}

/** A referral's booked sessions still ahead, as the calendar emails need them. */
function bookedAhead(tx: Tx, referralId: string, now: Date): Promise<LiveSession[]> {
  return tx.counselingSession.findMany({
    where: { referralId, state: "booked", startsAt: { gt: now } },
    select: {
      id: true,
      startsAt: true,
      lengthMinutes: true,
      icsUid: true,
      icsSequence: true,
      counselorId: true,
      offeredTimeId: true,
    },
  });
}

/**
 * A referral that closes takes its session still ahead with it: cancelled by
 * the team, with METHOD:CANCEL to the people and the counselor so it leaves
 * their calendars, off the agenda and its feed, no reminder. Called inside the
 * close's transaction (lib/data/referral-ownership.ts), after the referral's
 * row was updated (and so locked). A session under way or over stays for the
 * holder to mark.
 */
export async function cancelSessionsOfClosedReferral(
  tx: Tx,
  referralId: string,
  now: Date,
): Promise<number> {
  const referral = await lockReferral(tx, referralId);
  if (!referral) return 0;
  const sessions = await bookedAhead(tx, referralId, now);
  for (const session of sessions) {
    const cancelled = { ...session, icsSequence: session.icsSequence + 1 };
    await tx.counselingSession.update({
      where: { id: session.id },
      data: {
        state: "cancelled",
        cancelledAt: now,
        cancelledBy: "team",
        icsSequence: cancelled.icsSequence,
        ...reminderColumns(null),
      },
    });
    await queueSessionEmails(tx, { referral, session: cancelled, change: "cancelled", now });
  }
  if (sessions.length > 0)
    logger.info(
      { event: "booking.session_cancelled", side: "team", by: "close" },
      "session cancelled",
    );
  return sessions.length;
}

/** Thrown inside a handover's transaction when the new holder is busy then; rolls it back. */
export class HolderBusyError extends Error {
  constructor() {
    super("the new holder has another session at the first session's time");
  }
}

/**
 * A referral handed to another member takes its session still ahead with it:
 * the new holder becomes its counselor (on their agenda, their reminders), the
 * old one gets METHOD:CANCEL and the new one METHOD:REQUEST, both under the
 * session's UID with a raised SEQUENCE. The people's appointment is unchanged
 * (the calendar file names Heartwork, not the counselor), so they get nothing.
 * Called inside the reassign's transaction, after the referral's row was
 * updated (and so locked). If the new holder has another session at that
 * time, throws HolderBusyError: the caller refuses the whole handover.
 */
export async function handOverSessionsOfReferral(
  tx: Tx,
  referralId: string,
  toUserId: string,
  now: Date,
): Promise<number> {
  const referral = await lockReferral(tx, referralId);
  if (!referral) return 0;
  const sessions = (await bookedAhead(tx, referralId, now)).filter(
    (session) => session.counselorId !== toUserId,
  );
  for (const session of sessions) {
    const icsSequence = session.icsSequence + 1;
    try {
      await tx.counselingSession.update({
        where: { id: session.id },
        data: { counselorId: toUserId, icsSequence },
      });
    } catch (error) {
      // The counselor's no-overlap constraint: the whole handover rolls back.
      if (!isCounselorOverlap(error)) throw error;
      throw new HolderBusyError();
    }
    const raised = { ...session, icsSequence };
    await queueSessionEmails(tx, {
      referral,
      session: raised,
      change: "cancelled",
      now,
      audiences: ["team"],
    });
    await queueSessionEmails(tx, {
      referral,
      session: { ...raised, counselorId: toUserId },
      change: "booked",
      now,
      audiences: ["team"],
    });
  }
  if (sessions.length > 0)
    logger.info({ event: "booking.session_handed_over" }, "session handed over");
  return sessions.length;
}

// ------------------------------------------------------------ afterwards --

export type MarkResult =
  | (BookingDone & { side: "team" })
  | { ok: false; reason: "not_found" | "not_booked" | "not_ended" };

/** The holder marks a session that has ended as held or missed; the person's timeline shows it. */
export async function markSessionOutcome({
  userId,
  sessionId,
  outcome,
  now = new Date(),
}: {
  userId: string;
  sessionId: string;
  outcome: SessionOutcome;
  now?: Date;
}): Promise<MarkResult> {
  return db.$transaction(async (tx): Promise<MarkResult> => {
    const found = await lockedSession(tx, sessionId);
    if (!found) return { ok: false, reason: "not_found" };
    const { session, referral } = found;
    if (referral.claimedById !== userId || !(await isActiveMember(tx, userId)))
      return { ok: false, reason: "not_found" };
    if (session.state !== "booked") return { ok: false, reason: "not_booked" };
    if (!hasEnded(session.startsAt, session.lengthMinutes, now))
      return { ok: false, reason: "not_ended" };
    await tx.counselingSession.update({
      where: { id: session.id },
      data: { state: outcome, markedAt: now, ...reminderColumns(null) },
    });
    logger.info({ event: "booking.session_marked", outcome }, "session marked");
    return { ok: true, referralId: referral.id, side: "team" };
  });
}
