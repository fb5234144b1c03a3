import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

// The published retention schedule (docs/SECURITY.md 30): once a referral has
// been closed for COUNSELING_RETENTION_DAYS, its free text goes: the intake
// note and phone number, the resources given at closing, and every message of
// every thread, and how to join each offered session. What stays is the bare record (dates, state, outcome, focuses,
// the access log) so the person's timeline still tells what happened.
// Run by the email worker's housekeeping; safe to run anywhere, any number of
// times, by several instances at once (each batch is one transaction, and a
// referral already erased is skipped).

const BATCH = 200;
const DAY_MS = 24 * 60 * 60 * 1000;

export async function eraseExpiredReferralText({
  now = new Date(),
  retentionDays = env.COUNSELING_RETENTION_DAYS,
}: { now?: Date; retentionDays?: number } = {}): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
  let erased = 0;
  for (;;) {
    const count = await db.$transaction(async (tx) => {
      const due = await tx.counselingReferral.findMany({
        where: { state: "CLOSED", closedAt: { lte: cutoff }, textErasedAt: null },
        select: { id: true },
        orderBy: { closedAt: "asc" },
        take: BATCH,
      });
      const ids = due.map((row) => row.id);
      if (ids.length === 0) return 0;
      await tx.counselingMessage.deleteMany({ where: { referralId: { in: ids } } });
      // How to join a session (a link, phone or address) is free text too.
      await tx.offeredTime.updateMany({
        where: { referralId: { in: ids }, joinDetail: { not: null } },
        data: { joinDetail: null },
      });
      const { count } = await tx.counselingReferral.updateMany({
        where: { id: { in: ids }, textErasedAt: null },
        data: { note: null, phone: null, closeResources: null, textErasedAt: now },
      });
      return count;
    });
    erased += count;
    if (count < BATCH) break;
  }
  if (erased > 0) {
    logger.info({ event: "counseling.retention_erased", count: erased }, "referral text erased");
  }
  return erased;
}
