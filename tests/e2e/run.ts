// `npm run test:e2e`: builds the production server once, then runs the
// Playwright suite against the embedded database and, when TEST_DATABASE_URL
// is set, against a fresh PostgreSQL database at the same time.
//
// The two passes run side by side (docs/testing.md, "Running everything"):
// each is one browser and one server that mostly wait, so together they take
// little longer than one, and CI stays inside its hour as the suite grows.
// They share nothing but the build: the PostgreSQL pass answers on its own
// ports (E2E_PORT + 100 and the ports after it), writes its own
// test-results folder, and uses its own database. Both run to the end; any
// failure fails the run.
//
// A stop (Ctrl-C, tests/run-all.ts ending its lanes, CI's kill) must end every
// server and browser too. Playwright stops its web server only when it is
// interrupted (SIGINT); a SIGTERM ends it at once and leaves the server, in a
// process group of its own, running. So each pass runs in its own group that
// a signal to ours does not reach, and a stop interrupts each pass, waits for
// it to clean up, then kills whatever is left.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { report, reportProblem } from "../support/report";
import { createPostgresDatabase } from "../support/test-database";
import { ensureChromium } from "./support/chromium";

function runOrExit(command: string, args: string[], env: Record<string, string> = {}): void {
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

ensureChromium();
// Prerendered pages bake APP_URL in (canonical links, sitemap), so the build
// gets the origin of the first pass's server (see playwright.config.ts). The
// second pass's server runs the same build on other ports: the specs that
// read baked-in links compare them with E2E_BUILD_ORIGIN.
const port = Number(process.env.E2E_PORT ?? 3210);
const buildOrigin = `http://localhost:${port}`;
runOrExit(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
  NODE_ENV: "production",
  APP_URL: buildOrigin,
  NEXT_TELEMETRY_DISABLED: "1",
});

const playwright = ["node_modules/@playwright/test/cli.js", "test", ...process.argv.slice(2)];

const running = new Set<ChildProcess>();

function signalPasses(signal: NodeJS.Signals): void {
  for (const child of running) {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // Already gone.
    }
  }
}

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    process.exitCode = 1;
    signalPasses("SIGINT");
    setTimeout(() => signalPasses("SIGKILL"), 20_000).unref();
  });
}
process.on("exit", () => signalPasses("SIGKILL"));

/** One Playwright pass, its lines prefixed with its database's name. */
function pass(name: string, env: Record<string, string | undefined>): Promise<number> {
  report(`== e2e on ${name} (E2E_PORT ${env.E2E_PORT})`);
  const child = spawn(process.execPath, playwright, {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, E2E_BUILD_ORIGIN: buildOrigin, ...env },
    detached: true,
  });
  running.add(child);
  createInterface({ input: child.stdout! }).on("line", (line) => report(`[${name}] ${line}`));
  createInterface({ input: child.stderr! }).on("line", (line) =>
    reportProblem(`[${name}] ${line}`),
  );
  return new Promise((resolve) => {
    child.on("close", (code, signal) => {
      running.delete(child);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

const database = process.env.TEST_DATABASE_URL
  ? await createPostgresDatabase("heartwork_e2e")
  : null;
try {
  const passes: Array<[string, Promise<number>]> = [
    [
      "pglite",
      pass("pglite", {
        E2E_DATABASE: "pglite",
        E2E_PORT: String(port),
        // With both passes, the specs that never reach a database run once, in the
        // PostgreSQL pass, the shorter of the two (playwright.config.ts).
        ...(database ? { E2E_SKIP_DATABASE_FREE: "1" } : {}),
      }),
    ],
  ];
  if (database) {
    passes.push([
      "postgres",
      pass("postgres", {
        E2E_DATABASE: "postgres",
        E2E_DATABASE_URL: database.url,
        E2E_PORT: String(port + 100),
      }),
    ]);
  }
  const codes = await Promise.all(passes.map(([, running]) => running));
  passes.forEach(([name], i) =>
    report(`== e2e on ${name}: ${codes[i] === 0 ? "passed" : "FAILED"}`),
  );
  process.exitCode = stopping || codes.some((code) => code !== 0) ? 1 : 0;
} finally {
  await database?.drop();
}
