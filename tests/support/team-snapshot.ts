import { db } from "@/lib/db";

// Everything the counseling team's functions can change, for "changes nothing"
// assertions: the referral rows, their messages and access log, membership,
// role changes and rate-limit counters.
export async function teamStateSnapshot() {
  return {
    referrals: await db.counselingReferral.findMany({ orderBy: { id: "asc" } }),
    messages: await db.counselingMessage.findMany({ orderBy: { id: "asc" } }),
    accesses: await db.referralAccess.findMany({ orderBy: { id: "asc" } }),
    members: await db.teamMember.findMany({ orderBy: { userId: "asc" } }),
    roleChanges: await db.teamRoleChange.findMany({ orderBy: { id: "asc" } }),
    rateLimits: await db.rateLimit.findMany({ orderBy: { key: "asc" } }),
  };
}
