import "server-only";
import { runDueReminders } from "@/lib/data/reminders";
import type { JobDefinition } from "@/lib/jobs/job-definition";

// Opt-in reminders (lib/data/reminders.ts): every 10 seconds, so a reminder is
// queued within seconds of its minute. With nobody due a run is one indexed
// UPDATE that finds nothing, however many people have reminders on. Safe on
// several instances: rows are claimed with SKIP LOCKED and each email's dedupe
// key is its reminder and local day.
export const queueDueRemindersJob: JobDefinition = {
  name: "queue-due-reminders",
  schedule: { everyMs: 10_000 },
  run: () => runDueReminders(),
};
