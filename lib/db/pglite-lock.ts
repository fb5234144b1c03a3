import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// PGlite has no cross-process lock: two processes on one data folder both
// "succeed" and one side's writes are silently lost. We hold a pid file beside
// the folder for as long as this process has it open.

export class DataFolderLockedError extends Error {
  override name = "DataFolderLockedError";
}

type LockInfo = { pid: number; hostname: string; startedAt: string; command: string };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readLock(lockPath: string): LockInfo | undefined {
  try {
    return JSON.parse(fs.readFileSync(lockPath, "utf8")) as LockInfo;
  } catch {
    return undefined; // half-written or unreadable: treat as stale
  }
}

export function lockPathFor(dataDir: string): string {
  return `${path.resolve(dataDir)}.lock`;
}

/** Takes the lock for `dataDir`, or throws naming the process that holds it. */
export function acquireDataFolderLock(dataDir: string): () => void {
  const lockPath = lockPathFor(dataDir);
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  const info: LockInfo = {
    pid: process.pid,
    hostname: os.hostname(),
    startedAt: new Date().toISOString(),
    command: process.argv.slice(1, 3).join(" "),
  };

  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(lockPath, JSON.stringify(info), { flag: "wx" });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        const current = readLock(lockPath);
        if (current?.pid === process.pid) fs.rmSync(lockPath, { force: true });
        process.off("exit", release);
      };
      process.on("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }

    const holder = readLock(lockPath);
    const sameHost = !holder || holder.hostname === os.hostname();
    if (holder && holder.pid !== process.pid && (!sameHost || isAlive(holder.pid))) {
      throw new DataFolderLockedError(
        `The embedded database ${path.resolve(dataDir)} is in use by process ${holder.pid}` +
          ` on ${holder.hostname} (${holder.command || "unknown command"}, since ${holder.startedAt}).` +
          ` Stop that process, or set PGLITE_DIR to another folder.`,
      );
    }
    // The holder is gone (killed, crashed) or it is us from an earlier open: take it over.
    fs.rmSync(lockPath, { force: true });
  }
  throw new DataFolderLockedError(`Could not take the lock ${lockPath}; try again.`);
}
