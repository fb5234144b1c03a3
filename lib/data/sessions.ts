import "server-only";
import { db } from "@/lib/db";

/** Signs the user out everywhere: every session row of theirs goes. */
export async function deleteAllSessionsOfUser({ userId }: { userId: string }): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { userId } });
  return count;
}

export async function countSessionsOfUser({ userId }: { userId: string }): Promise<number> {
  return db.session.count({ where: { userId } });
}
