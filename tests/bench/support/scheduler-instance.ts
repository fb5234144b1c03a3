// One "instance" for the reminder benchmarks: the job runner with one
// scheduler job only, as a web server or `npm run worker` runs it, against the
// bench database in DATABASE_URL. The job is named by the first argument
// (tests/bench/support/scheduler-race.ts starts it). It runs until its parent
// stops it (SIGTERM), or its parent goes.
export {};

const SCHEDULERS = {
  reminders: async () =>
    (await import("@/lib/jobs/definitions/queue-due-reminders")).queueDueRemindersJob,
  "session-reminders": async () =>
    (await import("@/lib/jobs/definitions/queue-due-session-reminders"))
      .queueDueSessionRemindersJob,
};

const name = process.argv[2] as keyof typeof SCHEDULERS;
if (!(name in SCHEDULERS)) throw new Error(`unknown scheduler: ${process.argv[2]}`);
const job = await SCHEDULERS[name]();
const { startJobRunner } = await import("@/lib/jobs/runner");
const { disconnectDatabase } = await import("@/lib/db");

const runner = startJobRunner({ jobs: [job], tickMs: 250 });
process.send?.({ ready: true });
await new Promise<void>((resolve) => {
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => resolve());
  process.once("disconnect", () => resolve());
});
await runner.stop();
await disconnectDatabase();
process.exit(0);
