import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { sendTeamMessage } from "@/lib/actions/team-referrals";
import { requireTeamPage } from "@/lib/auth/team-access";
import { MESSAGE_THREADS, type MessageThread } from "@/lib/counseling/team";
import {
  CLAIMED_FLASH,
  CLAIMED_MESSAGE,
  CLOSING_OUTCOME_LABELS,
  threadLabel,
} from "@/lib/counseling/team-labels";
import { queryText, type RoutePageProps } from "@/lib/http/page-query";
import { SESSION_FLASH_PARAM } from "@/lib/booking/confirmations";
import { openTeamReferral } from "@/lib/data/team-referral";
import { referralIdSchema } from "@/lib/validations/team";
import { formatDateTimeIn } from "@/lib/time/format-in-zone";
import { ReferralActions } from "@/app/team/_components/referral-actions";
import { SharedReferralDetails } from "@/app/team/_components/shared-referral-details";
import { SessionBookingPanel } from "@/app/team/_components/session-booking-panel";
import { StateBadge } from "@/app/team/_components/state-badge";
import { TeamSubpage } from "@/app/team/_components/team-subpage";
import { readTeamBooking } from "@/lib/data/session-booking";
import { MessageForm } from "@/components/counseling/message-form";
import { ThreadMessages } from "@/components/counseling/thread-messages";
import { FlashStatus } from "@/components/ui/flash-status";
import {
  cardClass,
  mutedClass,
  ownTextClass,
  sectionRuleClass,
  textClass,
  tabLinkClass,
} from "@/components/ui/styles";

// One referral as a team member opens it. Opening it is recorded (the person
// sees who opened their file); a referral outside the member's scope, or one
// that does not exist, is a plain 404. Headers come from the proxy.
/** Who reads each conversation besides the counselor, said beside the box they write in. */
const TEAM_THREAD_READERS: Record<MessageThread, string> = {
  PERSON: "Only the person who asked reads this conversation.",
  PARTNER: "Only the partner reads this conversation.",
  SHARED: "The person and their partner both read this conversation.",
};

export const metadata: Metadata = { title: "Referral" }; // noindex, nofollow: app/team/layout.tsx

export default async function TeamReferralPage({
  params,
  searchParams,
}: RoutePageProps<{ referralId: string }>) {
  const { user, member } = await requireTeamPage();
  const [{ referralId }, query] = await Promise.all([params, searchParams]);
  const thread: MessageThread = MESSAGE_THREADS.includes(query.thread as MessageThread)
    ? (query.thread as MessageThread)
    : "PERSON";
  const referral = referralIdSchema.safeParse(referralId).success
    ? await openTeamReferral({ userId: user.id, referralId, thread })
    : null;
  if (!referral) notFound();
  // Times and join details are for the holder alone (null for anyone else).
  const booking = referral.claimedByMe
    ? await readTeamBooking({ userId: user.id, referralId: referral.id })
    : null;
  const zone = referral.timeZone;
  const coordinator = member.role === "coordinator";
  const canWrite = referral.claimedByMe && referral.state !== "CLOSED";

  return (
    <TeamSubpage title="Referral">
      <p className={`mt-2 flex flex-wrap items-center gap-2 ${mutedClass}`}>
        <span>Sent {formatDateTimeIn(referral.submittedAt, zone)}</span>
        <StateBadge referral={referral} />
      </p>
      {`claimed=${queryText(query.claimed)}` === CLAIMED_FLASH && referral.claimedByMe ? (
        <FlashStatus>{CLAIMED_MESSAGE}</FlashStatus>
      ) : null}
      <SharedReferralDetails referral={referral} />

      {referral.state === "CLOSED" ? (
        <div className={cardClass}>
          <p>
            <strong>Closed</strong>
            {referral.closedAt ? ` on ${formatDateTimeIn(referral.closedAt, zone)}` : null}:{" "}
            {referral.closeOutcome
              ? (CLOSING_OUTCOME_LABELS[
                  referral.closeOutcome as keyof typeof CLOSING_OUTCOME_LABELS
                ] ?? referral.closeOutcome)
              : "no outcome given"}
            .
          </p>
          {referral.closeResources ? (
            <p className={`mt-2 ${ownTextClass}`}>{referral.closeResources}</p>
          ) : null}
        </div>
      ) : null}

      <ReferralActions referral={referral} coordinator={coordinator} />

      {booking ? (
        <SessionBookingPanel
          referralId={referral.id}
          booking={booking}
          closed={referral.state === "CLOSED"}
          now={new Date()}
          flash={query[SESSION_FLASH_PARAM]}
        />
      ) : null}

      <section aria-labelledby="messages-heading" className={sectionRuleClass}>
        <h2 id="messages-heading" className="text-xl font-semibold">
          Messages
        </h2>
        {referral.threads.length > 1 ? (
          <nav aria-label="Conversations" className="mt-3">
            <ul className="flex flex-wrap gap-2">
              {referral.threads.map((name) => (
                <li key={name}>
                  <Link
                    href={`/team/referrals/${referral.id}${name === "PERSON" ? "" : `?thread=${name}`}`}
                    aria-current={name === referral.thread.name ? "page" : undefined}
                    className={tabLinkClass}
                  >
                    {threadLabel(name, "team")}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        <h3 className="mt-4 font-semibold">{threadLabel(referral.thread.name, "team")}</h3>
        {referral.threads.includes(referral.thread.name) ? (
          <>
            <ThreadMessages
              messages={referral.thread.messages}
              side="team"
              timeZone={zone}
              label={threadLabel(referral.thread.name, "team")}
            />
            {canWrite ? (
              <MessageForm
                // One form per thread: a "Sent." (or typed words) must not follow the
                // counselor to another conversation, whose readers differ.
                key={referral.thread.name}
                action={sendTeamMessage}
                referralId={referral.id}
                thread={referral.thread.name}
                requestKey={randomUUID()}
                hint={`${TEAM_THREAD_READERS[referral.thread.name]} Stored encrypted; the email about it says only that there is a new message.`}
              />
            ) : (
              <p className={textClass}>
                {referral.state === "CLOSED"
                  ? "This referral is closed; its conversations are read-only."
                  : "Only the team member who holds this referral writes here."}
              </p>
            )}
          </>
        ) : (
          <p className={textClass}>This conversation opens once the partner has joined.</p>
        )}
      </section>
    </TeamSubpage>
  );
}
