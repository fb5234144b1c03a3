import "server-only";
import { db } from "@/lib/db";

// The development mailbox: mail kept instead of sent when no SMTP server is
// configured. Only reachable when lib/email/transport.ts says it is enabled.

export type DevMailboxMessage = {
  id: string;
  to: string;
  subject: string;
  text: string;
  createdAt: Date;
};

export async function storeDevMailboxMessage(message: {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}): Promise<void> {
  // Upsert: a message re-sent after a lost acknowledgement is kept once.
  await db.devMailboxMessage.upsert({
    where: { id: message.id },
    create: message,
    update: {},
  });
}

export async function listDevMailboxMessages({
  limit,
}: {
  limit: number;
}): Promise<DevMailboxMessage[]> {
  return db.devMailboxMessage.findMany({
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { id: true, to: true, subject: true, text: true, createdAt: true },
  });
}

export async function purgeOldDevMailboxMessages(): Promise<number> {
  const { count } = await db.devMailboxMessage.deleteMany({
    where: { createdAt: { lt: new Date(Date.now() - 7 * 24 * 60 * 60 * 1000) } },
  });
  return count;
}
