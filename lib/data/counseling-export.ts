import "server-only";
import { db, type Prisma } from "@/lib/db";
import { NEWEST_REFERRAL_FIRST } from "@/lib/data/counseling-referrals";
import { openSealed, sealedField } from "@/lib/counseling/sealed-fields";
import { effectiveStatus } from "@/lib/data/partner-invitations";
import { listReferralAccessLog } from "@/lib/data/referral-access-log";

// The person's own counseling data, decrypted, for their export (GDPR art. 20;
// SECURITY.md promise 24): their referral and the invitations they sent,
// with what a partner answered them. Never a partner's screen, and nothing of a
// referral they joined as someone's partner (that one is the inviter's). Every
// query is scoped by the user's id; internal ids stay out.
//
// The counseling team's side: how their referral stands and ends, who opened
// it, and the messages of the threads they take part in (their own words and
// the team's words to them; never the other partner's words, which are the
// other partner's data). A team member also gets their own membership record.

const referralSelect = {
  id: true,
  userId: true,
  screenOutcome: true,
  screenedAt: true,
  format: true,
  focuses: true,
  preferredTimes: true,
  contactMethod: true,
  phone: true,
  safeToLeaveMessage: true,
  note: true,
  shareFocuses: true,
  shareNote: true,
  intakeSubmittedAt: true,
  partnerId: true,
  partnerLinkedAt: true,
  state: true,
  claimedAt: true,
  closedAt: true,
  closeOutcome: true,
  closeResources: true,
  textErasedAt: true,
  // The first session (issue 15): the newest one not cancelled (booked, held or
  // missed), and any missed before it (a missed session can be booked again).
  sessions: {
    where: { state: { not: "cancelled" } },
    orderBy: { bookedAt: "desc" },
    take: 20,
    select: {
      startsAt: true,
      lengthMinutes: true,
      state: true,
      bookedAt: true,
      markedAt: true,
      offeredTime: { select: { id: true, joinKind: true, joinDetail: true } },
    },
  },
} as const;

type ExportedReferralRow = Prisma.CounselingReferralGetPayload<{ select: typeof referralSelect }>;

export async function exportCounselingData({ userId }: { userId: string }) {
  const [referrals, invitations, messages, accessLog, team, roleChanges] = await Promise.all([
    // Newest first: the current request, then any earlier (closed) ones.
    db.counselingReferral.findMany({
      where: { userId },
      orderBy: NEWEST_REFERRAL_FIRST,
      select: referralSelect,
    }),
    db.partnerInvitation.findMany({
      where: { inviterId: userId },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        status: true,
        expiresAt: true,
        recipientHint: true,
        inviterName: true,
        message: true,
        declineNote: true,
        sentAt: true,
        respondedAt: true,
      },
    }),
    db.counselingMessage.findMany({
      where: {
        AND: [
          {
            OR: [
              { referral: { userId }, thread: { in: ["PERSON", "SHARED"] } },
              {
                referral: { partnerId: userId, partnerScreenOutcome: "CLEAR" },
                thread: { in: ["PARTNER", "SHARED"] },
              },
            ],
          },
          { OR: [{ authorId: userId }, { authorKind: "TEAM" }] },
        ],
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        thread: true,
        authorId: true,
        text: true,
        createdAt: true,
        referral: { select: { id: true, userId: true } },
      },
    }),
    listReferralAccessLog({ userId }),
    db.teamMember.findUnique({
      where: { userId },
      select: { role: true, displayName: true, addedAt: true, removedAt: true },
    }),
    db.teamRoleChange.findMany({
      where: { userId },
      orderBy: { createdAt: "asc" },
      select: { action: true, role: true, previousRole: true, operator: true, createdAt: true },
    }),
  ]);
  return {
    referral: referrals[0] ? exportReferral(referrals[0]) : null,
    earlierReferrals: referrals.slice(1).map(exportReferral),
    invitations: invitations.map((row) => {
      const status = effectiveStatus(row);
      return {
        status,
        recipientHint: status === "pending" ? row.recipientHint : null,
        inviterName: row.inviterName,
        message: openSealed(row.message, sealedField.invitationMessage(userId, row.id)),
        declineNote: openSealed(row.declineNote, sealedField.invitationDeclineNote(userId, row.id)),
        sentAt: row.sentAt.toISOString(),
        respondedAt: row.respondedAt?.toISOString() ?? null,
      };
    }),
    messages: messages.map((row) => ({
      referral: row.referral.userId === userId ? "yours" : "joined as partner",
      thread: row.thread,
      from: row.authorId === userId ? "you" : "counseling team",
      text: openSealed(
        row.text,
        sealedField.counselingMessage(row.referral.userId, row.referral.id, row.id),
      ),
      sentAt: row.createdAt.toISOString(),
    })),
    openedBy: accessLog.map((row) => ({ name: row.name, openedAt: row.openedAt.toISOString() })),
    team: team && {
      role: team.role,
      displayName: team.displayName,
      addedAt: team.addedAt.toISOString(),
      removedAt: team.removedAt?.toISOString() ?? null,
      roleChanges: roleChanges.map((change) => ({
        action: change.action,
        role: change.role,
        previousRole: change.previousRole,
        by: change.operator,
        at: change.createdAt.toISOString(),
      })),
    },
  };
}

function exportReferral(referral: ExportedReferralRow) {
  const userId = referral.userId;
  return {
    screenOutcome: referral.screenOutcome,
    screenedAt: referral.screenedAt.toISOString(),
    format: referral.format,
    focuses: referral.focuses,
    preferredTimes: referral.preferredTimes,
    contactMethod: referral.contactMethod,
    phone: openSealed(referral.phone, sealedField.referralPhone(userId, referral.id)),
    safeToLeaveMessage: referral.safeToLeaveMessage,
    note: openSealed(referral.note, sealedField.referralNote(userId, referral.id)),
    shareFocuses: referral.shareFocuses,
    shareNote: referral.shareNote,
    intakeSubmittedAt: referral.intakeSubmittedAt?.toISOString() ?? null,
    partnerLinkedAt: referral.partnerId ? (referral.partnerLinkedAt?.toISOString() ?? null) : null,
    state: referral.state,
    claimedAt: referral.claimedAt?.toISOString() ?? null,
    closedAt: referral.closedAt?.toISOString() ?? null,
    closeOutcome: referral.closeOutcome,
    closeResources: openSealed(
      referral.closeResources,
      sealedField.referralCloseResources(userId, referral.id),
    ),
    textErasedAt: referral.textErasedAt?.toISOString() ?? null,
    firstSession: referral.sessions[0] ? exportSession(referral, referral.sessions[0]) : null,
    earlierMissedSessions: referral.sessions
      .slice(1)
      .map((session) => exportSession(referral, session)),
  };
}

/**
 * A booked, held or missed first session: when (UTC), how long, how to join
 * and how it stands. The join detail only while it is booked, as on the page.
 */
function exportSession(
  referral: ExportedReferralRow,
  session: ExportedReferralRow["sessions"][number],
) {
  const offer = session.offeredTime;
  return {
    startsAt: session.startsAt.toISOString(),
    lengthMinutes: session.lengthMinutes,
    joinKind: offer?.joinKind ?? null,
    joinDetail:
      session.state === "booked" && offer
        ? openSealed(
            offer.joinDetail,
            sealedField.offeredTimeJoinDetail(referral.userId, referral.id, offer.id),
          )
        : null,
    state: session.state,
    bookedAt: session.bookedAt.toISOString(),
    markedAt: session.markedAt?.toISOString() ?? null,
  };
}
