import "server-only";
import { deleteExpiredRateLimits } from "@/lib/data/rate-limits";
import type { JobDefinition } from "@/lib/jobs/job-definition";

// A rate-limit window that has ended counts for nothing; its row only takes room.
export const deleteExpiredRateLimitsJob: JobDefinition = {
  name: "delete-expired-rate-limits",
  schedule: { everyMs: 60 * 60_000 },
  run: () => deleteExpiredRateLimits(),
};
