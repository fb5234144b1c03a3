import "server-only";
import { db } from "@/lib/db";
import {
  createAuthAdapter,
  hashSessionToken,
  SESSION_ABSOLUTE_MAX_AGE_MS,
} from "@/lib/data/auth-adapter";

/** Signs the user out everywhere: every session row of theirs goes. */
export async function deleteAllSessionsOfUser({ userId }: { userId: string }): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { userId } });
  return count;
}

export async function countSessionsOfUser({ userId }: { userId: string }): Promise<number> {
  return db.session.count({ where: { userId } });
}

/** Deletes one session by its raw token (the cookie value), if it exists. */
export async function deleteSessionByToken({
  sessionToken,
}: {
  sessionToken: string;
}): Promise<void> {
  await db.session.deleteMany({ where: { sessionToken: hashSessionToken(sessionToken) } });
}

/** Whether a session token names a live session (the outage tests ask it directly). */
export async function isLiveSession({ sessionToken }: { sessionToken: string }): Promise<boolean> {
  const count = await db.session.count({
    where: {
      sessionToken: hashSessionToken(sessionToken),
      expires: { gt: new Date() },
      createdAt: { gt: new Date(Date.now() - SESSION_ABSOLUTE_MAX_AGE_MS) },
    },
  });
  return count > 0;
}

export type LiveSession = {
  userId: string;
  email: string;
  name: string | null;
  /** When the magic link was clicked (the session row was created). */
  createdAt: Date;
};

/**
 * The session a cookie names, read the way Auth.js's database strategy reads
 * it, without Auth.js's request round trip (every private request asks this,
 * and building an internal Request and Response, the config and the adapter
 * for it cost more than the query). The same adapter statement (one join,
 * the absolute lifetime), the same rules: an expired session is deleted and
 * is no session; a session last extended more than `updateAgeSeconds` ago
 * slides to `now + maxAgeSeconds`. A failed query throws, never "signed out".
 */
export async function findLiveSession({
  sessionToken,
  maxAgeSeconds,
  updateAgeSeconds,
}: {
  sessionToken: string;
  maxAgeSeconds: number;
  updateAgeSeconds: number;
}): Promise<LiveSession | null> {
  const adapter = createAuthAdapter();
  const found = await adapter.getSessionAndUser!(sessionToken);
  if (!found) return null;
  const { session, user } = found;
  const now = Date.now();
  if (session.expires.valueOf() < now) {
    await adapter.deleteSession!(sessionToken);
    return null;
  }
  if (session.expires.valueOf() - maxAgeSeconds * 1000 + updateAgeSeconds * 1000 <= now) {
    await adapter.updateSession!({ sessionToken, expires: new Date(now + maxAgeSeconds * 1000) });
  }
  const createdAt = (session as { createdAt?: Date }).createdAt;
  return {
    userId: user.id,
    email: user.email,
    name: user.name ?? null,
    createdAt: createdAt ?? new Date(0),
  };
}
