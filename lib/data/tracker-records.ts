import "server-only";
import { randomBytes } from "node:crypto";
import { Prisma } from "@/lib/db";
import {
  decryptField,
  encryptField,
  FieldDecryptionError,
  type FieldContext,
} from "@/lib/crypto/field-encryption";
import { logger } from "@/lib/logger";
import { dateToDay, dayToDate, type CalendarDay } from "@/lib/tracker/calendar-day";

// Helpers shared by the tracker's data functions: row ids chosen before the
// insert (so the ciphertext can be bound to its row), the one-time request key
// that makes a double submit harmless, and decryption that never takes a page
// down because one value is unreadable.

/** Shown instead of a value that fails to decrypt (a lost key, a moved or altered value). */
export const UNREADABLE_TEXT = "This entry could not be unlocked.";

export function newRowId(): string {
  return randomBytes(16).toString("base64url");
}

export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

export type CreateResult = { created: boolean };

/** Runs an insert keyed by the form's request key; a second submit of the same form is a no-op. */
export async function createOnce(insert: () => Promise<unknown>): Promise<CreateResult> {
  try {
    await insert();
    return { created: true };
  } catch (error) {
    if (isUniqueViolation(error)) return { created: false };
    throw error;
  }
}

export function seal(plaintext: string, context: FieldContext): string {
  return encryptField(plaintext, context);
}

export function sealOptional(plaintext: string | undefined | null, context: FieldContext) {
  return plaintext ? encryptField(plaintext, context) : null;
}

export function unseal(stored: string, context: FieldContext): string {
  try {
    return decryptField(stored, context);
  } catch (error) {
    if (!(error instanceof FieldDecryptionError)) throw error;
    // No value, no ciphertext in the log: only which column refused.
    logger.warn({ event: "field.unreadable", field: context.field }, "a field failed to decrypt");
    return UNREADABLE_TEXT;
  }
}

export function unsealOptional(stored: string | null, context: FieldContext): string | null {
  return stored === null ? null : unseal(stored, context);
}

export { dateToDay, dayToDate, type CalendarDay };
