import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";

/** A bare user row for data-layer tests (no session: those tests call lib/data directly). */
export async function createTestUser(
  label = "user",
): Promise<{ id: string; email: string | null }> {
  const email = `${label}-${randomBytes(4).toString("hex")}@example.test`;
  return db.user.create({ data: { email, name: label }, select: { id: true, email: true } });
}

/** The tracker's tables, each with its owner column: what "no rows left" must cover. */
export const TRACKER_TABLES = [
  "TrackerSettings",
  "CheckIn",
  "Slip",
  "Memory",
  "Goal",
  "Activity",
  "ReachOut",
  "HardDate",
] as const;
