import { describeStartupError } from "@/lib/startup-errors";

export async function startServer(): Promise<void> {
  try {
    const { connectOrExplain } = await import("@/lib/db/reachability");
    await connectOrExplain();
    const { logger } = await import("@/lib/logger");
    logger.info({ event: "server.ready" }, "database connected");
  } catch (error) {
    process.stderr.write(`${describeStartupError(error)}\n`);
    process.exit(1);
  }
}
