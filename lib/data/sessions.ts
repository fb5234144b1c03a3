import "server-only";
import { db } from "@/lib/db";
import { hashSessionToken } from "@/lib/data/auth-adapter";

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
