import { spawn, type ChildProcess } from "node:child_process";

// Starts another instance of the built app (the same entry point as the main
// e2e server, tests/e2e/support/serve.mjs) with its own port, embedded
// database and environment, for specs that need a differently configured app
// (e.g. no SMTP server, so mail goes to the development mailbox).
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
  const child: ChildProcess = spawn(process.execPath, ["tests/e2e/support/serve.mjs"], {
    env: childEnv as NodeJS.ProcessEnv,
    stdio: ["ignore", "inherit", "inherit"],
  });
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
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
