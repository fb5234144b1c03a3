import { afterEach, describe, expect, it } from "vitest";
import { JOBS } from "@/lib/jobs";
import type { JobDefinition } from "@/lib/jobs/job-definition";
import { startJobRunner, type JobRunner } from "@/lib/jobs/runner";
import { waitFor } from "@/tests/support/wait-for";

const runners: JobRunner[] = [];
afterEach(async () => {
  while (runners.length) await runners.pop()!.stop();
});

function countingJob(name: string, everyMs: number, fail = false) {
  const job = {
    runs: 0,
    definition: {
      name,
      schedule: { everyMs },
      run: async () => {
        job.runs++;
        if (fail) throw new Error("the database is away");
        return 0;
      },
    } satisfies JobDefinition,
  };
  return job;
}

describe(startJobRunner, () => {
  it("runs each job at start and then on its own schedule", async () => {
    const often = countingJob("often", 50);
    const rarely = countingJob("rarely", 60_000);
    runners.push(startJobRunner({ jobs: [often.definition, rarely.definition], tickMs: 10 }));
    await waitFor(async () => often.runs >= 4, { what: "four runs of the frequent job" });
    expect(rarely.runs).toBe(1);
  });

  it("keeps running the other jobs, and retries a failing one at its next turn", async () => {
    const failing = countingJob("failing", 30, true);
    const healthy = countingJob("healthy", 30);
    runners.push(startJobRunner({ jobs: [failing.definition, healthy.definition], tickMs: 10 }));
    await waitFor(async () => failing.runs >= 3 && healthy.runs >= 3, { what: "three rounds" });
  });

  it("runs nothing more once stopped", async () => {
    const job = countingJob("stopping", 10);
    const runner = startJobRunner({ jobs: [job.definition], tickMs: 5 });
    await waitFor(async () => job.runs >= 1, { what: "a first run" });
    await runner.stop();
    const runs = job.runs;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(job.runs).toBe(runs);
  });
});

describe("the job list", () => {
  it("names every job once, in kebab-case, with a schedule", () => {
    const names = JOBS.map((job) => job.name);
    expect(new Set(names).size).toBe(names.length);
    for (const job of JOBS) {
      expect(job.name).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(job.schedule.everyMs).toBeGreaterThan(0);
    }
    expect(names).toEqual(
      expect.arrayContaining(["expire-partner-invitations", "delete-expired-rate-limits"]),
    );
  });
});
