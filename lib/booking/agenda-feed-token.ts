import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";

// The private link of a counselor's calendar feed (/team/agenda). A calendar
// app fetches it without a session, so the 256-bit token in the path is its
// only authority. Only the token's SHA-256 is stored (AgendaFeedToken), so a
// copy of the database opens no feed; the full link is shown once, when made.

/** 32 random bytes, base64url: the only shape a feed token has. */
export const agendaFeedTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

export function generateAgendaFeedToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashAgendaFeedToken(token) };
}

export function hashAgendaFeedToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("base64url");
}

/** A cheap shape check before any database work: anything else is simply "not found". */
export function isWellFormedAgendaFeedToken(value: unknown): value is string {
  return agendaFeedTokenSchema.safeParse(value).success;
}

/** The feed's path; the `.ics` ending is for calendar apps that look at it. */
export function agendaFeedPath(token: string): string {
  return `/team/agenda/feed/${token}.ics`;
}

/** The token in a feed path's last segment (with or without `.ics`), or null. */
export function agendaFeedTokenFromSegment(segment: string): string | null {
  const token = segment.endsWith(".ics") ? segment.slice(0, -4) : segment;
  return isWellFormedAgendaFeedToken(token) ? token : null;
}
