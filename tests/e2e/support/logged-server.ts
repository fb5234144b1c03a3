import { spawn, type ChildProcess } from "node:child_process";

// Starts another instance of the built app through `npm start`'s own entry
// point (tests/e2e/support/serve.mjs: migrate, then `next start`) and keeps
// everything it prints, so a spec can read the server's logs. The main e2e
// server's output goes to Playwright's console, out of a test's reach.
// Like `npm start`, it rebuilds when sources are newer than the build, so keep
// sources still while it runs (the main e2e server rebuilt first if needed).
//
//   const app = await startLoggedServer({ port, env: { LOG_LEVEL: "trace" } });
//   ... app.output() ...
//   await app.stop();

export type LoggedServer = { url: string; output(): string; stop(): Promise<void> };

export async function startLoggedServer({
  port,
  env,
  timeoutMs = 120_000,
}: {
  port: number;
  env: Record<string, string>;
  timeoutMs?: number;
}): Promise<LoggedServer> {
  const url = `http://localhost:${port}`;
  const childEnv: Record<string, string | undefined> = {
    ...process.env,
    PORT: String(port),
    APP_URL: url,
    ...env,
  };
  for (const key of ["DATABASE_URL", "SMTP_URL", "SMTP_HOST"]) {
    if (!(key in env)) delete childEnv[key];
  }
  let output = "";
  const child: ChildProcess = spawn(process.execPath, ["tests/e2e/support/serve.mjs"], {
    env: childEnv as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The app on port ${port} exited:\n${output}`);
    try {
      if ((await fetch(`${url}/api/health/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGTERM");
      await exited;
      throw new Error(`The app on port ${port} did not become ready:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
