import "server-only";
import { purgeOldDevMailboxMessages } from "@/lib/data/dev-mailbox";
import type { JobDefinition } from "@/lib/jobs/job-definition";

// The development mailbox (/dev/mailbox) keeps a week of mail.
export const purgeOldDevMailboxMessagesJob: JobDefinition = {
  name: "purge-old-dev-mailbox-messages",
  schedule: { everyMs: 60 * 60_000 },
  run: () => purgeOldDevMailboxMessages(),
};
