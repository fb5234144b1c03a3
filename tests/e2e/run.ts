// `npm run test:e2e`: builds the production server once, then runs the
// Playwright suite against the embedded database, and again against a fresh
// PostgreSQL database when TEST_DATABASE_URL is set.
import { spawnSync } from "node:child_process";
import { createPostgresDatabase } from "../support/test-database";
import { ensureChromium } from "./support/chromium";

function run(command: string, args: string[], env: Record<string, string> = {}): void {
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

ensureChromium();
// Prerendered pages bake APP_URL in (canonical links, sitemap), so the build
// gets the same origin the server will answer on (see playwright.config.ts).
const appUrl = `http://localhost:${process.env.E2E_PORT ?? 3210}`;
run(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
  NODE_ENV: "production",
  APP_URL: appUrl,
  NEXT_TELEMETRY_DISABLED: "1",
});

const extraArgs = process.argv.slice(2);
const playwright = ["node_modules/@playwright/test/cli.js", "test", ...extraArgs];

process.stdout.write("\n== e2e on the embedded database (PGlite)\n");
run(process.execPath, playwright, { E2E_DATABASE: "pglite" });

if (process.env.TEST_DATABASE_URL) {
  process.stdout.write("\n== e2e on PostgreSQL\n");
  const database = await createPostgresDatabase("heartwork_e2e");
  try {
    const result = spawnSync(process.execPath, playwright, {
      stdio: "inherit",
      env: { ...process.env, E2E_DATABASE: "postgres", E2E_DATABASE_URL: database.url },
    });
    if (result.status !== 0) process.exitCode = result.status ?? 1;
  } finally {
    await database.drop();
  }
}
