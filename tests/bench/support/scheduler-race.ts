import { fork } from "node:child_process";
import type pg from "pg";
import { onCleanup } from "../../drills/support/drill-run";
import { report } from "../../support/report";

// The reminder benchmarks' race: two scheduler instances (separate processes,
// tests/bench/support/scheduler-instance.ts) against one database, then a
// watch on the outbox until every email that falls due at one minute is queued.

/** Starts two instances of `scheduler`; each is stopped by the bench's cleanup on any exit. */
export async function startTwoSchedulers(
  scheduler: "reminders" | "session-reminders",
  env: Record<string, string> = {},
): Promise<void> {
  const instances = [0, 1].map(() => {
    const child = fork("tests/bench/support/scheduler-instance.ts", [scheduler], {
      execArgv: ["--import", "tsx", "--conditions=react-server"],
      env: { ...process.env, ...env },
    });
    onCleanup("stop an instance", () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      return exited;
    });
    return new Promise<void>((resolve) => child.once("message", () => resolve()));
  });
  await Promise.all(instances);
}

/**
 * Waits for `dueAt`, then counts `template` rows in the outbox until `expected`
 * are there or `boundMs` (+5 s) has passed; then lets anything in flight land.
 * Returns the last count and how long after `dueAt` all were queued (null: never).
 */
export async function watchQueueing(
  client: pg.Client,
  {
    template,
    expected,
    dueAt,
    boundMs,
  }: { template: string; expected: number; dueAt: Date; boundMs: number },
): Promise<{ queued: number; allQueuedMs: number | null }> {
  report(`Two scheduler instances running; waiting for ${dueAt.toISOString()}...`);
  const countQueued = async () =>
    Number(
      (
        await client.query<{ n: string }>(
          `SELECT COUNT(*) AS n FROM "OutboxMessage" WHERE "template" = $1`,
          [template],
        )
      ).rows[0]!.n,
    );
  while (Date.now() < dueAt.getTime()) await new Promise((r) => setTimeout(r, 200));
  let queued = 0;
  let allQueuedMs: number | null = null;
  while (Date.now() - dueAt.getTime() < boundMs + 5_000) {
    queued = await countQueued();
    if (queued >= expected) {
      allQueuedMs = Date.now() - dueAt.getTime();
      break;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  // Let anything still in flight land before counting duplicates.
  await new Promise((r) => setTimeout(r, 3_000));
  return { queued, allQueuedMs };
}
