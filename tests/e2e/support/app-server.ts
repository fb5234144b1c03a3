import fs from "node:fs";
import { spawn, type ChildProcess } from "node:child_process";

// Starts another instance of the built app (the same entry point as the main
// e2e server, tests/e2e/support/serve.mjs) with its own port, embedded
// database and environment, for specs that need a differently configured app
// (e.g. no SMTP server, so mail goes to the development mailbox).
async function listening(url: string): Promise<boolean> {
  try {
    await fetch(`${url}/api/health/live`, { signal: AbortSignal.timeout(2_000) });
    return true;
  } catch {
    return false;
  }
}

export async function startAppServer({
  port,
  env,
  timeoutMs = 90_000,
}: {
  port: number;
  env: Record<string, string>;
  timeoutMs?: number;
}): Promise<{ url: string; stop(): Promise<void> }> {
  const url = `http://localhost:${port}`;
  if (await listening(url))
    throw new Error(`Port ${port} is already in use (a server left running?)`);
  const childEnv: Record<string, string | undefined> = {
    ...process.env,
    PORT: String(port),
    APP_URL: url,
    PGLITE_DIR: `.data/e2e-${port}`,
    LOG_LEVEL: "warn",
    ...env,
  };
  for (const key of ["DATABASE_URL", "SMTP_URL", "SMTP_HOST"]) {
    if (!(key in env)) delete childEnv[key];
  }
  // Its own process group, so stop() reaches `next start` itself too (serve.mjs →
  // tsx → start.ts → next-server), and can kill the whole tree if one hangs.
  const child: ChildProcess = spawn(process.execPath, ["tests/e2e/support/serve.mjs"], {
    env: childEnv as NodeJS.ProcessEnv,
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // the group is gone already
    }
  };
  const groupAlive = () => processGroupAlive(child.pid!);
  // A detached group outlives the test process unless told: a spec that times out
  // before stop() must not leave a server holding the port for the next run.
  const killOnExit = () => signalGroup("SIGKILL");
  process.once("exit", killOnExit);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The app on port ${port} exited early`);
    try {
      if ((await fetch(`${url}/api/health/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGTERM");
      throw new Error(`The app on port ${port} did not become ready`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    async stop() {
      if (child.exitCode === null) signalGroup("SIGTERM");
      await exited;
      process.off("exit", killOnExit);
      // The port must be free before anything starts on it again; a `next start`
      // that outlives its parents (once seen after SIGTERM) is killed.
      const deadline = Date.now() + 20_000;
      while (await listening(url)) {
        if (Date.now() > deadline) {
          signalGroup("SIGKILL");
          await new Promise((resolve) => setTimeout(resolve, 500));
          if (await listening(url)) throw new Error(`Something still answers on port ${port}`);
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      // And every process of the group must be gone: `next start` closes its port
      // before the embedded database has been written out and its folder's lock
      // released, and a CLI run at once (withDatabase) found the folder in use.
      const exitDeadline = Date.now() + 20_000;
      while (groupAlive()) {
        if (Date.now() > exitDeadline) {
          signalGroup("SIGKILL");
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
  };
}

/**
 * Whether any process of group `pgid` still runs. On Linux a zombie (exited,
 * not yet reaped by whoever adopted it) does not count: it holds no port, no
 * lock and no file.
 */
function processGroupAlive(pgid: number): boolean {
  let entries: string[];
  try {
    entries = fs.readdirSync("/proc");
  } catch {
    try {
      process.kill(-pgid, 0);
      return true;
    } catch {
      return false;
    }
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // exited meanwhile
    }
    // "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses.
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(pgrp) === pgid && state !== "Z") return true;
  }
  return false;
}
