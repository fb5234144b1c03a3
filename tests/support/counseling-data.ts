import { randomBytes, randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { createAgendaFeed } from "@/lib/data/team-agenda";
import { addressHmac, canonicalAddressHmac, maskAddress } from "@/lib/crypto/address-hmac";
import { generateInvitationToken, invitationExpiry } from "@/lib/counseling/invitation-token";
import { addCounselingMessage } from "@/lib/data/counseling-messages";
import { claimReferral, closeReferral } from "@/lib/data/referral-ownership";
import { addTeamMember } from "@/lib/data/team-members";
import { openTeamReferral } from "@/lib/data/team-referral";
import { offerSessionTimes, takeOfferedTime } from "@/lib/data/session-booking";
import type { SeededUser } from "@/tests/support/user-data";

// Counseling rows for a person, from both sides, for the account-deletion test:
// their own referral and invitation, and their place in someone else's referral
// (as the linked partner, and as the address of an invitation still pending).
// The counseling team's tables from both sides too: the person's own threads
// and the access log of their referral, their words as someone's partner, and
// the person as a team member (membership, role changes, a passkey, a referral
// they claimed, closed and wrote in, one they opened).

function rowId() {
  return randomBytes(12).toString("base64url");
}

async function counterpart(label: string) {
  return db.user.create({
    data: { email: `${label}.${randomUUID()}@example.com`, name: label },
    select: { id: true, email: true },
  });
}

/** A couples referral with its intake submitted. */
function submittedReferralRow(userId: string) {
  return {
    id: rowId(),
    userId,
    screenOutcome: "CLEAR" as const,
    screenedAt: new Date(),
    format: "COUPLES" as const,
    preferredTimes: ["WEEKEND" as const],
    contactMethod: "EMAIL" as const,
    intakeSubmittedAt: new Date(),
  };
}

/** A submitted referral of someone else's, for the person to act on as a team member or partner. */
async function othersReferral(label: string, partnerId?: string) {
  const owner = await counterpart(label);
  return db.counselingReferral.create({
    data: {
      ...submittedReferralRow(owner.id),
      ...(partnerId
        ? {
            partnerId,
            partnerLinkedAt: new Date(),
            partnerScreenOutcome: "CLEAR" as const,
            partnerScreenedAt: new Date(),
          }
        : {}),
    },
    select: { id: true, userId: true },
  });
}

async function teamCounterpart(label: string) {
  const member = await counterpart(label);
  await addTeamMember({ email: member.email!, role: "counselor", operator: "seeder" });
  return member;
}

function message(referralId: string, thread: "PERSON" | "PARTNER" | "SHARED", text: string) {
  return { referralId, thread, text, requestKey: randomUUID() };
}

async function ownReferral(userId: string) {
  const existing = await db.counselingReferral.findFirst({
    where: { userId },
    select: { id: true },
  });
  if (existing) return existing;
  return db.counselingReferral.create({
    data: submittedReferralRow(userId),
    select: { id: true },
  });
}

function invitationRow(referralId: string, inviterId: string, to: string) {
  return {
    id: rowId(),
    referralId,
    inviterId,
    tokenHash: generateInvitationToken().tokenHash,
    recipientEmail: to,
    recipientHmac: addressHmac(to),
    recipientCanonicalHmac: canonicalAddressHmac(to),
    recipientHint: maskAddress(to),
    inviterName: "Sam",
    expiresAt: invitationExpiry(),
    requestKey: randomUUID(),
  };
}

export const COUNSELING_SEEDERS: Record<string, (user: SeededUser) => Promise<unknown>> = {
  CounselingReferral: async (user) => {
    await ownReferral(user.id);
    // They are the linked partner in another person's referral.
    const inviter = await counterpart("their-inviter");
    await db.counselingReferral.create({
      data: {
        id: rowId(),
        userId: inviter.id,
        screenOutcome: "CLEAR",
        screenedAt: new Date(),
        format: "COUPLES",
        partnerId: user.id,
        partnerLinkedAt: new Date(),
        partnerScreenOutcome: "CLEAR",
        partnerScreenedAt: new Date(),
      },
    });
  },
  PartnerInvitation: async (user) => {
    const referral = await ownReferral(user.id);
    await db.partnerInvitation.create({
      data: invitationRow(referral.id, user.id, `their-partner.${randomUUID()}@example.com`),
    });
    // Someone else's invitation to their address, still pending.
    const inviter = await counterpart("someone-inviting-them");
    const theirReferral = await ownReferral(inviter.id);
    await db.partnerInvitation.create({
      data: invitationRow(theirReferral.id, inviter.id, user.email),
    });
  },
  // The person on the team (the role-change seeder below changes the role, so both are recorded).
  TeamMember: (user) =>
    addTeamMember({ email: user.email, role: "counselor", displayName: "Sam", operator: "seeder" }),
  TeamRoleChange: (user) =>
    addTeamMember({ email: user.email, role: "coordinator", operator: "seeder" }),
  // A calendar feed link of theirs (the membership exists by then: seeded above).
  AgendaFeedToken: async (user) => {
    await addTeamMember({ email: user.email, role: "counselor", operator: "seeder" });
    await createAgendaFeed({ userId: user.id });
  },
  TeamPasskey: (user) =>
    db.teamPasskey.create({
      data: {
        id: rowId(),
        userId: user.id,
        publicKey: new Uint8Array(randomBytes(77)),
        webauthnUserId: rowId(),
        transports: ["internal", "hybrid"],
        deviceType: "multiDevice",
        backedUp: true,
      },
    }),
  // A passkey prompt left open on a session of theirs.
  TeamPasskeyChallenge: async (user) => {
    const session = await db.session.create({
      data: {
        sessionToken: rowId(),
        userId: user.id,
        expires: new Date(Date.now() + 60_000),
      },
      select: { sessionToken: true },
    });
    await db.teamPasskeyChallenge.create({
      data: {
        sessionToken: session.sessionToken,
        userId: user.id,
        purpose: "verify",
        challengeHash: rowId(),
        expiresAt: new Date(Date.now() + 60_000),
      },
    });
  },
  CounselingMessage: async (user) => {
    // Their own thread with a counselor.
    const own = await ownReferral(user.id);
    const counselor = await teamCounterpart("their-counselor");
    await claimReferral({ userId: counselor.id, referralId: own.id });
    await addCounselingMessage({ userId: user.id, ...message(own.id, "PERSON", "p") });
    await addCounselingMessage({ userId: counselor.id, ...message(own.id, "PERSON", "c") });
    // Their words as someone's partner, and the counselor's words to them.
    const joined = await othersReferral("referral-they-joined", user.id);
    await claimReferral({ userId: counselor.id, referralId: joined.id });
    await addCounselingMessage({ userId: user.id, ...message(joined.id, "PARTNER", "q") });
    await addCounselingMessage({ userId: counselor.id, ...message(joined.id, "PARTNER", "d") });
    await addCounselingMessage({ userId: user.id, ...message(joined.id, "SHARED", "s") });
    // As a team member: a referral they hold, wrote in and closed with resources.
    const held = await othersReferral("referral-they-hold");
    await claimReferral({ userId: user.id, referralId: held.id });
    await addCounselingMessage({ userId: user.id, ...message(held.id, "PERSON", "t") });
    await closeReferral({
      userId: user.id,
      referralId: held.id,
      outcome: "REFERRED_ELSEWHERE",
      resources: "r",
    });
    // And one they hold still open, which goes back to the inbox if they leave.
    const open = await othersReferral("referral-they-hold-open");
    await claimReferral({ userId: user.id, referralId: open.id });
  },
  // The first session from both sides (issue 15): times offered on their own
  // referral and one taken; times they offered as a counselor and one taken.
  OfferedTime: async (user) => {
    const own = await ownReferral(user.id);
    const holder = await heldBy(own.id, "their-session-counselor");
    await offerTwoTimes(holder, own.id);
    const theirs = await othersReferral("referral-they-offer-times-on");
    await addTeamMember({ email: user.email, role: "counselor", operator: "seeder" });
    await claimReferral({ userId: user.id, referralId: theirs.id });
    await offerTwoTimes(user.id, theirs.id, 60);
  },
  CounselingSession: async (user) => {
    const own = await ownReferral(user.id);
    const holder = await heldBy(own.id, "their-booked-counselor");
    const [first] = await offerTwoTimes(holder, own.id, 90);
    await takeOfferedTime({ userId: user.id, offeredTimeId: first! });
    const theirs = await othersReferral("referral-they-counsel");
    await addTeamMember({ email: user.email, role: "counselor", operator: "seeder" });
    await claimReferral({ userId: user.id, referralId: theirs.id });
    const [mine] = await offerTwoTimes(user.id, theirs.id, 120);
    await takeOfferedTime({ userId: theirs.userId, offeredTimeId: mine! });
  },
  ReferralAccess: async (user) => {
    const own = await ownReferral(user.id);
    const counselor = await teamCounterpart("their-reader");
    await openTeamReferral({ userId: counselor.id, referralId: own.id });
    const theirs = await othersReferral("referral-they-read");
    await openTeamReferral({ userId: user.id, referralId: theirs.id });
  },
};

/** The referral's holder: whoever claimed it already, or a new counselor who claims it now. */
async function heldBy(referralId: string, label: string): Promise<string> {
  const referral = await db.counselingReferral.findUniqueOrThrow({
    where: { id: referralId },
    select: { claimedById: true },
  });
  if (referral.claimedById) return referral.claimedById;
  const counselor = await teamCounterpart(label);
  await claimReferral({ userId: counselor.id, referralId });
  return counselor.id;
}

/** Two future times offered on a referral (days ahead, apart from other seeds); their ids. */
async function offerTwoTimes(counselorId: string, referralId: string, days = 30) {
  const result = await offerSessionTimes({
    userId: counselorId,
    referralId,
    timeZone: "UTC",
    joinKind: "video",
    joinDetail: "https://video.example/seed",
    times: [days, days + 1].map((d) => ({
      startsAt: new Date(Date.now() + d * 86_400_000),
      lengthMinutes: 50,
    })),
  });
  if (!result.ok) throw new Error(`could not offer times: ${result.reason}`);
  const offers = await db.offeredTime.findMany({
    where: { referralId, withdrawnAt: null },
    orderBy: { startsAt: "asc" },
    select: { id: true },
  });
  return offers.map((o) => o.id);
}
