import { describeStartupError } from "@/lib/startup-errors";

export async function startServer(): Promise<void> {
  try {
    const { connectOrExplain } = await import("@/lib/db/reachability");
    await connectOrExplain();
    const { logger } = await import("@/lib/logger");
    const { env } = await import("@/lib/env");
    const { installShutdownHandler, onShutdown } = await import("@/lib/server/shutdown");
    const { disconnectDatabase } = await import("@/lib/db");
    onShutdown("database", disconnectDatabase);
    installShutdownHandler({
      timeoutMs: env.SHUTDOWN_TIMEOUT_MS,
      manualSignals: env.NEXT_MANUAL_SIG_HANDLE,
    });
    logger.info({ event: "server.ready" }, "database connected");
  } catch (error) {
    process.stderr.write(`${describeStartupError(error)}\n`);
    process.exit(1);
  }
}
