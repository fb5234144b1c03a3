import "server-only";
import { db } from "@/lib/db";
import type { CounselingContact, CounselingTime } from "@/lib/counseling/intake";
import { openSealed, sealOptional, sealedField } from "@/lib/counseling/sealed-fields";
import { threadsFor } from "@/lib/counseling/team";
import { assertOneContact, NEWEST_REFERRAL_FIRST } from "@/lib/data/counseling-referrals";
import { revokePartnerInvitation } from "@/lib/data/partner-invitations";
import { logger } from "@/lib/logger";

// The person's side of a sent request (issue 14, item 5): how far it has come,
// the contact details they can still change, and withdrawing it. Every query
// carries the caller's id in its `where`: the person's own referral is found
// by `userId`, a joined one by `partnerId` (with their own clear screen).

export type ReferralOutcomeName =
  "COUNSELING_STARTED" | "REFERRED_ELSEWHERE" | "NO_RESPONSE" | "WITHDRAWN" | "OTHER";

/** What both people of a referral may see of its progress. */
export type ReferralSteps = {
  id: string;
  format: "COUPLES" | "INDIVIDUAL" | null;
  sentAt: Date;
  /** The first name of the counselor who holds it (TeamMember.displayName); null in the inbox. */
  counselorName: string | null;
  /** The referral has at least one message the caller can read. */
  hasMessages: boolean;
  closedAt: Date | null;
};

/** The person's own request: its steps, the closing they see, and the details they gave. */
export type OwnReferralProgress = ReferralSteps & {
  outcome: ReferralOutcomeName | null;
  /** What the counselor gave when closing; null when none or already erased. */
  resources: string | null;
  textErasedAt: Date | null;
  contactMethod: CounselingContact;
  phone: string;
  safeToLeaveMessage: boolean;
  preferredTimes: CounselingTime[];
};

const stepsSelect = {
  id: true,
  userId: true,
  format: true,
  intakeSubmittedAt: true,
  state: true,
  closedAt: true,
  partnerId: true,
  partnerScreenOutcome: true,
  claimedBy: { select: { teamMember: { select: { displayName: true } } } },
} as const;

type StepsRow = {
  id: string;
  format: "COUPLES" | "INDIVIDUAL" | null;
  intakeSubmittedAt: Date | null;
  state: "NEW" | "CLAIMED" | "CLOSED";
  closedAt: Date | null;
  partnerId: string | null;
  partnerScreenOutcome: "CLEAR" | "CONCERN" | null;
  claimedBy: { teamMember: { displayName: string | null } | null } | null;
};

/** Said of a holder without a first name on record (or no longer on the team). */
const A_COUNSELOR = "A counselor";

async function toSteps(row: StepsRow, side: "person" | "partner"): Promise<ReferralSteps> {
  const messages = await db.counselingMessage.count({
    where: { referralId: row.id, thread: { in: threadsFor(side, row) } },
  });
  return {
    id: row.id,
    format: row.format,
    sentAt: row.intakeSubmittedAt!,
    // A closed referral whose holder left the team still shows it was reviewed.
    counselorName: row.claimedBy ? (row.claimedBy.teamMember?.displayName ?? A_COUNSELOR) : null,
    hasMessages: messages > 0,
    closedAt: row.state === "CLOSED" ? row.closedAt : null,
  };
}

/** The caller's newest request once sent, or null when there is none (or it is still a draft). */
export async function getOwnReferralProgress({
  userId,
}: {
  userId: string;
}): Promise<OwnReferralProgress | null> {
  // The newest referral only: a new request still being written hides the closed one.
  const row = await db.counselingReferral.findFirst({
    where: { userId },
    orderBy: NEWEST_REFERRAL_FIRST,
    select: {
      ...stepsSelect,
      closeOutcome: true,
      closeResources: true,
      textErasedAt: true,
      contactMethod: true,
      phone: true,
      safeToLeaveMessage: true,
      preferredTimes: true,
    },
  });
  if (!row?.intakeSubmittedAt) return null;
  return {
    ...(await toSteps(row, "person")),
    outcome: row.state === "CLOSED" ? row.closeOutcome : null,
    resources: openSealed(row.closeResources, sealedField.referralCloseResources(userId, row.id)),
    textErasedAt: row.textErasedAt,
    contactMethod: row.contactMethod ?? "EMAIL",
    phone: openSealed(row.phone, sealedField.referralPhone(userId, row.id)) ?? "",
    safeToLeaveMessage: row.safeToLeaveMessage,
    preferredTimes: row.preferredTimes,
  };
}

/**
 * The steps of a referral the caller joined as the partner, once their own
 * screen was clear. Never the outcome or the resources given at closing: they
 * were written for the person who asked (a referral to another service may be
 * exactly what must not reach the partner), so the partner sees only that it
 * closed, and when.
 */
export async function getJoinedReferralSteps({
  userId,
  referralId,
}: {
  userId: string;
  referralId: string;
}): Promise<ReferralSteps | null> {
  const row = await db.counselingReferral.findFirst({
    where: {
      id: referralId,
      partnerId: userId,
      partnerScreenOutcome: "CLEAR",
      intakeSubmittedAt: { not: null },
    },
    select: stepsSelect,
  });
  return row ? toSteps(row, "partner") : null;
}

export type ReferralContactChange = {
  contactMethod: CounselingContact;
  phone: string;
  safeToLeaveMessage: boolean;
  preferredTimes: CounselingTime[];
};

export type ChangeResult = "changed" | "closed" | "not_found";

/** The caller's own sent request (its id), if they have one. */
function ownSentReferral(userId: string) {
  return db.counselingReferral.findFirst({
    where: { userId, intakeSubmittedAt: { not: null } },
    orderBy: NEWEST_REFERRAL_FIRST,
    select: { id: true },
  });
}

/** Why an update on the caller's own open request touched no row. */
async function whyUnchanged(userId: string): Promise<"closed" | "not_found"> {
  return (await ownSentReferral(userId)) ? "closed" : "not_found";
}

/**
 * The contact details and times of the caller's own request, until it is
 * closed. The same one-contact rule as the intake: a phone number only with
 * "By phone", and never an empty one with it.
 */
export async function changeReferralContact({
  userId,
  change,
}: {
  userId: string;
  change: ReferralContactChange;
}): Promise<ChangeResult> {
  assertOneContact(change);
  const referral = await ownSentReferral(userId);
  if (!referral) return "not_found";
  const { count } = await db.counselingReferral.updateMany({
    where: { id: referral.id, userId, state: { not: "CLOSED" } },
    data: {
      contactMethod: change.contactMethod,
      phone: sealOptional(change.phone, sealedField.referralPhone(userId, referral.id)),
      safeToLeaveMessage: change.contactMethod === "PHONE" && change.safeToLeaveMessage,
      preferredTimes: change.preferredTimes,
    },
  });
  if (count === 0) return whyUnchanged(userId);
  logger.info({ event: "counseling.contact_changed", userId }, "referral contact changed");
  return "changed";
}

/**
 * The person withdraws their own open request: it closes with the outcome
 * WITHDRAWN (the only outcome that is the person's own act), leaves the
 * team's open lists, and any invitation still open is revoked with it.
 * From then on the retention schedule applies as to any closed referral.
 */
export async function withdrawReferral({ userId }: { userId: string }): Promise<ChangeResult> {
  const referral = await ownSentReferral(userId);
  if (!referral) return "not_found";
  const { count } = await db.counselingReferral.updateMany({
    where: { id: referral.id, userId, state: { not: "CLOSED" } },
    data: { state: "CLOSED", closedAt: new Date(), closeOutcome: "WITHDRAWN" },
  });
  if (count === 0) return whyUnchanged(userId);
  const pending = await db.partnerInvitation.findMany({
    where: { inviterId: userId, referralId: referral.id, status: "pending" },
    select: { id: true },
  });
  for (const invitation of pending) {
    await revokePartnerInvitation({ userId, invitationId: invitation.id });
  }
  logger.info({ event: "counseling.referral_withdrawn", userId }, "referral withdrawn");
  return "changed";
}

export type EarlierReferral = {
  id: string;
  sentAt: Date | null;
  closedAt: Date | null;
  outcome: string | null;
};

/**
 * The caller's closed requests before their newest one, newest first: what
 * remains of a request withdrawn or closed before they asked again (dates and
 * how it ended; its words follow the retention schedule).
 */
export async function listEarlierReferrals({
  userId,
}: {
  userId: string;
}): Promise<EarlierReferral[]> {
  const rows = await db.counselingReferral.findMany({
    where: { userId },
    orderBy: NEWEST_REFERRAL_FIRST,
    select: { id: true, intakeSubmittedAt: true, closedAt: true, closeOutcome: true },
    take: 51,
  });
  return rows.slice(1).map((row) => ({
    id: row.id,
    sentAt: row.intakeSubmittedAt,
    closedAt: row.closedAt,
    outcome: row.closeOutcome,
  }));
}
