// `npm run worker`: the email delivery worker and the periodic jobs (lib/jobs)
// on their own, for deployments that run them apart from the web server (set
// EMAIL_WORKER=false on the web servers).
// With the embedded database only one process may open the data folder, so
// this is for PostgreSQL, or for PGlite while the server is stopped.
import { runCli } from "@/lib/cli/run-cli";

runCli(async () => {
  const { connectOrExplain } = await import("@/lib/db/reachability");
  const { withSqlExecutor } = await import("@/lib/db/connection");
  const { migrate } = await import("@/lib/db/migrate");
  const { startEmailWorker } = await import("@/lib/email/worker");
  const { startJobRunner } = await import("@/lib/jobs/runner");
  const { disconnectDatabase } = await import("@/lib/db");
  const { logger } = await import("@/lib/logger");
  await connectOrExplain();
  await withSqlExecutor((sql) => migrate(sql));
  const worker = startEmailWorker();
  const jobs = startJobRunner();
  logger.info({ event: "email.worker_started", workerId: worker.id }, "email worker running");
  await new Promise<void>((resolve) => {
    for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => resolve());
  });
  await Promise.all([worker.stop(), jobs.stop()]);
  await disconnectDatabase();
});
