import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { enqueueEmail } from "@/lib/data/enqueue-email";
import type { CounselingContact, CounselingIntake } from "@/lib/counseling/intake";
import { counselingIntakeAddress } from "@/lib/counseling/intake-address";
import type { SafetyScreenOutcome } from "@/lib/counseling/safety-screen";
import { sealOptional, sealedField } from "@/lib/counseling/sealed-fields";
import { logger } from "@/lib/logger";

// A person's counseling referral, created by the private safety screen (its
// outcome only) and completed by the intake. One may be open at a time (a
// partial unique index); once it is closed (withdrawn, or closed by the team)
// the person may start a new one and the closed one stays as history. "Their
// referral" is always the newest. Every function takes the signed-in user's id
// and puts it in the `where`.

/** Newest first: a person's current referral is the first of their rows in this order. */
export const NEWEST_REFERRAL_FIRST = [{ createdAt: "desc" }, { id: "desc" }] as const satisfies {
  createdAt?: "desc";
  id?: "desc";
}[];

export type OwnReferral = {
  screenOutcome: SafetyScreenOutcome;
  format: "COUPLES" | "INDIVIDUAL" | null;
  intakeSubmittedAt: Date | null;
  partnerLinkedAt: Date | null;
  /** The request was closed (by the team, or withdrawn by the person). */
  closed: boolean;
  /** The invitation path is open: a clear screen, a couples intake, no partner yet, not closed. */
  canInvite: boolean;
};

/**
 * Records the screen's outcome, creating the referral. The first outcome
 * stands: answering again (another tab, the back button) never reopens a path
 * a "yes" closed. After a closed referral a new one is created, and a "yes"
 * in any earlier screen of the person's carries over: starting again must not
 * be a way round it.
 */
export async function recordSafetyScreen({
  userId,
  outcome,
}: {
  userId: string;
  outcome: SafetyScreenOutcome;
}): Promise<SafetyScreenOutcome> {
  const earlierConcern = await db.counselingReferral.findFirst({
    where: { userId, screenOutcome: "CONCERN" },
    select: { id: true },
  });
  // Skipped when an open referral exists (the partial unique index): the first stands.
  await db.counselingReferral.createMany({
    data: [
      {
        id: randomBytes(16).toString("base64url"),
        userId,
        screenOutcome: earlierConcern ? "CONCERN" : outcome,
        screenedAt: new Date(),
      },
    ],
    skipDuplicates: true,
  });
  const referral = await db.counselingReferral.findFirstOrThrow({
    where: { userId, state: { not: "CLOSED" } },
    select: { screenOutcome: true },
  });
  return referral.screenOutcome;
}

export async function getOwnReferral({ userId }: { userId: string }): Promise<OwnReferral | null> {
  const referral = await db.counselingReferral.findFirst({
    where: { userId },
    orderBy: NEWEST_REFERRAL_FIRST,
    // Never the partner's screen: the inviter sees that the partner joined, nothing more.
    select: {
      screenOutcome: true,
      format: true,
      intakeSubmittedAt: true,
      partnerId: true,
      partnerLinkedAt: true,
      state: true,
    },
  });
  if (!referral) return null;
  return {
    screenOutcome: referral.screenOutcome,
    format: referral.format,
    intakeSubmittedAt: referral.intakeSubmittedAt,
    partnerLinkedAt: referral.partnerId ? referral.partnerLinkedAt : null,
    closed: referral.state === "CLOSED",
    canInvite:
      referral.state !== "CLOSED" &&
      referral.screenOutcome === "CLEAR" &&
      referral.format === "COUPLES" &&
      referral.intakeSubmittedAt !== null &&
      referral.partnerId === null,
  };
}

export type SubmitIntakeResult = "submitted" | "already_submitted" | "no_referral";

/**
 * The team is told exactly the contact the person chose. A phone request
 * without a number, or a number with "By email", is a mistake upstream (the
 * schema refuses both): it must fail loudly, never quietly become "email",
 * which may reach whoever reads their mail (issue 12).
 */
export function assertOneContact({
  contactMethod,
  phone,
}: {
  contactMethod: CounselingContact;
  phone: string;
}): void {
  const consistent = contactMethod === "PHONE" ? phone.trim() !== "" : phone === "";
  if (!consistent) throw new Error("The intake's contact method and phone number disagree");
}

/**
 * Completes the referral and, in the same transaction, queues two bland
 * emails: the counseling team's "a new referral is waiting" (no personal data
 * at all: the team reads what was shared in its inbox, behind the passkey)
 * and the person's receipt. After a screen with any "yes", the referral is for
 * individual counseling whatever the form says.
 */
export async function submitCounselingIntake({
  userId,
  intake,
}: {
  userId: string;
  intake: CounselingIntake;
}): Promise<SubmitIntakeResult> {
  assertOneContact(intake);
  const result = await db.$transaction(async (tx): Promise<SubmitIntakeResult> => {
    // Only an open one: after a closed request, the screen comes first again.
    const referral = await tx.counselingReferral.findFirst({
      where: { userId, state: { not: "CLOSED" } },
      select: { id: true, screenOutcome: true, intakeSubmittedAt: true },
    });
    if (!referral) return "no_referral";
    if (referral.intakeSubmittedAt) return "already_submitted";
    const format = referral.screenOutcome === "CLEAR" ? intake.format : "INDIVIDUAL";
    const phone = intake.phone;
    const { count } = await tx.counselingReferral.updateMany({
      where: { id: referral.id, userId, intakeSubmittedAt: null },
      data: {
        format,
        focuses: intake.focuses,
        preferredTimes: intake.preferredTimes,
        contactMethod: intake.contactMethod,
        phone: sealOptional(phone, sealedField.referralPhone(userId, referral.id)),
        safeToLeaveMessage: intake.contactMethod === "PHONE" && intake.safeToLeaveMessage,
        note: sealOptional(intake.note, sealedField.referralNote(userId, referral.id)),
        shareFocuses: intake.shareFocuses,
        shareNote: intake.shareNote,
        intakeSubmittedAt: new Date(),
      },
    });
    if (count === 0) return "already_submitted";

    await enqueueEmail(tx, {
      to: counselingIntakeAddress(),
      template: "counseling-intake",
      data: {},
      userId,
      dedupeKey: `counseling-intake:${referral.id}`,
    });
    const user = await tx.user.findUniqueOrThrow({
      where: { id: userId },
      select: { email: true },
    });
    await enqueueEmail(tx, {
      to: user.email ?? "",
      template: "counseling-request-received",
      data: {},
      userId,
      dedupeKey: `counseling-request-received:${referral.id}`,
      suppressed: !user.email,
    });
    return "submitted";
  });
  if (result === "submitted") {
    logger.info({ event: "counseling.intake_submitted", userId }, "counseling intake submitted");
  }
  return result;
}
