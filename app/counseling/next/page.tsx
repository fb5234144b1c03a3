import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { NoticePage } from "@/components/ui/notice-page";
import { requireUserWithReferral } from "@/app/counseling/_lib/own-referral";
import { buttonClass, secondaryButtonClass, softClass, textClass } from "@/components/ui/styles";

export const metadata: Metadata = { title: "Your request is in", robots: { index: false } };

export default async function IntakeConfirmationPage() {
  const { referral } = await requireUserWithReferral();
  if (!referral?.intakeSubmittedAt) redirect("/counseling");
  return (
    <NoticePage title="Your request is in">
      <p className={textClass}>
        Thank you. <strong>Your first session is free.</strong>
      </p>
      <h2 className="mt-8 text-xl font-semibold">What happens next</h2>
      <ol className={`mt-4 list-decimal space-y-2 pl-6 ${softClass}`}>
        <li>The counseling team reads your request: only what you chose to share.</li>
        <li>A counselor contacts you, the way you asked, within two working days.</li>
        <li>You agree on a time for your free first session.</li>
      </ol>
      {referral.canInvite ? (
        <>
          <h2 className="mt-8 text-xl font-semibold">Your partner</h2>
          <p className={textClass}>
            Invite your partner now, or later from your counseling page. Counselors speak with each
            of you on your own before any joint session.
          </p>
          <div className="mt-6 flex flex-wrap gap-3">
            <Link href="/counseling/invite" className={buttonClass}>
              Invite your partner now
            </Link>
            <Link href="/counseling" className={secondaryButtonClass}>
              Later
            </Link>
          </div>
        </>
      ) : (
        <p className="mt-8">
          <Link href="/counseling" className={secondaryButtonClass}>
            Go to your counseling page
          </Link>
        </p>
      )}
    </NoticePage>
  );
}
