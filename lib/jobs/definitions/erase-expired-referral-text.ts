import "server-only";
import { eraseExpiredReferralText } from "@/lib/data/referral-retention";
import type { JobDefinition } from "@/lib/jobs/job-definition";

// The published retention schedule (SECURITY.md 30): a closed referral's free
// text (note, phone, closing resources, messages) is erased once its retention
// period has passed. Hourly: the schedule is counted in days.
export const eraseExpiredReferralTextJob: JobDefinition = {
  name: "erase-expired-referral-text",
  schedule: { everyMs: 60 * 60_000 },
  run: () => eraseExpiredReferralText(),
};
