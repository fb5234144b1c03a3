import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, ensureChromium } from "./tests/e2e/support/chromium";
import { E2E_PORT, E2E_SMTP_PORT } from "./tests/e2e/support/ports";

// The e2e suite runs against the production build (`next build` + `next start`).
// tests/e2e/run.ts builds once and runs this config against PGlite, then
// PostgreSQL when TEST_DATABASE_URL is set. Alone, `npx playwright test` uses
// a throwaway PGlite folder.
const port = E2E_PORT;
const baseURL = `http://localhost:${port}`; // not 127.0.0.1: Auth.js cookies follow Next's redirects to localhost
const dataDir = process.env.E2E_PGLITE_DIR ?? `.data/e2e-${port}`;
// Each database's pass keeps its own traces: tests/e2e/run.ts runs them side by side.
const database = process.env.E2E_DATABASE ?? "pglite";

// Specs whose pages never reach a database: the prerendered article and home page, and the
// signed-out pages' accessibility and favicon. A second pass on another database checks
// nothing new in them, so when both passes run (tests/e2e/run.ts) the PGlite pass, the
// longer one, leaves them to the PostgreSQL pass. Alone, a pass runs everything.
const DATABASE_FREE_SPECS = ["article", "accessibility", "favicon"].map(
  (name) => `**/${name}.spec.ts`,
);

export default defineConfig({
  testDir: "tests/e2e",
  testIgnore: process.env.E2E_SKIP_DATABASE_FREE === "1" ? DATABASE_FREE_SPECS : [],
  outputDir: `test-results/${database}`,
  fullyParallel: false,
  workers: 1, // one server, one embedded database, two cores
  retries: 0,
  forbidOnly: true,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  // Generous: both passes, the checks lane and the servers some specs start share two cores.
  // Speed is measured by the benchmarks, never by these limits (docs/testing.md).
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    // A failed test keeps its trace (DOM snapshots of every step, network, console); the
    // screencast is left out: encoding frames for all ~190 tests of both passes cost CPU the
    // two cores need, and error-context.md plus the snapshots show what failed.
    trace: { mode: "retain-on-failure", screenshots: false, snapshots: true, sources: true },
    launchOptions: { executablePath: ensureChromium(), args: CHROMIUM_ARGS },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: `node tests/e2e/support/serve.mjs`,
    url: `${baseURL}/api/health/ready`,
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(port),
      APP_URL: baseURL,
      PGLITE_DIR: dataDir,
      ...(process.env.E2E_DATABASE_URL ? { DATABASE_URL: process.env.E2E_DATABASE_URL } : {}),
      LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? "warn",
      // Mail goes to the real SMTP server of tests/e2e/support/fixtures.ts (`mail`).
      SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
      EMAIL_RETRY_BASE_MS: "500",
      // Every test signs in from the same address; the per-address limit stays real.
      SIGNIN_LIMIT_PER_IP: "100000",
    },
  },
});
