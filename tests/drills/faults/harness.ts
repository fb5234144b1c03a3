import { report as printLine } from "../../support/report";
// The drills' bookkeeping: each check is printed as it is made (with its
// numbers), each drill runs under a time bound, and whatever a drill started
// is stopped when it ends, however it ends.

export type CheckResult = { drill: string; what: string; ok: boolean; detail: string };

export class Report {
  readonly results: CheckResult[] = [];
  drill = "";

  check(what: string, ok: boolean, detail = ""): boolean {
    this.results.push({ drill: this.drill, what, ok, detail });
    printLine(`  ${ok ? "PASS" : "FAIL"}  ${what}${detail ? ` — ${detail}` : ""}`);
    return ok;
  }

  note(text: string): void {
    printLine(`        ${text}`);
  }

  get failed(): CheckResult[] {
    return this.results.filter((r) => !r.ok);
  }
}

export type DrillContext = {
  report: Report;
  short: boolean;
  /** Registers a cleanup; they run last-in first-out when the drill ends. */
  defer(cleanup: () => Promise<unknown> | unknown): void;
};

export type Drill = {
  name: string;
  /** The time bound of the whole drill, short and full. */
  boundMs: { short: number; full: number };
  run(context: DrillContext): Promise<void>;
};

let pending: (() => Promise<unknown> | unknown)[] = [];

/** Runs the cleanups of the drill under way (on Ctrl-C or SIGTERM to the drill process). */
export async function runPendingCleanups(): Promise<void> {
  const cleanups = pending;
  pending = [];
  for (const cleanup of cleanups.reverse()) {
    try {
      await cleanup();
    } catch {
      // best effort
    }
  }
}

export async function runDrill(drill: Drill, report: Report, short: boolean): Promise<number> {
  report.drill = drill.name;
  printLine(`\n== ${drill.name}`);
  const cleanups: (() => Promise<unknown> | unknown)[] = [];
  pending = cleanups;
  const started = Date.now();
  const bound = short ? drill.boundMs.short : drill.boundMs.full;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      drill.run({ report, short, defer: (cleanup) => cleanups.push(cleanup) }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`the drill did not finish within its bound of ${bound} ms`)),
          bound,
        );
      }),
    ]);
  } catch (error) {
    report.check("the drill ran to the end", false, (error as Error).stack ?? String(error));
  } finally {
    clearTimeout(timer);
    pending = [];
    for (const cleanup of cleanups.reverse()) {
      try {
        // Bounded too: an SMTP server's close() waits for clients' idle connections.
        await Promise.race([cleanup(), sleep(3_000)]);
      } catch (error) {
        printLine(`        (cleanup failed: ${(error as Error).message})`);
      }
    }
  }
  const ms = Date.now() - started;
  printLine(`  (${drill.name}: ${(ms / 1000).toFixed(1)} s)`);
  return ms;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

/** Polls `check` until truthy, or returns null when `timeoutMs` runs out. */
export async function poll<T>(
  check: () => Promise<T> | T,
  { timeoutMs, intervalMs = 100 }: { timeoutMs: number; intervalMs?: number },
): Promise<T | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) return null;
    await sleep(intervalMs);
  }
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
