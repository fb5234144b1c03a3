import type { Logger } from "pino";
import { logger as defaultLogger } from "@/lib/logger";

// Auth.js reports its errors through `logger.error`. Which one it was must be
// read from the error's `type` ("Verification", "AccessDenied", ...), a static
// string on each Auth.js error class: the class *name* is what the production
// bundle minifies, so matching on `error.name` saw a spent link as an unknown
// error.

/** Everyday events (a spent or expired link, a refused sign-in), not failures. */
const EXPECTED_TYPES: ReadonlySet<string> = new Set(["Verification", "AccessDenied"]);

/** The Auth.js error type, or the error's name for anything that is not an Auth.js error. */
export function authErrorType(error: Error): string {
  const type: unknown = (error as { type?: unknown }).type;
  return typeof type === "string" && type.length > 0 ? type : error.name;
}

export function logAuthError(error: Error, log: Logger = defaultLogger): void {
  const kind = authErrorType(error);
  log[EXPECTED_TYPES.has(kind) ? "info" : "error"](
    { event: "auth.error", kind, err: error },
    "auth",
  );
}
