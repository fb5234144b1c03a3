import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { renderNginxConfig } from "@/lib/deploy/render-nginx-config";
import { requireNginx, spawnOwned, stopOwned } from "./owned-process";

// Starts production instances (`next start`, our shutdown handler on) and
// nginx in front of them, on loopback ports, for drills and benchmarks.
// Expects a production build in .next (run `next build` first). Each runs in
// its own process group (tests/support/owned-process.ts), stopped with it.

export type Instance = {
  port: number;
  url: string;
  process: ChildProcess;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
};

const NEXT_BIN = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");

export async function waitFor(
  url: string,
  { timeoutMs = 60_000, status = 200 } = {},
): Promise<void> {
  const started = Date.now();
  for (;;) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.status === status) return;
    } catch {
      // not up yet
    }
    if (Date.now() - started > timeoutMs)
      throw new Error(`${url} did not answer ${status} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function startInstance({
  port,
  env,
  waitUntilReady = true,
}: {
  port: number;
  env: Record<string, string | undefined>;
  waitUntilReady?: boolean;
}): Promise<Instance> {
  let output = "";
  // BENCH_CPU_PROF=<dir> (bench:load): each instance writes a V8 CPU profile there as it stops.
  const profile = process.env.BENCH_CPU_PROF
    ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
    : [];
  const child = spawnOwned(process.execPath, [...profile, NEXT_BIN, "start", "-p", String(port)], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_MANUAL_SIG_HANDLE: "1",
      LOG_LEVEL: "warn",
      ...env,
    } as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://localhost:${port}`;
  const instance: Instance = {
    port,
    url,
    process: child,
    output: () => output,
    stop(signal: NodeJS.Signals = "SIGTERM") {
      // A SIGKILL while a SIGTERM drains is a second call; the grace covers a hung drain.
      return stopOwned(child, { signal, graceMs: 30_000 });
    },
  };
  if (waitUntilReady) {
    try {
      await waitFor(`${url}/api/health/ready`);
    } catch (error) {
      await instance.stop("SIGKILL");
      throw new Error(
        `instance on ${port} did not become ready: ${(error as Error).message}\n${output}`,
      );
    }
  }
  return instance;
}

export type Nginx = { port: number; url: string; pid: number | undefined; stop(): Promise<void> };

export async function startNginx({
  port,
  upstreamPorts,
}: {
  port: number;
  upstreamPorts: number[];
}): Promise<Nginx> {
  const nginxBin = requireNginx();
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), "heartwork-nginx-"));
  fs.chmodSync(runDir, 0o777);
  const config = path.join(runDir, "nginx.conf");
  fs.writeFileSync(
    config,
    renderNginxConfig({
      listen: `127.0.0.1:${port}`,
      upstreamPorts,
      staticDir: path.join(process.cwd(), ".next", "static"),
      runDir,
      user: process.getuid?.() === 0 ? "root" : undefined,
    }),
  );
  const child = spawnOwned(nginxBin, ["-c", config, "-p", runDir, "-g", "daemon off;"], {
    stdio: "inherit",
  });
  const stop = async () => {
    await stopOwned(child, { signal: "SIGQUIT", graceMs: 5_000 });
    fs.rmSync(runDir, { recursive: true, force: true });
  };
  try {
    await waitFor(`http://localhost:${port}/api/health/live`, { timeoutMs: 20_000 });
  } catch (error) {
    await stop();
    throw error;
  }
  return { port, url: `http://localhost:${port}`, pid: child.pid, stop };
}
