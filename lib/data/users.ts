import "server-only";
import { db } from "@/lib/db";

export async function getAccountProfile({ userId }: { userId: string }) {
  return db.user.findUnique({
    where: { id: userId },
    select: { email: true, name: true, createdAt: true },
  });
}

export async function updateDisplayName({
  userId,
  name,
}: {
  userId: string;
  name: string | null;
}): Promise<void> {
  await db.user.updateMany({ where: { id: userId }, data: { name } });
}
