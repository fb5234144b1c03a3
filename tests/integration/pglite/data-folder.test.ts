import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { acquireDataFolderLock, lockPathFor } from "@/lib/db/pglite-lock";

// Real processes on a real PGlite folder: the lock, SIGKILL takeover, and
// durability of committed rows across a SIGKILL.
const root = fs.mkdtempSync(path.join(os.tmpdir(), "heartwork-pglite-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const child = path.join(import.meta.dirname, "fixtures", "hold-database.ts");

function startHolder(dir: string, extraEnv: Record<string, string> = {}): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", child], {
      env: { ...process.env, PGLITE_DIR: dir, DATABASE_URL: "", LOG_LEVEL: "silent", ...extraEnv },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    proc.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes("READY")) resolve(proc);
    });
    proc.on("exit", (code) => reject(new Error(`holder exited early (${code}): ${out}`)));
  });
}

function killed(proc: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    proc.removeAllListeners("exit");
    proc.on("exit", () => resolve());
    proc.kill("SIGKILL");
  });
}

describe("the embedded database folder", () => {
  it(
    "refuses a second process with a message naming the holder, and takes over after a SIGKILL",
    { timeout: 90_000 },
    async () => {
      const dir = path.join(root, "locked");
      const holder = await startHolder(dir);
      try {
        expect(() => acquireDataFolderLock(dir)).toThrow(
          new RegExp(`in use by process ${holder.pid}.*PGLITE_DIR`),
        );
      } finally {
        await killed(holder);
      }
      // The killed process left its lock file behind; it is stale and taken over.
      expect(fs.existsSync(lockPathFor(dir))).toBe(true);
      const release = acquireDataFolderLock(dir);
      expect(JSON.parse(fs.readFileSync(lockPathFor(dir), "utf8")).pid).toBe(process.pid);
      release();
      expect(fs.existsSync(lockPathFor(dir))).toBe(false);
    },
  );

  it(
    "keeps every committed row when the process is killed with SIGKILL",
    { timeout: 90_000 },
    async () => {
      const dir = path.join(root, "durable");
      const writer = await startHolder(dir, { HOLDER_WRITE_ROWS: "25" });
      await killed(writer);
      const reader = spawn(
        process.execPath,
        ["--import", "tsx", "--conditions=react-server", child],
        {
          env: {
            ...process.env,
            PGLITE_DIR: dir,
            DATABASE_URL: "",
            LOG_LEVEL: "silent",
            HOLDER_COUNT_AND_EXIT: "1",
          },
          stdio: ["ignore", "pipe", "inherit"],
        },
      );
      let out = "";
      reader.stdout!.on("data", (chunk: Buffer) => (out += chunk.toString()));
      await new Promise((resolve) => reader.on("exit", resolve));
      expect(out).toContain("COUNT 25");
    },
  );
});
