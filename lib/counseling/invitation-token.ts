import { createHash, randomBytes } from "node:crypto";

// Invitation tokens: 32 random bytes (256 bits), base64url in the emailed link,
// and only their SHA-256 at rest, so a copy of the database cannot accept or
// decline anything. A plain hash is enough here (unlike passwords): the input is
// random and far too large to guess.

export const INVITATION_TOKEN_BYTES = 32;
/** The length of a base64url-encoded 32-byte token. */
export const INVITATION_TOKEN_LENGTH = 43;
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

export function generateInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(INVITATION_TOKEN_BYTES).toString("base64url");
  return { token, tokenHash: hashInvitationToken(token) };
}

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("base64url");
}

/** Cheap shape check before any database work: anything else is simply "not found". */
export function isWellFormedInvitationToken(value: unknown): value is string {
  return typeof value === "string" && TOKEN_FORMAT.test(value);
}

export function invitationExpiry(from: Date = new Date()): Date {
  return new Date(from.getTime() + INVITATION_TTL_MS);
}

/** The path of the page the emailed link opens; the origin always comes from APP_URL. */
export function invitationPath(token: string): string {
  return `/invitations/${token}`;
}
