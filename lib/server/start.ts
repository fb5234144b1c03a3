import { describeStartupError } from "@/lib/startup-errors";

export async function startServer(): Promise<void> {
  try {
    const { connectOrExplain } = await import("@/lib/db/reachability");
    await connectOrExplain();
    const { logger } = await import("@/lib/logger");
    logger.info({ event: "server.ready" }, "database connected");
    // Fail at start, not at the first sign-in, when production lacks a secret or mail.
    const { resolveAuthSecret } = await import("@/lib/auth/secret");
    resolveAuthSecret();
    // Same for the tracker's field-encryption keys (and the embedded default's key file).
    const { fieldKeyring } = await import("@/lib/crypto/field-keys");
    fieldKeyring();
    const { checkCounselingConfig } = await import("@/lib/counseling/config");
    checkCounselingConfig();
    const { env } = await import("@/lib/env");
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
      startServerEmailWorker();
    }
  } catch (error) {
    process.stderr.write(`${describeStartupError(error)}\n`);
    process.exit(1);
  }
}
