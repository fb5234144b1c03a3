import "server-only";
import type { Prisma } from "@/lib/db";
import { NOW_UTC } from "@/lib/data/sql-time";

// The do-not-contact list: HMACs of canonical addresses whose owners chose
// "never contact me again" (rows older than canonical matching hash the address
// as typed, so a check takes every HMAC an address may be listed under).
// Invitations to them are created like any other (the inviter sees the same
// result, so the list cannot be probed) but never sent.

/** `addressHmacs`: every HMAC the address may be listed under (lib/crypto/address-hmac.ts). */
export async function isOnDoNotContactList(
  tx: Prisma.TransactionClient,
  { addressHmacs }: { addressHmacs: string[] },
): Promise<boolean> {
  const row = await tx.doNotContact.findFirst({
    where: { addressHmac: { in: addressHmacs } },
    select: { addressHmac: true },
  });
  return row !== null;
}

/**
 * Lists the canonical address of the invitation this token hash belongs to, so
 * every spelling of that mailbox is refused from now on. One
 * statement whether or not the token matches one (then it inserts nothing).
 */
export async function addToDoNotContactListByToken(
  tx: Prisma.TransactionClient,
  { tokenHash }: { tokenHash: string },
): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "DoNotContact" ("addressHmac", "createdAt")
    SELECT "recipientCanonicalHmac", ${NOW_UTC} FROM "PartnerInvitation" WHERE "tokenHash" = ${tokenHash}
    ON CONFLICT ("addressHmac") DO NOTHING`;
}
