import { deleteExpiredRateLimitsJob } from "@/lib/jobs/definitions/delete-expired-rate-limits";
import { eraseExpiredReferralTextJob } from "@/lib/jobs/definitions/erase-expired-referral-text";
import { expirePartnerInvitationsJob } from "@/lib/jobs/definitions/expire-partner-invitations";
import { purgeExpiredRemovalsJob } from "@/lib/jobs/definitions/purge-expired-removals";
import { purgeFinishedOutboxMessagesJob } from "@/lib/jobs/definitions/purge-finished-outbox-messages";
import { purgeOldDevMailboxMessagesJob } from "@/lib/jobs/definitions/purge-old-dev-mailbox-messages";
import { queueDueRemindersJob } from "@/lib/jobs/definitions/queue-due-reminders";
import { queueDueSessionRemindersJob } from "@/lib/jobs/definitions/queue-due-session-reminders";
import type { JobDefinition } from "@/lib/jobs/job-definition";

// Every periodic job. To add one: write lib/jobs/definitions/<name>.ts and list
// it here; the job runner (lib/jobs/runner.ts) picks it up.
export const JOBS: readonly JobDefinition[] = [
  expirePartnerInvitationsJob,
  purgeFinishedOutboxMessagesJob,
  purgeOldDevMailboxMessagesJob,
  deleteExpiredRateLimitsJob,
  eraseExpiredReferralTextJob,
  queueDueRemindersJob,
  queueDueSessionRemindersJob,
  purgeExpiredRemovalsJob,
];
