// `npm test`: every suite, in two lanes side by side, so the whole stays well
// inside CI's hour as the suites grow (docs/testing.md, "Running everything").
//
//   checks: lint → typecheck → format → unit → integration (both databases)
//   e2e:    build → Playwright on PGlite and on PostgreSQL, side by side
//
// The e2e lane mostly waits (on the browser, the server, the mail), and its
// timeouts are real-time, so it keeps normal CPU priority; the checks lane
// runs under `nice` and fills the idle time without slowing the browser's
// pages. Each line is prefixed with its lane; both lanes run to the end so
// one run shows every failure; any failure fails the run. Ctrl-C or a kill
// stops both lanes and everything they started.
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { report, reportProblem } from "./support/report";

type Lane = { name: string; nice: boolean; steps: string[] };

const lanes: Lane[] = [
  {
    name: "checks",
    nice: true,
    steps: ["lint", "typecheck", "format:check", "test:unit", "test:integration"],
  },
  { name: "e2e", nice: false, steps: ["test:e2e"] },
];

const running = new Set<ChildProcess>();

function runStep(lane: Lane, script: string): Promise<number> {
  const npm = ["npm", "run", "--silent", script];
  const [command, ...args] = lane.nice ? ["nice", "-n", "10", ...npm] : npm;
  // Its own process group, so a stop reaches the servers and browsers it starts.
  const child = spawn(command!, args, { stdio: ["ignore", "pipe", "pipe"], detached: true });
  running.add(child);
  const prefix = `[${lane.name}] `;
  createInterface({ input: child.stdout! }).on("line", (line) => report(prefix + line));
  createInterface({ input: child.stderr! }).on("line", (line) => reportProblem(prefix + line));
  return new Promise((resolve) => {
    child.on("close", (code, signal) => {
      running.delete(child);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

async function runLane(lane: Lane): Promise<{ lane: string; failed: string | null; s: number }> {
  const started = Date.now();
  for (const script of lane.steps) {
    report(`[${lane.name}] == npm run ${script}`);
    const stepStarted = Date.now();
    const code = await runStep(lane, script);
    const took = Math.round((Date.now() - stepStarted) / 1000);
    report(`[${lane.name}] == npm run ${script}: ${code === 0 ? "passed" : "FAILED"} in ${took}s`);
    if (code !== 0) return { lane: lane.name, failed: script, s: seconds(started) };
  }
  return { lane: lane.name, failed: null, s: seconds(started) };
}

function seconds(since: number): number {
  return Math.round((Date.now() - since) / 1000);
}

function stopAll(signal: NodeJS.Signals): void {
  for (const child of running) {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // Already gone.
    }
  }
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    stopAll("SIGTERM");
    setTimeout(() => {
      stopAll("SIGKILL");
      process.exit(1);
    }, 30_000).unref(); // the e2e passes take a few seconds to stop their servers (tests/e2e/run.ts)
  });
}
process.on("exit", () => stopAll("SIGKILL"));

const results = await Promise.all(lanes.map(runLane));
report("");
for (const result of results) {
  report(
    `== lane ${result.lane}: ${result.failed ? `FAILED at ${result.failed}` : "passed"} (${result.s}s)`,
  );
}
process.exitCode = results.some((r) => r.failed) ? 1 : 0;
