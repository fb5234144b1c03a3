import type { Metadata } from "next";
import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/session";
import { COUNSELING_FORMATS } from "@/lib/counseling/intake";
import { getOwnReferral } from "@/lib/data/counseling-referrals";
import { listPartnerInvitations } from "@/lib/data/partner-invitations";
import { listPartnerReferrals } from "@/lib/data/partner-referrals";
import { getTrackerSettings } from "@/lib/data/tracker-settings";
import { formatDateIn } from "@/lib/time/format-in-zone";
import { InvitationList } from "@/app/counseling/_components/invitation-list";
import { ReferralMessages } from "@/app/counseling/_components/referral-messages";
import { SafetyResources, SupportNote } from "@/app/counseling/_components/safety-resources";
import { buttonClass, headingClass, linkClass, textClass } from "@/components/ui/styles";

export const metadata: Metadata = { title: "Couples counseling", robots: { index: false } };

const sectionClass = "mt-10 border-t border-neutral-200 pt-6 dark:border-neutral-800";

// "Start couples counseling" and, once started, the referral's dashboard. One
// address for every state, so the URL never tells anyone how the private
// questions were answered.
export default async function CounselingPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await getCurrentUser();
  if (!user) {
    // The article's "Start couples counseling" lands here: explain first, then sign in.
    return (
      <div className="mx-auto max-w-2xl px-4 py-12">
        <h1 className={headingClass}>Start couples counseling</h1>
        <Introduction />
        <p className="mt-6">
          <Link href="/signin?callbackUrl=%2Fcounseling" className={buttonClass}>
            Sign in to start
          </Link>
        </p>
        <p className={textClass}>
          New to Heartwork? Signing in with your email address creates your account; there is no
          password.
        </p>
        <SupportNote />
      </div>
    );
  }
  const [referral, invitations, joined, { timeZone }, { invitation: flash }] = await Promise.all([
    getOwnReferral({ userId: user.id }),
    listPartnerInvitations({ userId: user.id }),
    listPartnerReferrals({ userId: user.id }),
    getTrackerSettings({ userId: user.id }),
    searchParams,
  ]);
  const hasOpenInvitation = invitations.some((i) => i.status === "pending");

  return (
    <div className="mx-auto max-w-2xl px-4 py-12">
      <h1 className={headingClass}>
        {referral ? "Couples counseling" : "Start couples counseling"}
      </h1>

      {!referral ? (
        <>
          <Introduction />
          <p className="mt-6">
            <Link href="/counseling/screen" className={buttonClass}>
              Start
            </Link>
          </p>
        </>
      ) : !referral.intakeSubmittedAt ? (
        referral.screenOutcome === "CONCERN" ? (
          <SafetyResources individualHref="/counseling/intake" />
        ) : (
          <>
            <p className={textClass}>
              Thank you for answering the private questions. Next, tell us a little about what you
              are looking for.
            </p>
            <p className="mt-6">
              <Link href="/counseling/intake" className={buttonClass}>
                Continue
              </Link>
            </p>
          </>
        )
      ) : (
        <section aria-labelledby="referral-heading" className="mt-6">
          <h2 id="referral-heading" className="text-xl font-semibold">
            Your request
          </h2>
          <p className={textClass}>
            {referral.format ? COUNSELING_FORMATS[referral.format] : null}. Your first session is
            free. The counseling team has your request and will contact you the way you chose.
          </p>
          {referral.partnerLinkedAt ? (
            <p className={textClass} role="status">
              Your partner accepted your invitation and joined on{" "}
              {formatDateIn(referral.partnerLinkedAt, timeZone)}. Counselors speak with each of you
              on your own before any joint session.
            </p>
          ) : null}
        </section>
      )}

      {referral?.intakeSubmittedAt ? (
        <ReferralMessages userId={user.id} timeZone={timeZone} />
      ) : null}

      {flash === "sent" || flash === "revoked" ? (
        <p
          role="status"
          className="mt-6 rounded-md bg-green-50 p-3 text-green-900 dark:bg-green-950 dark:text-green-100"
        >
          {flash === "sent"
            ? "Your invitation is on its way."
            : "Revoked. The link no longer works."}
        </p>
      ) : null}

      {referral?.canInvite || invitations.length > 0 ? (
        <section aria-labelledby="invitations-heading" className={sectionClass}>
          <h2 id="invitations-heading" className="text-xl font-semibold">
            Your partner
          </h2>
          {referral?.canInvite && !hasOpenInvitation ? (
            <>
              <p className={textClass}>
                Invite your partner by email whenever you are ready. They will get a short, plain
                email with your name and a link; nothing you told us is in it.
              </p>
              <p className="mt-4">
                <Link href="/counseling/invite" className={buttonClass}>
                  Invite your partner
                </Link>
              </p>
            </>
          ) : null}
          {invitations.length > 0 ? (
            <InvitationList invitations={invitations} timeZone={timeZone} />
          ) : null}
        </section>
      ) : null}

      {joined.length > 0 ? (
        <section aria-labelledby="joined-heading" className={sectionClass}>
          <h2 id="joined-heading" className="text-xl font-semibold">
            Counseling you were invited to
          </h2>
          <ul className="mt-4 space-y-2">
            {joined.map((referral) => (
              <li key={referral.id}>
                <Link href={`/counseling/joined/${referral.id}`} className={linkClass}>
                  With {referral.inviterName}
                </Link>
                {referral.screenOutcome === null
                  ? " (a few private questions are waiting for you)"
                  : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <SupportNote />
    </div>
  );
}

function Introduction() {
  return (
    <>
      <p className={textClass}>
        Start couples counseling on Heartwork: begin on your own now, and invite your partner by
        email now or later. Your first session is free.
      </p>
      <p className={textClass}>
        First, a few private questions about your safety. Your partner never sees them or your
        answers, and we do not keep the answers.
      </p>
    </>
  );
}
