import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;
const shared = {
  resolve: {
    alias: {
      "@": root,
      // `server-only` throws outside React Server Components; tests are server code.
      "server-only": path.join(root, "tests/support/empty-module.ts"),
    },
  },
};

// Integration tests run against PGlite always, and against PostgreSQL too when
// TEST_DATABASE_URL names a server we may create databases on.
const databases = ["pglite", ...(process.env.TEST_DATABASE_URL ? ["postgres"] : [])];

export default defineConfig({
  test: {
    projects: [
      {
        ...shared,
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
          // A hang detector, not a speed target. A few tests import the server's modules
          // afresh (1.5 s alone) and a property test walks a year in every zone (3.3 s alone);
          // under `nice` beside both e2e passes (npm test) they run about six times slower.
          testTimeout: 60_000,
        },
      },
      ...databases.map((database) => ({
        ...shared,
        test: {
          name: `integration-${database}`,
          // Shared tests run on both; tests/integration/<database>/ holds what only
          // makes sense on one (cross-connection locking, the PGlite folder lock).
          include: ["tests/integration/*.test.ts", `tests/integration/${database}/**/*.test.ts`],
          environment: "node",
          setupFiles: ["tests/support/integration-setup.ts"],
          env: { HEARTWORK_TEST_DATABASE: database, LOG_LEVEL: "silent" },
          // Limits that catch a hang, not a speed target (speed lives in tests/bench). In CI
          // this suite runs under `nice` beside both e2e passes on two cores, about six times
          // slower than alone: a 5 s test here (deleting a person from every table) took
          // past 30 s there and failed the run.
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // PGlite is CPU-bound WASM; on two cores, parallel files just thrash.
          maxWorkers: 2,
        },
      })),
    ],
  },
});
