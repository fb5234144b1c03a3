import "server-only";
import { db } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/outbox";
import { sealSignInPath } from "@/lib/email/templates/sign-in";

/** Queues a magic-link email. Auth.js creates the token itself; only the mail is ours. */
export async function queueSignInEmail({ to, path }: { to: string; path: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email: to }, select: { id: true } });
    await enqueueEmail(tx, {
      to,
      template: "sign-in",
      data: sealSignInPath(path),
      ...(user ? { userId: user.id } : {}),
    });
  });
}
