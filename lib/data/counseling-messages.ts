import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { NEWEST_REFERRAL_FIRST } from "@/lib/data/counseling-referrals";
import { openSealed, seal, sealedField } from "@/lib/counseling/sealed-fields";
import {
  MESSAGES_PER_DAY,
  THREAD_PAGE_SIZE,
  threadsFor,
  type MessageThread,
  type ReferralSide,
} from "@/lib/counseling/team";
import { enqueueEmail } from "@/lib/data/enqueue-email";
import { consumeRateLimit } from "@/lib/data/rate-limits";
import { lockPersonForCappedInsert } from "@/lib/data/row-caps";
import { ROW_LIMITS } from "@/lib/validations/row-limits";
import { findActiveTeamMember } from "@/lib/data/team-members";
import { teamScope } from "@/lib/data/team-referral-view";
import { counselingMessageSchema, type CounselingMessageInput } from "@/lib/validations/team";
import { logger } from "@/lib/logger";

// A referral's message threads: the person's private thread with the team,
// the partner's (once they joined with a clear screen), and for couples a
// shared one. Who the caller is on this referral is decided by one query whose
// `where` admits only the person, the joined partner, or a team member within
// their scope; everyone else finds nothing. The text is sealed to the
// referral's owner (lib/counseling/sealed-fields.ts), whoever wrote it.

const DAY_MS = 24 * 60 * 60 * 1000;

let sequence = 0;
/**
 * Ids that sort in creation order within this process (time, then a counter,
 * then randomness), so two messages posted in the same millisecond still list
 * in the order they were written. The id is needed before the insert: the
 * ciphertext is bound to it.
 */
function messageId(): string {
  sequence = (sequence + 1) % 36 ** 4;
  return (
    Date.now().toString(36).padStart(9, "0") +
    sequence.toString(36).padStart(4, "0") +
    randomBytes(10).toString("hex")
  );
}

type Resolved = {
  side: ReferralSide;
  referral: {
    id: string;
    userId: string;
    state: "NEW" | "CLAIMED" | "CLOSED";
    claimedById: string | null;
    format: "COUPLES" | "INDIVIDUAL" | null;
    partnerId: string | null;
    partnerScreenOutcome: "CLEAR" | "CONCERN" | null;
  };
};

const referralFacts = {
  id: true,
  userId: true,
  state: true,
  claimedById: true,
  format: true,
  partnerId: true,
  partnerScreenOutcome: true,
} as const;

async function resolveSide(userId: string, referralId: string): Promise<Resolved | null> {
  const member = await findActiveTeamMember({ userId });
  const referral = await db.counselingReferral.findFirst({
    where: {
      id: referralId,
      intakeSubmittedAt: { not: null },
      OR: [
        { userId },
        { partnerId: userId, partnerScreenOutcome: "CLEAR" },
        ...(member ? [teamScope(member)] : []),
      ],
    },
    select: referralFacts,
  });
  if (!referral) return null;
  // The person's own side first: a team member's own referral is theirs as a person.
  const side: ReferralSide =
    referral.userId === userId
      ? "person"
      : referral.partnerId === userId && referral.partnerScreenOutcome === "CLEAR"
        ? "partner"
        : "team";
  return { side, referral };
}

export type AddMessageResult =
  | { ok: true; duplicate: boolean }
  | { ok: false; reason: "invalid"; fieldErrors: Record<string, string[] | undefined> }
  | { ok: false; reason: "not_found" | "closed" | "not_owner" }
  | { ok: false; reason: "limited"; resetAt: Date }
  | { ok: false; reason: "full" };

/** Which side a form writes for: the team's page, or the person's / partner's counseling page. */
export type WritingAs = "team" | "people";

/**
 * Who hears about a message in this thread, and which page their link opens:
 * everyone else in the thread. The team is the referral's holder (nobody hears
 * before a counselor holds it: the inbox is where new referrals wait).
 */
function recipientsOf(
  side: ReferralSide,
  thread: MessageThread,
  referral: Resolved["referral"],
): { userId: string; audience: "team" | "person" | "partner" }[] {
  const team = referral.claimedById
    ? [{ userId: referral.claimedById, audience: "team" as const }]
    : [];
  const person = [{ userId: referral.userId, audience: "person" as const }];
  const partner = referral.partnerId
    ? [{ userId: referral.partnerId, audience: "partner" as const }]
    : [];
  const inThread =
    thread === "PERSON"
      ? [...team, ...person]
      : thread === "PARTNER"
        ? [...team, ...partner]
        : [...team, ...person, ...partner];
  const own = side === "team" ? "team" : side;
  return inThread.filter((recipient) => recipient.audience !== own);
}

export async function addCounselingMessage(
  input: { userId: string; as?: WritingAs } & CounselingMessageInput,
): Promise<AddMessageResult> {
  const { userId, as, ...fields } = input;
  const parsed = counselingMessageSchema.safeParse(fields);
  if (!parsed.success) {
    return { ok: false, reason: "invalid", fieldErrors: z.flattenError(parsed.error).fieldErrors };
  }
  const { referralId, thread, text, requestKey } = parsed.data;
  const resolved = await resolveSide(userId, referralId);
  // A thread the caller may not see is as absent as a referral they may not see;
  // so is a referral reached through the other side's form (a team member's own
  // referral is written to from /counseling, never from the team's page).
  if (
    !resolved ||
    !threadsFor(resolved.side, resolved.referral).includes(thread) ||
    (as !== undefined && (as === "team") !== (resolved.side === "team"))
  ) {
    return { ok: false, reason: "not_found" };
  }
  const { side, referral } = resolved;
  if (referral.state === "CLOSED") return { ok: false, reason: "closed" };
  if (side === "team" && referral.claimedById !== userId) return { ok: false, reason: "not_owner" };

  const limit = await consumeRateLimit({
    key: `counseling-message:${userId}`,
    limit: side === "team" ? MESSAGES_PER_DAY.team : MESSAGES_PER_DAY.person,
    windowMs: DAY_MS,
  });
  if (!limit.allowed) return { ok: false, reason: "limited", resetAt: limit.resetAt };

  const id = messageId();
  const recipients = recipientsOf(side, thread, referral);
  // The message and its notices commit together: no email about a message
  // that was not stored, no stored message whose notice was lost.
  const count = await db.$transaction(async (tx) => {
    // The writer's messages on this referral are capped (SECURITY.md 33): counted
    // after the writer's lock, so parallel posts cannot pass the cap together.
    await lockPersonForCappedInsert(tx, userId);
    const twin = await tx.counselingMessage.findUnique({
      where: { referralId_requestKey: { referralId: referral.id, requestKey } },
      select: { id: true },
    });
    if (twin) return 0;
    const written = await tx.counselingMessage.count({
      where: { referralId: referral.id, authorId: userId },
    });
    if (written >= ROW_LIMITS.counselingMessages) return "full" as const;
    const { count } = await tx.counselingMessage.createMany({
      data: [
        {
          id,
          referralId: referral.id,
          thread,
          authorId: userId,
          authorKind: side === "team" ? "TEAM" : side === "person" ? "PERSON" : "PARTNER",
          text: seal(text, sealedField.counselingMessage(referral.userId, referral.id, id)),
          requestKey,
        },
      ],
      skipDuplicates: true, // (referralId, requestKey): a double submit posts once
    });
    if (count === 0 || recipients.length === 0) return count;
    const users = await tx.user.findMany({
      where: { id: { in: recipients.map((recipient) => recipient.userId) } },
      select: { id: true, email: true },
    });
    for (const recipient of recipients) {
      const email = users.find((user) => user.id === recipient.userId)?.email;
      if (!email) continue;
      await enqueueEmail(tx, {
        to: email,
        template: "counseling-message",
        data: { audience: recipient.audience, referralId: referral.id },
        userId: recipient.userId,
        dedupeKey: `counseling-message:${id}:${recipient.userId}`,
      });
    }
    return count;
  });
  if (count === "full") return { ok: false, reason: "full" };
  if (count === 1) logger.info({ event: "counseling.message_added", thread }, "message added");
  return { ok: true, duplicate: count === 0 };
}

export type PeopleThreads = {
  referralId: string;
  side: "person" | "partner";
  closed: boolean;
  /** The caller's threads on this referral, each with its newest messages, oldest first. */
  threads: { name: MessageThread; messages: ThreadMessage[] }[];
};

/**
 * The person's or the joined partner's threads on a referral, for their
 * counseling page: without `referralId`, the caller's own referral. Null for
 * anyone else (a team member reads through openTeamReferral, which records
 * the opening) and before the intake is submitted.
 */
export async function readPeopleThreads({
  userId,
  referralId,
}: {
  userId: string;
  referralId?: string;
}): Promise<PeopleThreads | null> {
  const resolved = referralId
    ? await resolveSide(userId, referralId)
    : await db.counselingReferral
        .findFirst({
          where: { userId, intakeSubmittedAt: { not: null } },
          orderBy: NEWEST_REFERRAL_FIRST,
          select: referralFacts,
        })
        .then((referral) => (referral ? { side: "person" as const, referral } : null));
  if (!resolved || resolved.side === "team") return null;
  const { side, referral } = resolved;
  const threads = await Promise.all(
    threadsFor(side, referral).map(async (name) => ({
      name,
      messages: await readAuthorizedThread({ userId, referral, thread: name }),
    })),
  );
  return { referralId: referral.id, side, closed: referral.state === "CLOSED", threads };
}

export type ThreadMessage = {
  id: string;
  author: "PERSON" | "PARTNER" | "TEAM";
  /** Written by the caller. */
  mine: boolean;
  text: string | null;
  createdAt: Date;
};

/** The newest THREAD_PAGE_SIZE messages of one thread, oldest first; null for "not found". */
export async function listCounselingThread({
  userId,
  referralId,
  thread,
}: {
  userId: string;
  referralId: string;
  thread: MessageThread;
}): Promise<ThreadMessage[] | null> {
  const resolved = await resolveSide(userId, referralId);
  if (!resolved || !threadsFor(resolved.side, resolved.referral).includes(thread)) return null;
  return readAuthorizedThread({ userId, referral: resolved.referral, thread });
}

/**
 * A thread's newest messages, oldest first. No authorization of its own: only
 * for callers that have just found the referral through a scoped `where`
 * (listCounselingThread above, openTeamReferral).
 */
export async function readAuthorizedThread({
  userId,
  referral,
  thread,
}: {
  userId: string;
  referral: { id: string; userId: string };
  thread: MessageThread;
}): Promise<ThreadMessage[]> {
  const rows = await db.counselingMessage.findMany({
    where: { referralId: referral.id, thread },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: THREAD_PAGE_SIZE,
    select: { id: true, authorId: true, authorKind: true, text: true, createdAt: true },
  });
  return rows.reverse().map((row) => ({
    id: row.id,
    author: row.authorKind,
    mine: row.authorId === userId,
    text: openSealed(row.text, sealedField.counselingMessage(referral.userId, referral.id, row.id)),
    createdAt: row.createdAt,
  }));
}
