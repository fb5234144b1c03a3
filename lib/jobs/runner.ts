import "server-only";
import { JOBS } from "@/lib/jobs";
import type { JobDefinition } from "@/lib/jobs/job-definition";
import { logger } from "@/lib/logger";
import { wakeableSleep } from "@/lib/time/wakeable-sleep";

// Runs the named jobs on their schedules, one at a time, in the process that
// runs the email worker (the web server, or `npm run worker`). Each job runs
// once at start and then every `schedule.everyMs`; a failure (the database is
// away) is logged and the job tried again at its next turn, never crashing
// the process. Several runners may share one database: every job tolerates it.

export type JobRunnerOptions = {
  jobs?: readonly JobDefinition[];
  /** How often due jobs are looked for. */
  tickMs?: number;
};

export type JobRunner = {
  /** Waits for the job in progress, then runs no more. */
  stop(): Promise<void>;
};

export function startJobRunner({ jobs = JOBS, tickMs = 1_000 }: JobRunnerOptions = {}): JobRunner {
  const nextRunAt = new Map(jobs.map((job) => [job.name, 0]));
  let stopped = false;
  const pause = wakeableSleep();

  const runDue = async () => {
    for (const job of jobs) {
      if (stopped) return;
      if (Date.now() < nextRunAt.get(job.name)!) continue;
      nextRunAt.set(job.name, Date.now() + job.schedule.everyMs);
      try {
        const count = await job.run();
        logger.debug({ event: "job.done", job: job.name, count }, "job done");
      } catch (error) {
        logger.warn(
          { event: "job.failed", job: job.name, err: error },
          "job failed; tried again later",
        );
      }
    }
  };

  const loop = (async () => {
    while (!stopped) {
      await runDue();
      if (!stopped) await pause.sleep(tickMs);
    }
  })();

  return {
    async stop() {
      stopped = true;
      pause.wake();
      await loop;
    },
  };
}

const singleton = globalThis as unknown as { __heartworkJobRunner?: JobRunner };

/** The runner inside the web server: one per process, whatever Next reloads. */
export function startServerJobRunner(): JobRunner {
  return (singleton.__heartworkJobRunner ??= startJobRunner());
}
