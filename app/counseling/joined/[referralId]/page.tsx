import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { submitPartnerSafetyScreen } from "@/lib/actions/counseling";
import { getPartnerReferral } from "@/lib/data/partner-referrals";
import { getTrackerSettings } from "@/lib/data/tracker-settings";
import { ReferralMessages } from "@/app/counseling/_components/referral-messages";
import { SafetyResources, SupportNote } from "@/app/counseling/_components/safety-resources";
import { SafetyScreenForm } from "@/app/counseling/_components/safety-screen-form";
import { headingClass, linkClass, pageClass, textClass } from "@/components/ui/styles";

export const metadata: Metadata = { title: "Couples counseling", robots: { index: false } };

// The invited partner's page for the referral they joined. They see who
// invited them and their own next step; nothing the inviter wrote or answered.
export default async function JoinedCounselingPage({
  params,
}: {
  params: Promise<{ referralId: string }>;
}) {
  const user = await requireUser();
  const { referralId } = await params;
  const referral = /^[A-Za-z0-9_-]{1,64}$/.test(referralId)
    ? await getPartnerReferral({ userId: user.id, referralId })
    : null;
  if (!referral) notFound();

  return (
    <div className={pageClass}>
      <h1 className={headingClass}>Couples counseling with {referral.inviterName}</h1>
      {referral.screenOutcome === null ? (
        <>
          <p className={textClass}>
            You accepted the invitation. Before anything joint, we ask you the same private
            questions we ask everyone. {referral.inviterName} will never see these questions or your
            answers, and we do not keep your answers.
          </p>
          <SafetyScreenForm action={submitPartnerSafetyScreen} referralId={referral.id} />
        </>
      ) : referral.screenOutcome === "CONCERN" ? (
        <SafetyResources individualHref="/counseling" />
      ) : (
        <>
          <p className={textClass} role="status">
            You and {referral.inviterName} are linked in couples counseling on Heartwork.
          </p>
          <p className={textClass}>
            <strong>Your first session is free.</strong> A counselor will contact you by email to
            speak with you on your own first, then to arrange sessions together.
          </p>
          <p className={textClass}>
            Your own tracker and anything you write on Heartwork stay private to you.{" "}
            <Link href="/counseling" className={linkClass}>
              Your counseling page
            </Link>
          </p>
          <ReferralMessages
            userId={user.id}
            referralId={referral.id}
            timeZone={(await getTrackerSettings({ userId: user.id })).timeZone}
          />
        </>
      )}
      <SupportNote />
    </div>
  );
}
