// One "instance" of bench:booking: the job runner with the session reminder
// scheduler only (lib/jobs/definitions/queue-due-session-reminders.ts), as a
// web server or `npm run worker` runs it, against the bench database in
// DATABASE_URL. It runs until its parent stops it (SIGTERM), or its parent goes.
export {};

const { startJobRunner } = await import("@/lib/jobs/runner");
const { queueDueSessionRemindersJob } =
  await import("@/lib/jobs/definitions/queue-due-session-reminders");
const { disconnectDatabase } = await import("@/lib/db");

const runner = startJobRunner({ jobs: [queueDueSessionRemindersJob], tickMs: 250 });
process.send?.({ ready: true });
await new Promise<void>((resolve) => {
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => resolve());
  process.once("disconnect", () => resolve());
});
await runner.stop();
await disconnectDatabase();
process.exit(0);
