import { describeStartupError } from "@/lib/startup-errors";

export async function startServer(): Promise<void> {
  const { guardProcessOutput } = await import("@/lib/server/output-guard");
  guardProcessOutput();
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
    // Fail at start, not at the first sign-in, when production lacks a secret or mail.
    const { resolveAuthSecret } = await import("@/lib/auth/secret");
    resolveAuthSecret();
    // Same for the tracker's field-encryption keys (and the embedded default's key file).
    const { fieldKeyring } = await import("@/lib/crypto/field-keys");
    fieldKeyring();
    const { checkCounselingConfig } = await import("@/lib/counseling/config");
    checkCounselingConfig();
    const { transportFromEnv } = await import("@/lib/email/transport");
    const transport = transportFromEnv();
    transport.close();
    if (transport.kind === "dev-mailbox") {
      logger.warn(
        { event: "email.dev_mailbox" },
        "no SMTP server configured: mail is kept in the development mailbox at /dev/mailbox, never sent",
      );
    }
    if (env.EMAIL_WORKER) {
      const { startServerEmailWorker } = await import("@/lib/email/worker");
      const worker = startServerEmailWorker();
      // Registered after the database hook, so it runs first: the worker
      // finishes the message it is sending, hands back the rest of its claim,
      // and only then is the pool closed.
      onShutdown("outbox worker", () => worker.stop());
    }
  } catch (error) {
    process.stderr.write(`${describeStartupError(error)}\n`);
    process.exit(1);
  }
}
