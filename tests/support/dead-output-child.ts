// A stand-in for `next start` in tests/unit/dead-output.test.ts: it logs
// through our logger, writes with console like Next does, logs uncaught
// exceptions to stderr exactly as Next's router server does, and on SIGTERM
// logs and exits the way lib/server/shutdown.ts does. argv[2] "guarded"
// installs our start-up guard; anything else runs without it (the "before").
import http from "node:http";
import pino from "pino";
import { createLogger } from "@/lib/logger";
import { guardProcessOutput } from "@/lib/server/output-guard";

const guarded = process.argv[2] === "guarded";
if (guarded) guardProcessOutput();
// Unguarded, the logger writes through pino's default destination (sonic-boom), as ours did.
const logger = guarded ? createLogger() : pino();

// next/dist/server/lib/router-server.js
process.on("uncaughtException", (error) => {
  console.error("uncaughtException: ", error);
});

let served = 0;
const server = http.createServer((_request, response) => {
  served++;
  console.log(`served ${served}`);
  response.end(String(served));
});
server.listen(0, "127.0.0.1", () => {
  const { port } = server.address() as { port: number };
  process.stdout.write(`port ${port}\n`);
});

process.on("SIGTERM", () => {
  // Two lines, as lib/server/shutdown.ts writes: the second waits behind the
  // first, and pino's exit flush retries it forever when the pipe is dead.
  logger.info({ event: "server.shutdown_started" }, "shutting down");
  server.close();
  logger.info({ event: "server.shutdown_finished" }, "shut down");
  process.exit(0);
});
