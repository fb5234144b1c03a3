import http from "node:http";
import { logger } from "@/lib/logger";
import { isShuttingDown, markShuttingDown } from "@/lib/server/lifecycle";

// Graceful shutdown for `next start`. Next's own SIGTERM handler closes the
// HTTP server and exits 143 without waiting for our background work, so our
// start scripts set NEXT_MANUAL_SIG_HANDLE=1 and this handler does it in order:
// readiness → 503, stop accepting connections, let in-flight requests finish
// (bounded), stop background work (the outbox worker finishes its message),
// close the database, exit 0.

type Hook = { name: string; run: () => Promise<void> };
const registry = globalThis as unknown as {
  __heartworkShutdownHooks?: Hook[];
  __heartworkShutdownInstalled?: boolean;
};
const hooks: Hook[] = (registry.__heartworkShutdownHooks ??= []);

/** Registers work to stop at shutdown; hooks run in reverse order of registration. */
export function onShutdown(name: string, run: () => Promise<void>): void {
  hooks.push({ name, run });
}

function httpServers(): http.Server[] {
  // Next owns the server object; the active handle list is the only way to
  // reach it from inside the app without a custom server.
  const handles = (process as unknown as { _getActiveHandles(): unknown[] })._getActiveHandles();
  return handles.filter((h): h is http.Server => h instanceof http.Server);
}

function withTimeout(promise: Promise<unknown>, ms: number): Promise<"done" | "timeout"> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.then(() => "done" as const),
    new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), ms))),
  ]).finally(() => clearTimeout(timer));
}

export async function shutDown({
  reason,
  timeoutMs,
}: {
  reason: string;
  timeoutMs: number;
}): Promise<void> {
  if (isShuttingDown()) return;
  markShuttingDown();
  const started = Date.now();
  logger.info({ event: "server.shutdown_started", reason }, "shutting down");

  const servers = httpServers();
  const closed = Promise.all(
    servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))),
  );
  // Keep-alive connections that stay idle would hold close() open forever.
  const idleSweep = setInterval(() => servers.forEach((s) => s.closeIdleConnections()), 250);
  const drained = await withTimeout(closed, timeoutMs);
  clearInterval(idleSweep);
  if (drained === "timeout") {
    logger.warn(
      { event: "server.shutdown_forced" },
      "requests still running at the deadline; closing them",
    );
    servers.forEach((s) => s.closeAllConnections());
  }

  for (const hook of [...hooks].reverse()) {
    const result = await withTimeout(
      hook
        .run()
        .catch((error: unknown) =>
          logger.error(
            { event: "server.shutdown_hook_failed", hook: hook.name, err: error },
            "shutdown step failed",
          ),
        ),
      Math.max(1_000, timeoutMs - (Date.now() - started)),
    );
    if (result === "timeout")
      logger.warn(
        { event: "server.shutdown_hook_timeout", hook: hook.name },
        "shutdown step timed out",
      );
  }
  logger.info({ event: "server.shutdown_finished", ms: Date.now() - started }, "shut down");
}

export function installShutdownHandler({
  timeoutMs,
  manualSignals,
}: {
  timeoutMs: number;
  manualSignals: boolean;
}): void {
  if (registry.__heartworkShutdownInstalled) return;
  registry.__heartworkShutdownInstalled = true;
  if (!manualSignals) {
    logger.warn(
      { event: "server.shutdown_unmanaged" },
      "NEXT_MANUAL_SIG_HANDLE is not set: Next exits on SIGTERM before background work stops (use npm start / npm run serve)",
    );
  }
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.on(signal, () => {
      void shutDown({ reason: signal, timeoutMs }).then(() => process.exit(0));
    });
  }
}
