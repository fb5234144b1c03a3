// Tells "the database is unreachable right now" (an outage, a restart, a pool
// that cannot connect) apart from every other failure, so an action can say
// "not saved, try again" instead of showing a crash. Looks through the error
// and its causes: the driver's error arrives wrapped by Prisma's adapter.

const UNREACHABLE_CODES = new Set([
  "P1001", // can't reach the database server
  "P1002", // the server timed out
  "P1008", // operation timed out
  "P1017", // the server closed the connection
  "P2024", // timed out fetching a connection from the pool
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "57P01", // admin_shutdown
  "57P03", // cannot_connect_now
]);

const UNREACHABLE_MESSAGE =
  /ECONNREFUSED|ECONNRESET|Connection terminated|connection timeout|timeout exceeded when trying to connect|Can't reach database|server closed the connection|Client has encountered a connection error|database system is (starting up|shutting down)|terminating connection/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const candidate = current as {
      name?: unknown;
      code?: unknown;
      message?: unknown;
      cause?: unknown;
    };
    if (candidate.name === "SessionUnavailableError") return true;
    if (typeof candidate.code === "string" && UNREACHABLE_CODES.has(candidate.code)) return true;
    if (typeof candidate.message === "string" && UNREACHABLE_MESSAGE.test(candidate.message))
      return true;
    current = candidate.cause;
  }
  return false;
}
