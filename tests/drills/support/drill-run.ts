// What every drill needs: printed checks that decide the exit code, cleanups
// that run on success, failure, Ctrl-C and a time limit alike, and CPU time
// per process (to explain figures on a shared 2-core machine).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startInstance, waitFor, type Instance } from "../../support/cluster";
import { MissingPrerequisiteError } from "../../support/owned-process";
import { report, reportProblem } from "../../support/report";
import { startSmtpCatcher } from "../../support/smtp-catcher";
import { freshServerSecrets } from "../../support/server-secrets";
import { createPostgresDatabase } from "../../support/test-database";

type Cleanup = { label: string; run: () => Promise<unknown> | unknown };

const cleanups: Cleanup[] = [];
let failures = 0;
let checks = 0;
let cleaning: Promise<void> | undefined;

/** Registers a cleanup; they run last-registered first. */
export function onCleanup(label: string, run: Cleanup["run"]): void {
  cleanups.push({ label, run });
}

export function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    // pop(), not a snapshot: something that finished starting while we clean
    // (an interrupted start) registers late and is still stopped.
    for (let next = cleanups.pop(); next; next = cleanups.pop()) {
      const { label, run } = next;
      try {
        await Promise.race([
          run(),
          new Promise((_, reject) =>
            setTimeout(() => reject(new Error("timed out")), 15_000).unref(),
          ),
        ]);
      } catch (error) {
        reportProblem(`cleanup "${label}" failed: ${(error as Error).message}`);
      }
    }
  })();
  return cleaning;
}

/** Prints one check with its figures; a failed check makes the drill exit non-zero. */
export function check(name: string, ok: boolean, figures: string): boolean {
  checks++;
  if (!ok) failures++;
  report(`${ok ? "PASS" : "FAIL"} ${name}: ${figures}`);
  return ok;
}

export function failedChecks(): number {
  return failures;
}

/**
 * Runs `main` with cleanups on every way out: normal end, exception, SIGINT/SIGTERM,
 * or `limitMs` passing. Exit code: 0 when every check passed.
 */
export async function runDrill(name: string, limitMs: number, main: () => Promise<void>) {
  const stop = (code: number, why: string) => {
    reportProblem(`\n${name}: ${why}; cleaning up...`);
    void cleanUp().then(() => process.exit(code));
  };
  // A stray rejection must not end the process before the cleanups ran.
  process.on("unhandledRejection", (reason) => {
    failures++;
    reportProblem(`FAIL ${name}: unhandled rejection: ${(reason as Error)?.stack ?? reason}`);
  });
  process.on("uncaughtException", (error) => {
    failures++;
    stop(1, `uncaught exception: ${error.stack ?? error}`);
  });
  process.once("SIGINT", () => stop(130, "interrupted"));
  process.once("SIGTERM", () => stop(143, "terminated"));
  const timer = setTimeout(() => stop(1, `took longer than ${limitMs / 1000} s`), limitMs);
  const started = Date.now();
  try {
    await main();
  } catch (error) {
    failures++;
    reportProblem(
      error instanceof MissingPrerequisiteError
        ? `FAIL ${name} cannot run: ${error.message}`
        : `FAIL ${name} stopped: ${(error as Error).stack ?? error}`,
    );
  } finally {
    clearTimeout(timer);
    await cleanUp();
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  report(
    failures === 0
      ? `${name}: ${checks > 0 ? `all ${checks} checks passed` : "done"} in ${seconds} s`
      : `${name}: ${failures} check(s) FAILED (${seconds} s)`,
  );
  process.exit(failures === 0 ? 0 : 1);
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** User+system CPU seconds a process (and its reaped children) used, from /proc. */
export function cpuSeconds(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // After the command: state(0) ... utime(11) stime(12) cutime(13) cstime(14)
    const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
    return ticks / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** Process ids of `pid`'s children (nginx workers, say). */
export function childPids(pid: number | undefined): number[] {
  if (!pid) return [];
  try {
    return fs
      .readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8")
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

export const cores = os.cpus().length;

/**
 * Starts `next start` instances in parallel, each stopped at cleanup (SIGTERM,
 * SIGKILL after 10 s) even when another one failed to start.
 */
export async function startInstances(
  ports: number[],
  env: Record<string, string>,
): Promise<Instance[]> {
  const started = await Promise.allSettled(
    ports.map(async (port) => {
      const instance = await startInstance({
        port,
        env: { ...env, PORT: String(port) },
        waitUntilReady: false,
      });
      // Registered before it is ready, so Ctrl-C during a slow start stops it too.
      onCleanup(`stop instance ${port}`, async () => {
        const timer = setTimeout(() => void instance.stop("SIGKILL"), 10_000);
        await instance.stop("SIGTERM");
        clearTimeout(timer);
      });
      try {
        await waitFor(`${instance.url}/api/health/ready`, { timeoutMs: 90_000 });
      } catch (error) {
        throw new Error(
          `instance on ${port} did not become ready: ${(error as Error).message}\n${instance.output()}`,
        );
      }
      return instance;
    }),
  );
  const failed = started.find((result) => result.status === "rejected");
  if (failed) throw (failed as PromiseRejectedResult).reason;
  return started.map((result) => (result as PromiseFulfilledResult<Instance>).value);
}

/**
 * A fresh, migrated PostgreSQL database, a data folder and an SMTP catcher,
 * all cleaned up at the end; and the settings the instances share, also put in
 * this process's environment (before lib/env loads) because the drill reads
 * and writes the same database through lib/ (queueing mail, reading counters).
 */
export async function prepareRun({
  name,
  appUrl,
  smtpPort,
}: {
  name: "drill" | "bench";
  appUrl: string;
  smtpPort: number;
}) {
  const database = await createPostgresDatabase(`heartwork_${name}`);
  onCleanup("drop the database", () => database.drop());
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `heartwork-${name}-`));
  onCleanup("remove the data folder", () => fs.rmSync(dataDir, { recursive: true, force: true }));
  const smtp = await startSmtpCatcher({ port: smtpPort });
  onCleanup("stop the SMTP server", () => smtp.close());

  const secrets = {
    DATABASE_URL: database.url!,
    APP_URL: appUrl,
    ...freshServerSecrets(),
    LOG_LEVEL: "warn",
  };
  Object.assign(process.env, secrets);
  const { withSqlExecutor } = await import("@/lib/db/connection");
  const { migrate } = await import("@/lib/db/migrate");
  const { db, disconnectDatabase } = await import("@/lib/db");
  onCleanup("close this process's pool", () => disconnectDatabase());
  await withSqlExecutor((sql) => migrate(sql));
  return { database, dataDir, smtp, secrets, db };
}
