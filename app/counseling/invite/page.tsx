import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { NoticePage } from "@/components/ui/notice-page";
import { requireUserWithReferral } from "@/app/counseling/_lib/own-referral";
import { InviteForm } from "@/app/counseling/_components/invite-form";
import { textClass } from "@/components/ui/styles";

export const metadata: Metadata = { title: "Invite your partner", robots: { index: false } };

export default async function InvitePage() {
  const { user, referral } = await requireUserWithReferral();
  if (!referral?.canInvite) redirect("/counseling");
  return (
    <NoticePage title="Invite your partner">
      <p className={textClass}>
        We send your partner a short, plain email: your name, an invitation to start couples
        counseling together on Heartwork, that the first session is free, and links to accept or
        decline. Nothing you told us is in it. The link works for 7 days.
      </p>
      <InviteForm defaultName={user.name ?? ""} requestKey={randomUUID()} />
    </NoticePage>
  );
}
