import "server-only";
import { purgeFinishedOutboxMessages } from "@/lib/data/outbox";
import type { JobDefinition } from "@/lib/jobs/job-definition";

// Sent and skipped mail is kept 7 days, failed mail 30, for operators to look at.
export const purgeFinishedOutboxMessagesJob: JobDefinition = {
  name: "purge-finished-outbox-messages",
  schedule: { everyMs: 60 * 60_000 },
  run: () => purgeFinishedOutboxMessages(),
};
