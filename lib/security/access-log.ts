import type { Logger } from "pino";
import { logger as defaultLogger } from "@/lib/logger";

// Refused access is a security event (SECURITY.md 26): someone asked for a row
// that is not theirs (or no longer exists). The log says who, which action and
// why, and never the row's content or any token.

export type RefusalReason = "not_found";

export function logRefusedAccess(
  { action, userId, reason }: { action: string; userId: string; reason: RefusalReason },
  log: Pick<Logger, "warn"> = defaultLogger,
): void {
  log.warn({ event: "access.refused", action, userId, reason }, "access refused");
}
