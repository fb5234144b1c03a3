import "server-only";
import { runDueSessionReminders } from "@/lib/data/session-reminders";
import type { JobDefinition } from "@/lib/jobs/job-definition";

// Reminders 24 hours and 1 hour before a booked session
// (lib/data/session-reminders.ts): every 10 seconds. With nothing due a run is
// one indexed SELECT that finds nothing. Safe on several instances: sessions
// are claimed FOR UPDATE SKIP LOCKED and each email's dedupe key is its
// session, SEQUENCE, reminder and recipient.
export const queueDueSessionRemindersJob: JobDefinition = {
  name: "queue-due-session-reminders",
  schedule: { everyMs: 10_000 },
  run: () => runDueSessionReminders(),
};
