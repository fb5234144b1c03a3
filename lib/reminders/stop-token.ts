import { createHash, randomBytes } from "node:crypto";
import type { FieldContext } from "@/lib/crypto/field-encryption";

// The one-click stop link of a reminder email (RFC 8058). Each email carries a
// fresh 256-bit token; only its SHA-256 is stored (ReminderStopToken), so a copy
// of the database cannot stop anyone's reminders. While the email is queued the
// token sits sealed in the outbox payload, bound to its reminder and day.

const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

export function generateStopToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashStopToken(token) };
}

export function hashStopToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("base64url");
}

/** A cheap shape check before any database work. */
export function isWellFormedStopToken(value: unknown): value is string {
  return typeof value === "string" && TOKEN_FORMAT.test(value);
}

/** The binding of a queued reminder's sealed stop token. */
export function stopTokenContext(userId: string, reminderId: string, day: string): FieldContext {
  return { userId, field: "OutboxMessage.reminder", row: `${reminderId}:${day}` };
}

/** The path the one-click POST goes to (List-Unsubscribe) and the confirm page a GET shows. */
export const STOP_POST_PATH = "/api/reminders/stop";
export const STOP_PAGE_PATH = "/reminders/stop";
