import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { SESSION_FLASH_PARAM } from "@/lib/booking/confirmations";
import type { RoutePageProps } from "@/lib/http/page-query";
import { submitPartnerSafetyScreen } from "@/lib/actions/counseling";
import { referralTimeline } from "@/lib/counseling/referral-timeline";
import { getPartnerReferral } from "@/lib/data/partner-referrals";
import { listReferralAccessLog } from "@/lib/data/referral-access-log";
import { getJoinedReferralSteps } from "@/lib/data/referral-progress";
import { getTrackerSettings } from "@/lib/data/tracker-settings";
import { ReferralMessages } from "@/app/counseling/_components/referral-messages";
import { ReferralOpenings } from "@/app/counseling/_components/referral-openings";
import { ReferralTimeline } from "@/app/counseling/_components/referral-timeline";
import { SessionBookingCard } from "@/app/counseling/_components/session-booking-card";
import { readPeopleBooking } from "@/lib/data/session-booking";
import { SafetyResources, SupportNote } from "@/app/counseling/_components/safety-resources";
import { SafetyScreenForm } from "@/app/counseling/_components/safety-screen-form";
import {
  headingClass,
  linkClass,
  pageClass,
  sectionRuleClass,
  textClass,
} from "@/components/ui/styles";

export const metadata: Metadata = { title: "Couples counseling", robots: { index: false } };

// The invited partner's page for the referral they joined. They see who
// invited them and their own next step; nothing the inviter wrote or answered.
// Once their own screen is clear they take part: they see where the referral
// stands (never how it ended: that was written for the person who asked) and
// who on the team opened it, as the person does.
export default async function JoinedCounselingPage({
  params,
  searchParams,
}: RoutePageProps<{ referralId: string }>) {
  const user = await requireUser();
  const [{ referralId }, query] = await Promise.all([params, searchParams]);
  const referral = /^[A-Za-z0-9_-]{1,64}$/.test(referralId)
    ? await getPartnerReferral({ userId: user.id, referralId })
    : null;
  if (!referral) notFound();
  const joined = referral.screenOutcome === "CLEAR";
  const [steps, openings, { timeZone }, booking] = joined
    ? await Promise.all([
        getJoinedReferralSteps({ userId: user.id, referralId: referral.id }),
        listReferralAccessLog({ userId: user.id, referralId: referral.id }),
        getTrackerSettings({ userId: user.id }),
        readPeopleBooking({ userId: user.id, referralId: referral.id }),
      ])
    : [null, [], { timeZone: "UTC" }, null];

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
          {steps ? (
            <section aria-labelledby="steps-heading" className={sectionRuleClass}>
              <h2 id="steps-heading" className="text-xl font-semibold">
                Where it stands
              </h2>
              <ReferralTimeline
                steps={referralTimeline({ ...steps, session: booking?.session ?? null }, timeZone)}
                label="The counseling request, step by step"
              />
            </section>
          ) : null}
          {booking ? (
            <SessionBookingCard booking={booking} flash={query[SESSION_FLASH_PARAM]} />
          ) : null}
          <ReferralMessages userId={user.id} referralId={referral.id} timeZone={timeZone} />
          <ReferralOpenings
            openings={openings}
            timeZone={timeZone}
            sectionClass={sectionRuleClass}
          />
        </>
      )}
      <SupportNote />
    </div>
  );
}
