import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { getOwnReferral } from "@/lib/data/counseling-referrals";
import { InviteForm } from "@/app/counseling/_components/invite-form";
import { headingClass, pageClass, textClass } from "@/components/ui/styles";

export const metadata: Metadata = { title: "Invite your partner", robots: { index: false } };

export default async function InvitePage() {
  const user = await requireUser();
  const referral = await getOwnReferral({ userId: user.id });
  if (!referral?.canInvite) redirect("/counseling");
  return (
    <div className={pageClass}>
      <h1 className={headingClass}>Invite your partner</h1>
      <p className={textClass}>
        We send your partner a short, plain email: your name, an invitation to start couples
        counseling together on Heartwork, that the first session is free, and links to accept or
        decline. Nothing you told us is in it. The link works for 7 days.
      </p>
      <InviteForm defaultName={user.name ?? ""} requestKey={randomUUID()} />
    </div>
  );
}
