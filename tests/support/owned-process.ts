import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

// Children of the benchmarks and drills (next start, nginx, a floor app) each
// run in a process group of their own, so one signal to the group stops the
// child and whatever it forked (nginx's workers). A script stops them on its
// way out, however it leaves: its cleanups SIGTERM them and wait; if the
// script dies before its cleanups ran (an uncaught error, process.exit), the
// exit hook below still SIGKILLs every group that is left. A server left
// behind with its stdout reader gone is what once spun at 100% CPU.

const owned = new Set<ChildProcess>();

function alive(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (!child.pid) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // the group is already gone
  }
}

process.on("exit", () => {
  for (const child of owned) signalGroup(child, "SIGKILL");
});

/** A thing a script needs that this machine lacks; the message says how to get it. */
export class MissingPrerequisiteError extends Error {
  override name = "MissingPrerequisiteError";
}

/**
 * Spawns `command` in a process group of its own, tracked until it exits.
 * A failure to spawn (ENOENT) rejects `exited` instead of crashing the script.
 */
export function spawnOwned(
  command: string,
  args: string[],
  options: SpawnOptions = {},
): ChildProcess & { exited: Promise<number | null> } {
  const child = spawn(command, args, { ...options, detached: true });
  owned.add(child);
  const exited = new Promise<number | null>((resolve) => {
    child.once("exit", (code, signal) => {
      owned.delete(child);
      resolve(code ?? (signal ? 128 : null));
    });
    child.once("error", () => {
      owned.delete(child);
      resolve(null);
    });
  });
  return Object.assign(child, { exited });
}

/** SIGTERM (or `signal`) to the child's group; SIGKILL to it after `graceMs`. Resolves when it exited. */
export async function stopOwned(
  child: ChildProcess & { exited: Promise<number | null> },
  { signal = "SIGTERM", graceMs = 10_000 }: { signal?: NodeJS.Signals; graceMs?: number } = {},
): Promise<number | null> {
  if (alive(child)) signalGroup(child, signal);
  const timer = setTimeout(() => signalGroup(child, "SIGKILL"), graceMs);
  try {
    return await child.exited;
  } finally {
    clearTimeout(timer);
    // The leader is gone; anything it forked into its group goes with it.
    signalGroup(child, "SIGKILL");
  }
}

/** Children still running (for a test that nothing was left behind). */
export function ownedChildren(): number[] {
  return [...owned].filter(alive).map((child) => child.pid!);
}

/** The path of an executable on PATH (or one of `extra`), or null. */
export function findExecutable(name: string, extra: string[] = []): string | null {
  const dirs = (process.env.PATH ?? "").split(path.delimiter).filter(Boolean);
  for (const candidate of [...extra, ...dirs.map((dir) => path.join(dir, name))]) {
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

/** nginx's binary, or a MissingPrerequisiteError that says how to install it. */
export function requireNginx(): string {
  const nginx = findExecutable("nginx", ["/usr/sbin/nginx"]);
  if (!nginx) {
    throw new MissingPrerequisiteError(
      "nginx is not installed; this script puts it in front of the instances. " +
        "Install it with `apt-get install -y nginx-light` (CI does), then run it again.",
    );
  }
  return nginx;
}

/** Fails with a clear message when PostgreSQL at `url` does not answer. */
export function requirePostgres(url: string): void {
  const target = new URL(url);
  const ready = spawnSync(
    "pg_isready",
    ["-q", "-h", target.hostname, "-p", target.port || "5432"],
    {
      stdio: "ignore",
    },
  );
  if (ready.error) return; // no client tools here: the connection itself will say what is wrong
  if (ready.status !== 0) {
    throw new MissingPrerequisiteError(
      `PostgreSQL does not answer at ${target.hostname}:${target.port || "5432"} ` +
        "(TEST_DATABASE_URL, default postgresql://postgres@127.0.0.1:5432/postgres). " +
        "Start it (pg_ctlcluster <version> main start) or point TEST_DATABASE_URL at one.",
    );
  }
}
