// Starts the production server for Playwright: a fresh embedded database
// folder each run (unless DATABASE_URL is set), migrated, built when stale.
// It runs `npm start`'s own entry point so the e2e suite tests that path too.
import { spawn } from "node:child_process";
import fs from "node:fs";

if (!process.env.DATABASE_URL && process.env.PGLITE_DIR?.startsWith(".data/e2e-")) {
  fs.rmSync(process.env.PGLITE_DIR, { recursive: true, force: true });
  fs.rmSync(`${process.env.PGLITE_DIR}.lock`, { force: true });
}

const child = spawn(
  process.execPath,
  ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "lib/cli/start.ts"],
  { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } },
);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
