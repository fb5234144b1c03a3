import http from "node:http";
import net from "node:net";
import { logger } from "@/lib/logger";
import { markShuttingDown } from "@/lib/server/lifecycle";

// Graceful shutdown for `next start`. Next's own SIGTERM handler closes the
// HTTP server and exits 143 without waiting for our background work, so our
// start scripts set NEXT_MANUAL_SIG_HANDLE=1 and this handler does it in order:
// readiness → 503, stop accepting connections, let in-flight requests finish
// (bounded), stop background work (the outbox worker finishes its message),
// close the database, exit 0.

/** How long idle keep-alive connections may still bring a request after shutdown starts. */
const IDLE_GRACE_MS = 1_000;
/** Of the shutdown budget, what the drain leaves for the hooks (the worker, the database). */
const hookReserveMs = (timeoutMs: number) => Math.min(2_000, timeoutMs / 4);

type Hook = { name: string; run: () => Promise<void> };
const registry = globalThis as unknown as {
  __heartworkShutdownHooks?: Hook[];
  __heartworkShutdownInstalled?: boolean;
  __heartworkShutdown?: Promise<void>;
};
const hooks: Hook[] = (registry.__heartworkShutdownHooks ??= []);

/** Registers work to stop at shutdown; hooks run in reverse order of registration. */
export function onShutdown(name: string, run: () => Promise<void>): void {
  hooks.push({ name, run });
}

function activeHandles(): unknown[] {
  // Next owns the server object; the active handle list is the only way to
  // reach it (and its connections) from inside the app without a custom server.
  return (process as unknown as { _getActiveHandles(): unknown[] })._getActiveHandles();
}

function httpServers(): http.Server[] {
  return activeHandles().filter((h): h is http.Server => h instanceof http.Server);
}

/**
 * Keep-alive connections must not outlive the drain: a client that reuses one
 * after we close it sees a reset, and a POST is not retried. So every response
 * from now on (those in flight whose headers are not out yet, and requests
 * that still arrive on open connections) says `Connection: close` and closes
 * its connection when done; idle connections are closed by the sweep.
 */
function closeConnectionsAfterTheirResponses(servers: http.Server[]): void {
  for (const server of servers) {
    server.prependListener("request", (_request, response: http.ServerResponse) => {
      response.shouldKeepAlive = false;
    });
  }
  for (const handle of activeHandles()) {
    if (!(handle instanceof net.Socket)) continue;
    const socket = handle as net.Socket & { server?: unknown; _httpMessage?: unknown };
    if (!servers.includes(socket.server as http.Server)) continue;
    const response = socket._httpMessage;
    if (!(response instanceof http.ServerResponse)) continue;
    if (!response.headersSent) response.shouldKeepAlive = false;
    else response.once("finish", () => socket.end());
  }
}

function withTimeout(promise: Promise<unknown>, ms: number): Promise<"done" | "timeout"> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.then(() => "done" as const),
    new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), ms))),
  ]).finally(() => clearTimeout(timer));
}

/**
 * Shuts down once; a second call (a second SIGTERM, Ctrl-C twice) gets the
 * same promise, so it waits for the drain instead of cutting it short.
 */
export function shutDown({
  reason,
  timeoutMs,
}: {
  reason: string;
  timeoutMs: number;
}): Promise<void> {
  registry.__heartworkShutdown ??= runShutdown({ reason, timeoutMs });
  return registry.__heartworkShutdown;
}

async function runShutdown({
  reason,
  timeoutMs,
}: {
  reason: string;
  timeoutMs: number;
}): Promise<void> {
  markShuttingDown();
  const started = Date.now();
  logger.info({ event: "server.shutdown_started", reason }, "shutting down");

  const servers = httpServers();
  closeConnectionsAfterTheirResponses(servers);
  // Stop listening, but not through http.Server#close: that also drops idle
  // keep-alive connections at once, racing a request the client is sending on
  // one right now (it would see a reset). For a short grace, a request on an
  // open connection is still served, with `Connection: close`.
  const closed = Promise.all(
    servers.map(
      (server) =>
        new Promise<void>((resolve) => net.Server.prototype.close.call(server, () => resolve())),
    ),
  );
  // Then idle keep-alive connections go; left open, they would hold close() forever.
  let idleSweep: NodeJS.Timeout | undefined;
  const grace = setTimeout(
    () => {
      idleSweep = setInterval(() => servers.forEach((s) => s.closeIdleConnections()), 100);
      servers.forEach((s) => s.closeIdleConnections());
    },
    Math.min(IDLE_GRACE_MS, timeoutMs),
  );
  const drained = await withTimeout(closed, timeoutMs - hookReserveMs(timeoutMs));
  clearTimeout(grace);
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
      Math.max(0, timeoutMs - (Date.now() - started)),
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
      // Whatever hangs (a hook, a log write), the process ends within the budget
      // its supervisor was promised; the timer does not keep it alive otherwise.
      setTimeout(() => {
        logger.error({ event: "server.shutdown_deadline" }, "shutdown took too long; exiting");
        process.exit(1);
      }, timeoutMs).unref();
      void shutDown({ reason: signal, timeoutMs }).then(() => process.exit(0));
    });
  }
}
