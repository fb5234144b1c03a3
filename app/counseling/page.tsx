import type { Metadata } from "next";
import Link from "next/link";
import { SESSION_FLASH_PARAM } from "@/lib/booking/confirmations";
import { getCurrentUser } from "@/lib/auth/session";
import { counselingChoice, withChoice } from "@/lib/counseling/entry-points";
import { COUNSELING_FORMATS } from "@/lib/counseling/intake";
import { OUTCOME_FOR_PERSON, referralTimeline } from "@/lib/counseling/referral-timeline";
import { getOwnReferral } from "@/lib/data/counseling-referrals";
import { listPartnerInvitations } from "@/lib/data/partner-invitations";
import { listPartnerReferrals, type PartnerReferral } from "@/lib/data/partner-referrals";
import { listReferralAccessLog } from "@/lib/data/referral-access-log";
import {
  getOwnReferralProgress,
  listEarlierReferrals,
  type EarlierReferral,
  type OwnReferralProgress,
} from "@/lib/data/referral-progress";
import { getTrackerSettings } from "@/lib/data/tracker-settings";
import { formatDateIn } from "@/lib/time/format-in-zone";
import { ContactDetailsForm } from "@/app/counseling/_components/contact-details-form";
import { CounselingStart, EntryPoints } from "@/app/counseling/_components/counseling-start";
import { InvitationList } from "@/app/counseling/_components/invitation-list";
import { ReferralMessages } from "@/app/counseling/_components/referral-messages";
import { ReferralOpenings } from "@/app/counseling/_components/referral-openings";
import { ReferralTimeline } from "@/app/counseling/_components/referral-timeline";
import { SessionBookingCard } from "@/app/counseling/_components/session-booking-card";
import { readPeopleBooking, type SessionView } from "@/lib/data/session-booking";
import { SafetyResources, SupportNote } from "@/app/counseling/_components/safety-resources";
import { WithdrawForm } from "@/app/counseling/_components/withdraw-form";
import {
  buttonClass,
  cardClass,
  headingClass,
  linkClass,
  mutedClass,
  ownTextClass,
  textClass,
} from "@/components/ui/styles";
import type { QueryPageProps } from "@/lib/http/page-query";

/** The tab's title follows the choice; without one it names neither kind. */
export async function generateMetadata({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}): Promise<Metadata> {
  const choice = counselingChoice((await searchParams).for);
  return {
    title:
      choice === "me" ? "Counseling for me" : choice === "us" ? "Couples counseling" : "Counseling",
    robots: { index: false },
  };
}

const sectionClass = "mt-10 border-t border-neutral-200 pt-6 dark:border-neutral-800";
const noticeClass =
  "mt-6 rounded-md bg-green-50 p-3 text-green-900 dark:bg-green-950 dark:text-green-100";

// One address for every state of the person's counseling, so the URL never
// tells anyone how the private questions were answered. Before a request: the
// two entry points ("for me", "for us"). After it is sent: where it stands
// (the timeline), the messages, the partner, the contact details they can
// still change or the request they can withdraw, and who opened the file.
// A partner who joined someone's counseling sees that first.
export default async function CounselingPage({ searchParams }: QueryPageProps) {
  const query = await searchParams;
  const choice = counselingChoice(query.for);
  const user = await getCurrentUser();
  if (!user) {
    return (
      <div className="mx-auto max-w-2xl px-4 py-12">
        <CounselingStart choice={choice} signedIn={false} />
      </div>
    );
  }
  const [referral, progress, earlier, invitations, joined, { timeZone }] = await Promise.all([
    getOwnReferral({ userId: user.id }),
    getOwnReferralProgress({ userId: user.id }),
    listEarlierReferrals({ userId: user.id }),
    listPartnerInvitations({ userId: user.id }),
    listPartnerReferrals({ userId: user.id }),
    getTrackerSettings({ userId: user.id }),
  ]);
  const [openings, booking] = progress
    ? await Promise.all([
        listReferralAccessLog({ userId: user.id }),
        readPeopleBooking({ userId: user.id }),
      ])
    : [[], null];
  const hasOpenInvitation = invitations.some((i) => i.status === "pending");
  const flash = query.invitation ?? query.request;

  if (!referral && joined.length > 0 && choice === null) {
    // The partner's page leads with the counseling they joined.
    return (
      <div className="mx-auto max-w-2xl px-4 py-12">
        <h1 className={headingClass}>Your counseling</h1>
        <JoinedList joined={joined} className="mt-6" />
        <section aria-labelledby="own-heading" className={sectionClass}>
          <h2 id="own-heading" className="text-xl font-semibold">
            Counseling of your own
          </h2>
          <EntryPoints />
        </section>
        <SupportNote />
      </div>
    );
  }
  // No request yet, or a closed one and the person chose to ask again ("for me"
  // or "for us" from the closed request's page): the same start as anyone's.
  if (!referral || (referral.closed && choice !== null)) {
    return (
      <div className="mx-auto max-w-2xl px-4 py-12">
        <CounselingStart choice={choice} signedIn />
        {joined.length > 0 ? <JoinedList joined={joined} className={sectionClass} /> : null}
      </div>
    );
  }

  const individual =
    referral.format === "INDIVIDUAL" ||
    (!referral.intakeSubmittedAt && (choice === "me" || referral.screenOutcome === "CONCERN"));
  return (
    <div className="mx-auto max-w-2xl px-4 py-12">
      <h1 className={headingClass}>{individual ? "Your counseling" : "Couples counseling"}</h1>

      {!progress ? (
        referral.screenOutcome === "CONCERN" ? (
          <SafetyResources individualHref="/counseling/intake?for=me" forMe={choice === "me"} />
        ) : (
          <>
            <p className={textClass}>
              Thank you for answering the private questions. Next, tell us a little about what you
              are looking for.
            </p>
            <p className="mt-6">
              <Link href={withChoice("/counseling/intake", choice)} className={buttonClass}>
                Continue
              </Link>
            </p>
          </>
        )
      ) : (
        <RequestStatus progress={progress} session={booking?.session ?? null} timeZone={timeZone} />
      )}

      {flash === "sent" || flash === "revoked" || flash === "withdrawn" ? (
        <p role="status" className={noticeClass}>
          {FLASH[flash]}
        </p>
      ) : null}

      {booking ? <SessionBookingCard booking={booking} flash={query[SESSION_FLASH_PARAM]} /> : null}

      {progress ? <ReferralMessages userId={user.id} timeZone={timeZone} /> : null}

      {referral.partnerLinkedAt && !individual ? (
        <p className={textClass} role="status">
          Your partner accepted your invitation and joined on{" "}
          {formatDateIn(referral.partnerLinkedAt, timeZone)}. Counselors speak with each of you on
          your own before any joint session.
        </p>
      ) : null}

      {referral.canInvite || invitations.length > 0 ? (
        <section aria-labelledby="invitations-heading" className={sectionClass}>
          <h2 id="invitations-heading" className="text-xl font-semibold">
            Your partner
          </h2>
          {referral.canInvite && !hasOpenInvitation ? (
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

      {progress ? <ContactSection progress={progress} /> : null}
      {referral.closed ? (
        <section aria-labelledby="again-heading" className={sectionClass}>
          <h2 id="again-heading" className="text-xl font-semibold">
            Ask again
          </h2>
          <p className={textClass}>
            This request is closed, and it stays here as it is. You can start a new request whenever
            you want.
          </p>
          <EntryPoints />
        </section>
      ) : null}
      {progress ? (
        <ReferralOpenings openings={openings} timeZone={timeZone} sectionClass={sectionClass} />
      ) : null}
      {earlier.length > 0 ? <EarlierRequests earlier={earlier} timeZone={timeZone} /> : null}

      {joined.length > 0 ? <JoinedList joined={joined} className={sectionClass} /> : null}

      <SupportNote />
    </div>
  );
}

const FLASH = {
  sent: "Your invitation is on its way.",
  revoked: "Revoked. The link no longer works.",
  withdrawn: "Your request is withdrawn. Nobody on the counseling team will contact you about it.",
} as const;

function RequestStatus({
  progress,
  session,
  timeZone,
}: {
  progress: OwnReferralProgress;
  session: SessionView | null;
  timeZone: string;
}) {
  const steps = referralTimeline({ ...progress, session }, timeZone);
  return (
    <section aria-labelledby="referral-heading" className="mt-6">
      <h2 id="referral-heading" className="text-xl font-semibold">
        Your request
      </h2>
      <p className={textClass}>
        {progress.format ? COUNSELING_FORMATS[progress.format] : null}. Your first session is free.
      </p>
      <ReferralTimeline steps={steps} label="Your request, step by step" />
      {progress.closedAt && progress.resources ? (
        <div className={cardClass}>
          <h3 className="font-semibold">What your counselor gave you</h3>
          <p className={`mt-2 ${ownTextClass}`}>{progress.resources}</p>
        </div>
      ) : null}
      {progress.textErasedAt ? (
        <p className={`mt-4 text-sm ${mutedClass}`}>
          As promised, the words of this request (your note, your phone number, the messages and
          what your counselor gave you) were erased on{" "}
          {formatDateIn(progress.textErasedAt, timeZone)}.
        </p>
      ) : null}
    </section>
  );
}

function ContactSection({ progress }: { progress: OwnReferralProgress }) {
  return (
    <section aria-labelledby="contact-heading" className={sectionClass}>
      <h2 id="contact-heading" className="text-xl font-semibold">
        Your contact details
      </h2>
      {progress.closedAt ? (
        <p className={textClass}>
          This request is closed, so its details can no longer be changed.
        </p>
      ) : (
        <>
          <p className={textClass}>
            Change how and when a counselor may reach you. Only the counseling team sees this.
          </p>
          <ContactDetailsForm
            defaults={{
              preferredTimes: progress.preferredTimes,
              contactMethod: progress.contactMethod,
              phone: progress.phone,
              safeToLeaveMessage: progress.safeToLeaveMessage,
            }}
          />
          <details className="mt-8">
            <summary className="cursor-pointer font-medium underline underline-offset-4">
              Withdraw my request
            </summary>
            <p className={textClass}>
              If you no longer want counseling, you can withdraw. The counseling team will not
              contact you about this request
              {progress.format === "COUPLES" ? ", and any invitation still open is revoked" : ""}.
            </p>
            <WithdrawForm />
          </details>
        </>
      )}
    </section>
  );
}

function EarlierRequests({ earlier, timeZone }: { earlier: EarlierReferral[]; timeZone: string }) {
  return (
    <section aria-labelledby="earlier-heading" className={sectionClass}>
      <h2 id="earlier-heading" className="text-xl font-semibold">
        Earlier requests
      </h2>
      <ul className="mt-4 space-y-2">
        {earlier.map((request) => (
          <li key={request.id} className={textClass}>
            {request.sentAt ? `Sent ${formatDateIn(request.sentAt, timeZone)}` : "Not sent"}
            {request.closedAt ? `, closed ${formatDateIn(request.closedAt, timeZone)}. ` : ". "}
            {request.outcome ? OUTCOME_FOR_PERSON[request.outcome] : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function JoinedList({ joined, className }: { joined: PartnerReferral[]; className: string }) {
  return (
    <section aria-labelledby="joined-heading" className={className}>
      <h2 id="joined-heading" className="text-xl font-semibold">
        Counseling you joined
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
  );
}
