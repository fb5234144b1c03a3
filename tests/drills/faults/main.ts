// `npm run drill:faults [-- --short] [-- --only=a,c] [-- --build]`
//
// Fault drills against production instances (`next start`) on a PostgreSQL
// database of their own (heartwork_drill_*, dropped at the end, also on
// failure or Ctrl-C). Each drill is bounded in time, stops what it started,
// and prints every check with its numbers; the exit code is 1 if any failed.
// --short is the CI version (fewer writes, shorter outages). Uses an existing
// production build in .next (made by `npm run test:e2e` or `next build`);
// builds one if there is none, or with --build. Ports 4200–4299 on loopback.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freshServerSecrets } from "@/tests/support/server-secrets";
import { createPostgresDatabase } from "@/tests/support/test-database";
import { Report, runDrill, runPendingCleanups, type Drill } from "./harness";
import { report as printLine, reportProblem } from "../../support/report";

const args = process.argv.slice(2);
const short = args.includes("--short");
const only = args
  .find((a) => a.startsWith("--only="))
  ?.slice("--only=".length)
  .split(",");

process.env.TEST_DATABASE_URL ??= "postgresql://postgres@127.0.0.1:5432/postgres";

if (args.includes("--build") || !fs.existsSync(".next/BUILD_ID")) {
  printLine("Building the production server (next build)...");
  const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) {
    reportProblem("next build failed");
    process.exit(1);
  }
}

const started = Date.now();
const database = await createPostgresDatabase("heartwork_drill");
let dropped = false;
const dropDatabase = async () => {
  if (dropped) return;
  dropped = true;
  await database.drop();
};
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    reportProblem(`\n${signal}: dropping the drill database and stopping`);
    // Stop what the drill under way started (instances, nginx, proxies), then the database.
    void runPendingCleanups()
      .then(dropDatabase)
      .finally(() => process.exit(130));
  });
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "heartwork-drill-"));
Object.assign(process.env, {
  DATABASE_URL: database.url!,
  ...freshServerSecrets(),
  APP_URL: "http://localhost:4220",
  COUNSELING_INTAKE_EMAIL: "intake@example.com",
  DATA_DIR: dataDir,
  LOG_LEVEL: "silent",
});

const report = new Report();
const timings: { drill: string; ms: number }[] = [];
try {
  const { withSqlExecutor } = await import("@/lib/db/connection");
  const { migrate } = await import("@/lib/db/migrate");
  await withSqlExecutor((sql) => migrate(sql));
  const { drills } = await import("./drills");
  const chosen = drills.filter((d: Drill) => !only || only.includes(d.name.charAt(0)));
  printLine(
    `Fault drills (${short ? "short" : "full"}): ${chosen.map((d) => d.name.charAt(0)).join(", ")} ` +
      `on database ${new URL(database.url!).pathname.slice(1)}`,
  );
  for (const drill of chosen) {
    timings.push({ drill: drill.name, ms: await runDrill(drill, report, short) });
  }
} catch (error) {
  report.drill = "setup";
  report.check("the drills could start", false, (error as Error).stack ?? String(error));
} finally {
  try {
    const { disconnectDatabase } = await import("@/lib/db");
    await disconnectDatabase();
  } catch {
    // never opened
  }
  await dropDatabase();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

const total = Date.now() - started;
printLine("\n== Summary");
for (const { drill, ms } of timings) {
  const checks = report.results.filter((r) => r.drill === drill);
  const failed = checks.filter((r) => !r.ok).length;
  printLine(
    `  ${failed ? "FAIL" : "PASS"}  ${drill}: ${checks.length - failed}/${checks.length} checks, ${(ms / 1000).toFixed(1)} s`,
  );
}
for (const failure of report.failed.filter((r) => r.drill === "setup")) {
  printLine(`  FAIL  ${failure.what}: ${failure.detail}`);
}
printLine(
  `  ${report.results.length - report.failed.length}/${report.results.length} checks passed in ${(total / 1000).toFixed(1)} s; database dropped`,
);
process.exit(report.failed.length > 0 || report.results.length === 0 ? 1 : 0);
