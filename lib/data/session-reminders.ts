import "server-only";
import { db, Prisma } from "@/lib/db";
import { nextSessionReminder, type SessionReminderHours } from "@/lib/booking/rules";
import { openSealed, sealJson, sealedField } from "@/lib/counseling/sealed-fields";
import { enqueueEmails, type EnqueueEmailInput } from "@/lib/data/enqueue-email";
import { findActiveTeamMember } from "@/lib/data/team-members";

// Reminders 24 hours and 1 hour before a booked first session (issue 15), to
// the person, the joined partner and the counselor, unless they turned
// appointment reminders off. Each booked session holds when its next reminder
// is due and which one (CounselingSession.nextReminderAt / nextReminderHours,
// written by take and move, cleared by cancel and mark). The scheduler claims
// due sessions FOR UPDATE SKIP LOCKED, queues their emails and moves each
// session on to its next reminder in one transaction: a second instance skips
// the rows, a failed batch leaves them due, and each email's dedupe key
// (session, SEQUENCE, reminder, recipient) keeps it single whatever happens.
// The send-time guard (sessionReminderStillWanted) drops a reminder whose
// session was cancelled, moved (its SEQUENCE raised) or has started.

/** A batch's transaction on a loaded machine (see lib/data/reminders.ts). */
const BATCH_TRANSACTION = { maxWait: 20_000, timeout: 25_000 };

type ClaimedSession = {
  id: string;
  referralId: string;
  offeredTimeId: string | null;
  counselorId: string | null;
  startsAt: Date;
  lengthMinutes: number;
  icsSequence: number;
  state: string;
  nextReminderHours: number | null;
};

type ReferralPeople = {
  id: string;
  userId: string;
  partnerId: string | null;
  partnerScreenOutcome: string | null;
  state: string;
  claimedById: string | null;
};

type Recipient = {
  id: string;
  email: string | null;
  trackerTimeZone: string | null;
  teamTimeZone: string | null;
  sessionRemindersEnabled: boolean | null;
};

export type SessionReminderRound = { claimed: number; queued: number };

/**
 * Which reminder a claimed session sends now, or null when none (no longer
 * booked, or already started). A day-before reminder claimed within the last
 * hour (the servers were down) becomes the hour's one.
 */
function reminderToSend(session: ClaimedSession, now: Date): SessionReminderHours | null {
  if (session.state !== "booked") return null;
  const untilStart = session.startsAt.getTime() - now.getTime();
  if (untilStart <= 0) return null;
  return session.nextReminderHours === 24 && untilStart > 3_600_000 ? 24 : 1;
}

/**
 * Claims up to `limit` sessions whose next reminder is due, queues one email
 * per participant who wants it and moves each session on, in one transaction.
 */
export async function runDueSessionReminderBatch({
  limit = 500,
  now = new Date(),
}: { limit?: number; now?: Date } = {}): Promise<SessionReminderRound> {
  return db.$transaction(async (tx): Promise<SessionReminderRound> => {
    const claimed = await tx.$queryRaw<ClaimedSession[]>`
      SELECT "id", "referralId", "offeredTimeId", "counselorId", "startsAt", "lengthMinutes",
             "icsSequence", "state"::text AS "state", "nextReminderHours"
        FROM "CounselingSession"
       WHERE "nextReminderAt" <= ${now.toISOString()}::timestamp(3)
       ORDER BY "nextReminderAt"
       LIMIT ${limit}::integer
         FOR UPDATE SKIP LOCKED`;
    if (claimed.length === 0) return { claimed: 0, queued: 0 };

    const referralIds = [...new Set(claimed.map((s) => s.referralId))];
    const offerIds = claimed.flatMap((s) => (s.offeredTimeId ? [s.offeredTimeId] : []));
    const [referrals, offers] = await Promise.all([
      tx.$queryRaw<ReferralPeople[]>`
        SELECT "id", "userId", "partnerId", "partnerScreenOutcome"::text AS "partnerScreenOutcome",
               "state"::text AS "state", "claimedById"
          FROM "CounselingReferral" WHERE "id" IN (${Prisma.join(referralIds)})`,
      offerIds.length > 0
        ? tx.offeredTime.findMany({
            where: { id: { in: offerIds } },
            select: { id: true, joinKind: true, joinDetail: true },
          })
        : Promise.resolve([]),
    ]);
    const referralById = new Map(referrals.map((r) => [r.id, r]));
    const offerById = new Map(offers.map((o) => [o.id, o]));
    const userIds = new Set<string>();
    for (const session of claimed) {
      const referral = referralById.get(session.referralId);
      if (!referral) continue;
      for (const p of participants(referral, session.counselorId)) userIds.add(p.id);
    }
    const users =
      userIds.size > 0
        ? await tx.$queryRaw<Recipient[]>`
            SELECT u."id", u."email", t."timeZone" AS "trackerTimeZone",
                   m."timeZone" AS "teamTimeZone", s."sessionRemindersEnabled"
              FROM "User" u
              LEFT JOIN "TrackerSettings" t ON t."userId" = u."id"
              LEFT JOIN "TeamMember" m ON m."userId" = u."id"
              LEFT JOIN "ReminderSettings" s ON s."userId" = u."id"
             WHERE u."id" IN (${Prisma.join([...userIds])})`
        : [];
    const userById = new Map(users.map((u) => [u.id, u]));

    const emails: EnqueueEmailInput<"session-reminder">[] = [];
    const moves: { id: string; at: Date | null; hours: number | null }[] = [];
    for (const session of claimed) {
      const hours = reminderToSend(session, now);
      const next = hours === null ? null : nextSessionReminder(session.startsAt, now, hours);
      moves.push({ id: session.id, at: next?.at ?? null, hours: next?.hours ?? null });
      const referral = referralById.get(session.referralId);
      if (!referral || referral.state === "CLOSED" || hours === null) continue;
      const offer = session.offeredTimeId ? offerById.get(session.offeredTimeId) : undefined;
      const joinDetail = offer
        ? openSealed(
            offer.joinDetail,
            sealedField.offeredTimeJoinDetail(referral.userId, referral.id, offer.id),
          )
        : null;
      for (const recipient of participants(referral, session.counselorId)) {
        const user = userById.get(recipient.id);
        if (!user?.email || user.sessionRemindersEnabled === false) continue;
        const timeZone =
          (recipient.audience === "team" ? user.teamTimeZone : null) ??
          user.trackerTimeZone ??
          "UTC";
        emails.push({
          to: user.email,
          template: "session-reminder",
          userId: user.id,
          dedupeKey: `session-reminder:${session.id}:${session.icsSequence}:${hours}:${user.id}`,
          data: {
            sessionId: session.id,
            recipientId: user.id,
            sequence: session.icsSequence,
            hours,
            audience: recipient.audience,
            referralId: referral.id,
            timeZone,
            sealed: sealJson(
              {
                startsAt: session.startsAt.toISOString(),
                lengthMinutes: session.lengthMinutes,
                joinKind: offer?.joinKind ?? "video",
                joinDetail,
              },
              sealedField.sessionReminderEmail(user.id, session.id, session.icsSequence, hours),
            ),
          },
        });
      }
    }

    const queued = emails.length > 0 ? await enqueueEmails(tx, emails) : 0;
    const values = moves.map(
      ({ id, at, hours }) =>
        Prisma.sql`(${id}, ${at?.toISOString() ?? null}::timestamp(3), ${hours}::integer)`,
    );
    await tx.$executeRaw`
      UPDATE "CounselingSession" AS s
         SET "nextReminderAt" = v.due_at, "nextReminderHours" = v.hours
        FROM (VALUES ${Prisma.join(values)}) AS v(id, due_at, hours)
       WHERE s."id" = v.id`;
    return { claimed: claimed.length, queued };
  }, BATCH_TRANSACTION);
}

function participants(
  referral: ReferralPeople,
  counselorId: string | null,
): { id: string; audience: "person" | "partner" | "team" }[] {
  return [
    { id: referral.userId, audience: "person" as const },
    ...(referral.partnerId && referral.partnerScreenOutcome === "CLEAR"
      ? [{ id: referral.partnerId, audience: "partner" as const }]
      : []),
    // The counselor only while they hold the referral: a member who was removed
    // (their referrals went back to the inbox) gets no reminder, no join detail.
    ...(counselorId && referral.claimedById === counselorId
      ? [{ id: counselorId, audience: "team" as const }]
      : []),
  ];
}

/** Runs batches until no session reminder is due; returns the number of emails queued. */
export async function runDueSessionReminders({
  limit = 500,
  now,
}: { limit?: number; now?: Date } = {}): Promise<number> {
  let queued = 0;
  for (;;) {
    const round = await runDueSessionReminderBatch({ limit, now: now ?? new Date() });
    queued += round.queued;
    if (round.claimed < limit) return queued;
  }
}

/**
 * The send-time check: the session is still booked at the SEQUENCE the
 * reminder was queued for (a move or cancel raised it), has not started, its
 * referral is open, the recipient is still one of its people or its counselor,
 * and has not turned appointment reminders off.
 */
export async function sessionReminderStillWanted(
  tx: Prisma.TransactionClient,
  {
    sessionId,
    recipientId,
    sequence,
    now = new Date(),
  }: { sessionId: string; recipientId: string; sequence: number; now?: Date },
): Promise<boolean> {
  const session = await tx.counselingSession.findUnique({
    where: { id: sessionId },
    select: {
      state: true,
      icsSequence: true,
      startsAt: true,
      counselorId: true,
      referral: {
        select: {
          userId: true,
          partnerId: true,
          partnerScreenOutcome: true,
          state: true,
          claimedById: true,
        },
      },
    },
  });
  if (!session || session.state !== "booked" || session.icsSequence !== sequence) return false;
  if (session.startsAt.getTime() <= now.getTime() || session.referral.state === "CLOSED")
    return false;
  const { referral } = session;
  const isParticipant =
    recipientId === referral.userId ||
    (recipientId === session.counselorId && referral.claimedById === session.counselorId) ||
    (recipientId === referral.partnerId && referral.partnerScreenOutcome === "CLEAR");
  if (!isParticipant) return false;
  const settings = await tx.reminderSettings.findUnique({
    where: { userId: recipientId },
    select: { sessionRemindersEnabled: true },
  });
  return settings?.sessionRemindersEnabled !== false;
}

/** Whether the person gets appointment reminders (on unless turned off). */
export async function getSessionRemindersEnabled({ userId }: { userId: string }) {
  const row = await db.reminderSettings.findUnique({
    where: { userId },
    select: { sessionRemindersEnabled: true },
  });
  return row?.sessionRemindersEnabled ?? true;
}

/**
 * A counselor turns their appointment reminders on or off from the team's side
 * (/team/agenda). The same stored preference as the box on
 * /progress/reminders (ReminderSettings.sessionRemindersEnabled): one flag, two
 * places to change it. Only an active team member; anyone else is not found.
 * The tracker's reminders are left as they are (a new row has their defaults:
 * off), so nothing of theirs needs rewriting.
 */
export async function saveTeamSessionReminders({
  userId,
  enabled,
}: {
  userId: string;
  enabled: boolean;
}): Promise<{ ok: true } | { ok: false; reason: "not_found" }> {
  if (!(await findActiveTeamMember({ userId }))) return { ok: false, reason: "not_found" };
  await db.reminderSettings.upsert({
    where: { userId },
    create: { userId, sessionRemindersEnabled: enabled },
    update: { sessionRemindersEnabled: enabled },
    select: { userId: true },
  });
  return { ok: true };
}
