import "server-only";
import type { Prisma } from "@/lib/db";

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

export async function addToDoNotContactList(
  tx: Prisma.TransactionClient,
  { addressHmac }: { addressHmac: string },
): Promise<void> {
  await tx.doNotContact.createMany({ data: [{ addressHmac }], skipDuplicates: true });
}
