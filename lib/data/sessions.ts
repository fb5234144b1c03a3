import "server-only";
import { db } from "@/lib/db";
import { hashSessionToken, SESSION_ABSOLUTE_MAX_AGE_MS } from "@/lib/data/auth-adapter";

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

/**
 * Whether a session token names a session Auth.js would accept. Asked only
 * when Auth.js found none for a cookie the browser sent: Auth.js reports a
 * failed lookup (the database unreachable) as "no session", and this query
 * tells the two apart by failing too.
 */
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
