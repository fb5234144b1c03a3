import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import readline from "node:readline";
import { afterEach, describe, expect, it } from "vitest";

// What happens to a server when whatever reads its stdout and stderr goes
// away (a log shipper restarting, a closed terminal, a killed parent): it must
// keep serving, stay idle while idle, and still exit promptly on SIGTERM.
// The server is tests/support/dead-output-child.ts in a real child process,
// with real pipes whose reading ends this test closes.

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
});

// In this process, not through the tsx CLI (which would run it as a grandchild).
const CHILD = ["--import", "tsx", "tests/support/dead-output-child.ts"];

async function startChild(mode: "guarded" | "unguarded") {
  const child = spawn(process.execPath, [...CHILD, mode], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, LOG_LEVEL: "info" },
  });
  children.push(child);
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => resolve(code)),
  );
  const port = await new Promise<number>((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    lines.on("line", (line) => {
      const match = /^port (\d+)$/.exec(line);
      if (match) resolve(Number(match[1]));
    });
    child.once("exit", () => reject(new Error("the child exited before it listened")));
  });
  // The reader dies: both pipes' reading ends close.
  child.stdout!.destroy();
  child.stderr!.destroy();
  return { child, port, exited };
}

/** CPU seconds the process used, from /proc (user + system). */
function cpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function scenario(mode: "guarded" | "unguarded") {
  const { child, port, exited } = await startChild(mode);
  const answers: number[] = [];
  for (let i = 0; i < 5; i++) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/`, {
        signal: AbortSignal.timeout(2_000),
      });
      answers.push(response.status);
    } catch {
      answers.push(0);
    }
  }
  await sleep(300);
  const before = cpuSeconds(child.pid!);
  await sleep(1_500);
  const idleCpu = cpuSeconds(child.pid!) - before;
  const termAt = Date.now();
  child.kill("SIGTERM");
  const code = await Promise.race([exited, sleep(5_000).then(() => "still running" as const)]);
  return { answers, idleCpu, code, exitMs: Date.now() - termAt };
}

describe("a server whose stdout and stderr reader died", () => {
  it(
    "keeps serving, stays idle while idle, and exits promptly on SIGTERM",
    { timeout: 30_000 },
    async () => {
      const result = await scenario("guarded");
      expect(result.answers).toEqual([200, 200, 200, 200, 200]);
      expect(result.idleCpu).toBeLessThan(0.3); // of 1.5 s: a spinning process uses about 1.5
      expect(result.code).toBe(0);
      expect(result.exitMs).toBeLessThan(2_000);
    },
  );
});
