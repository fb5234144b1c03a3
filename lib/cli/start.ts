// `npm start`: the one command a newcomer runs. Migrates the configured
// database, builds when the build is missing or older than the sources, then
// serves the production build on PORT (default 3000).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { runCli } from "@/lib/cli/run-cli";

const root = process.cwd();
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const SOURCES = [
  "app",
  "components",
  "lib",
  "content",
  "prisma",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.ts",
  "package-lock.json",
];

function newestMtime(entry: string): number {
  const full = path.join(root, entry);
  if (!fs.existsSync(full)) return 0;
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(full)) {
    if (child === "generated" || child === "node_modules") continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

function buildIsStale(): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const built = fs.statSync(buildId).mtimeMs;
  return SOURCES.some((entry) => newestMtime(entry) > built);
}

runCli(async () => {
  const { withSqlExecutor, closeConnection } = await import("@/lib/db/connection");
  const { migrate } = await import("@/lib/db/migrate");
  const { connectOrExplain } = await import("@/lib/db/reachability");
  await connectOrExplain();
  await withSqlExecutor((sql) => migrate(sql));
  await closeConnection(); // release the embedded database for the server

  if (buildIsStale()) {
    process.stdout.write("Building Heartwork (first start or changed sources)...\n");
    const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit" });
    if (build.status !== 0) throw new Error("next build failed");
  }

  const { env } = await import("@/lib/env");
  const { localServerEnv } = await import("@/lib/cli/local-defaults");
  const extraEnv = await localServerEnv();
  const port = String(env.PORT);
  // The development mailbox shows sign-in links for every account: while it is
  // on, nobody else on the network may even connect.
  // (The server runs in production mode, where the mailbox is on only when asked for.)
  const { smtpOptionsFromEnv } = await import("@/lib/email/transport");
  const { loopbackListenHost } = await import("@/lib/security/peer-address");
  const mailboxOn =
    !smtpOptionsFromEnv() && (extraEnv.DEV_MAILBOX === "true" || env.DEV_MAILBOX === true);
  const host = mailboxOn ? loopbackListenHost(env.APP_URL) : undefined;
  process.stdout.write(
    `Heartwork is starting on http://localhost:${port}` +
      (host ? ` (listening on ${host} only: the development mailbox is on)\n` : "\n"),
  );
  const server = spawn(
    process.execPath,
    [nextBin, "start", "-p", port, ...(host ? ["-H", host] : [])],
    {
      stdio: "inherit",
      // Our shutdown handler (lib/server/shutdown.ts) takes SIGTERM instead of Next's.
      env: { ...process.env, ...extraEnv, NEXT_MANUAL_SIG_HANDLE: "1" },
    },
  );
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => server.kill(signal));
  }
  const code = await new Promise<number>((resolve) => server.on("exit", (c) => resolve(c ?? 0)));
  if (code !== 0) process.exitCode = code;
  process.exit(code);
});
