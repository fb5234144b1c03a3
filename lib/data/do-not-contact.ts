import "server-only";
import type { Prisma } from "@/lib/db";
import { NOW_UTC } from "@/lib/data/sql-time";

// The do-not-contact list: HMACs of addresses whose owners chose "never contact
// me again". Invitations to them are created like any other (the inviter sees
// the same result, so the list cannot be probed) but never sent.

export async function isOnDoNotContactList(
  tx: Prisma.TransactionClient,
  { addressHmac }: { addressHmac: string },
): Promise<boolean> {
  const row = await tx.doNotContact.findUnique({
    where: { addressHmac },
    select: { addressHmac: true },
  });
  return row !== null;
}

/**
 * Lists the address of the invitation this token hash belongs to. One
 * statement whether or not the token matches one (then it inserts nothing).
 */
export async function addToDoNotContactListByToken(
  tx: Prisma.TransactionClient,
  { tokenHash }: { tokenHash: string },
): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "DoNotContact" ("addressHmac", "createdAt")
    SELECT "recipientHmac", ${NOW_UTC} FROM "PartnerInvitation" WHERE "tokenHash" = ${tokenHash}
    ON CONFLICT ("addressHmac") DO NOTHING`;
}
