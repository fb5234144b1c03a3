// One "instance" of bench:reminders: the job runner with the reminder
// scheduler only (lib/jobs/definitions/queue-due-reminders.ts), as a web
// server or `npm run worker` runs it, against the bench database in
// DATABASE_URL. It runs until its parent stops it (SIGTERM), or its parent goes.
export {};

const { startJobRunner } = await import("@/lib/jobs/runner");
const { queueDueRemindersJob } = await import("@/lib/jobs/definitions/queue-due-reminders");
const { disconnectDatabase } = await import("@/lib/db");

const runner = startJobRunner({ jobs: [queueDueRemindersJob], tickMs: 250 });
process.send?.({ ready: true });
await new Promise<void>((resolve) => {
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => resolve());
  process.once("disconnect", () => resolve());
});
await runner.stop();
await disconnectDatabase();
process.exit(0);
