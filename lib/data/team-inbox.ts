import "server-only";
import { db, type Prisma } from "@/lib/db";
import { INBOX_PAGE_SIZE, type InboxFilter } from "@/lib/counseling/team";
import { readTeamRoster } from "@/lib/data/team-members";
import {
  holderNamesFrom,
  sharedReferralSelect,
  teamScope,
  toSharedReferral,
  type SharedReferral,
} from "@/lib/data/team-referral-view";

// The team's inbox: referrals with a submitted intake, newest first, one
// filter at a time, in pages of INBOX_PAGE_SIZE with a keyset cursor (the
// submission time and id of the last row), so page 400 costs what page 1 does.
// A caller who is not an active team member gets null: the page answers 404.

export type InboxPage = {
  items: SharedReferral[];
  nextCursor: string | null;
  /** The viewer's own time zone, for the dates the page shows. */
  timeZone: string;
};

function filterWhere(filter: InboxFilter, userId: string): Prisma.CounselingReferralWhereInput {
  switch (filter) {
    case "new":
      return { state: "NEW" };
    case "mine":
      return { state: "CLAIMED", claimedById: userId };
    case "others":
      return { state: "CLAIMED", claimedById: { not: userId } };
    case "closed":
      return { state: "CLOSED" };
  }
}

export function encodeInboxCursor(submittedAt: Date, id: string): string {
  return Buffer.from(`${submittedAt.getTime()}.${id}`, "utf8").toString("base64url");
}

function decodeInboxCursor(cursor: string | undefined) {
  if (!cursor) return null;
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  const match = /^(\d{1,15})\.([A-Za-z0-9_-]{1,64})$/.exec(text);
  return match ? { submittedAt: new Date(Number(match[1])), id: match[2]! } : null;
}

export async function listTeamInbox({
  userId,
  filter,
  cursor,
}: {
  userId: string;
  filter: InboxFilter;
  cursor?: string;
}): Promise<InboxPage | null> {
  const { viewer: member, members } = await readTeamRoster({ viewerId: userId });
  if (!member) return null;
  const after = decodeInboxCursor(cursor);
  const rows = await db.counselingReferral.findMany({
    where: {
      AND: [
        teamScope(member),
        filterWhere(filter, userId),
        after
          ? {
              OR: [
                { intakeSubmittedAt: { lt: after.submittedAt } },
                { intakeSubmittedAt: after.submittedAt, id: { lt: after.id } },
              ],
            }
          : {},
      ],
    },
    orderBy: [{ intakeSubmittedAt: "desc" }, { id: "desc" }],
    take: INBOX_PAGE_SIZE + 1,
    select: sharedReferralSelect,
  });
  const page = rows.slice(0, INBOX_PAGE_SIZE);
  const last = page.at(-1);
  const names = await holderNamesFrom(page, members);
  return {
    items: page.map((row) => toSharedReferral(row, userId, names)),
    nextCursor:
      rows.length > INBOX_PAGE_SIZE && last?.intakeSubmittedAt
        ? encodeInboxCursor(last.intakeSubmittedAt, last.id)
        : null,
    timeZone: member.timeZone,
  };
}
