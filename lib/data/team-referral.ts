import "server-only";
import { db } from "@/lib/db";
import { openSealed, sealedField } from "@/lib/counseling/sealed-fields";
import { threadsFor, type MessageThread } from "@/lib/counseling/team";
import { readAuthorizedThread, type ThreadMessage } from "@/lib/data/counseling-messages";
import { readTeamRoster } from "@/lib/data/team-members";
import {
  holderNamesFrom,
  sharedReferralSelect,
  teamScope,
  toSharedReferral,
  type SharedReferral,
} from "@/lib/data/team-referral-view";

// One referral as a team member opens it, with one of its threads: what the
// referral's page shows, in four statements: the active team (the caller's
// membership, time zone and everyone's names), the referral, the record of
// the opening, the thread. Every opening is recorded
// before anything is returned (docs/SECURITY.md 28): if the record cannot be
// written, the caller gets an error, never the referral. Null means "not
// found": no such referral, not one this member may see, or a caller who is
// not (or no longer) a team member.

export type TeamReferral = SharedReferral & {
  closeOutcome: string | null;
  closeResources: string | null;
  textErasedAt: Date | null;
  /** The threads that exist on this referral (the team sees each of them). */
  threads: MessageThread[];
  /** The requested thread's newest messages, oldest first ([] when the referral has no such thread). */
  thread: { name: MessageThread; messages: ThreadMessage[] };
  /** For a coordinator: the active members it may be handed to (never its person or partner); else []. */
  assignable: { userId: string; name: string }[];
  /** The viewer's own time zone, for the times the page shows. */
  timeZone: string;
};

export async function openTeamReferral({
  userId,
  referralId,
  thread = "PERSON",
}: {
  userId: string;
  referralId: string;
  thread?: MessageThread;
}): Promise<TeamReferral | null> {
  const { viewer: member, members } = await readTeamRoster({ viewerId: userId });
  if (!member) return null;
  const row = await db.counselingReferral.findFirst({
    where: { AND: [{ id: referralId }, teamScope(member)] },
    select: {
      ...sharedReferralSelect,
      closeOutcome: true,
      closeResources: true,
      textErasedAt: true,
    },
  });
  if (!row) return null;
  await db.referralAccess.create({ data: { referralId: row.id, viewerId: userId } });
  const threads = threadsFor("team", row);
  const [names, messages] = await Promise.all([
    holderNamesFrom([row], members),
    threads.includes(thread) ? readAuthorizedThread({ userId, referral: row, thread }) : [],
  ]);
  return {
    ...toSharedReferral(row, userId, names),
    closeOutcome: row.closeOutcome,
    closeResources: openSealed(
      row.closeResources,
      sealedField.referralCloseResources(row.userId, row.id),
    ),
    textErasedAt: row.textErasedAt,
    threads,
    thread: { name: thread, messages },
    assignable: (member.role === "coordinator" ? members : [])
      .filter((other) => other.userId !== row.userId && other.userId !== row.partnerId)
      .map((other) => ({ userId: other.userId, name: other.displayName ?? "A team member" })),
    timeZone: member.timeZone,
  };
}
