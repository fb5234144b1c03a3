import type { Metadata } from "next";
import Link from "next/link";
import { readPageQuery, type RoutePageProps } from "@/lib/http/page-query";
import { getCurrentUser } from "@/lib/auth/session";
import { switchAccountForInvitation } from "@/lib/actions/invitations";
import { getInvitationForRecipient } from "@/lib/data/invitation-responses";
import { getTrackerSettings } from "@/lib/data/tracker-settings";
import { formatDateIn } from "@/lib/time/format-in-zone";
import { invitationTokenSchema } from "@/lib/validations/counseling";
import {
  AcceptForm,
  DeclineChoices,
} from "@/app/invitations/[token]/_components/invitation-choices";
import { ButtonForm } from "@/components/forms/button-form";
import { NoticePage } from "@/components/ui/notice-page";
import { headingClass, linkClass, mutedClass, pageClass, textClass } from "@/components/ui/styles";

export const metadata: Metadata = { title: "An invitation", robots: { index: false } };

// Where the emailed links land. Showing this page (GET or HEAD, by a person or
// an email scanner) reads and never writes: only the buttons act, as POSTs.
export default async function InvitationPage({
  params,
  searchParams,
}: RoutePageProps<{ token: string }>) {
  const [{ token: rawToken }, { choice }] = await Promise.all([
    params,
    readPageQuery(searchParams),
  ]);
  const parsedToken = invitationTokenSchema.safeParse(rawToken);
  const user = await getCurrentUser();
  const invitation = parsedToken.success
    ? await getInvitationForRecipient({
        token: parsedToken.data,
        viewer: user ? { id: user.id, email: user.email } : null,
      })
    : ({ state: "unavailable" } as const);
  const token = parsedToken.success ? parsedToken.data : "";

  if (invitation.state === "accepted_by_viewer") {
    return (
      <NoticePage title="You accepted this invitation">
        <p className={textClass}>
          <Link href="/counseling" className={linkClass}>
            Go to your counseling page
          </Link>
        </p>
      </NoticePage>
    );
  }

  if (invitation.state === "unavailable") {
    return (
      <NoticePage title="This invitation is no longer open">
        <p className={textClass}>
          It may have expired, been answered, or been withdrawn by the person who sent it. If you
          were sent a newer email, use the link in that one.
        </p>
        <DeclineChoices token={token} inviterName="" canDecline={false} />
      </NoticePage>
    );
  }

  const { inviterName, message, recipientHint, expiresAt, viewer } = invitation;
  // A visitor who is not signed in has no zone of their own yet: UTC, and the date says so.
  const timeZone = user ? (await getTrackerSettings({ userId: user.id })).timeZone : "UTC";
  return (
    <div className={pageClass}>
      <h1 className={headingClass}>{inviterName} invited you to couples counseling</h1>
      <p className={textClass}>
        {inviterName} invited you to start couples counseling together on Heartwork.{" "}
        <strong>The first session is free.</strong> Nothing happens unless you choose below. The
        invitation is open until {formatDateIn(expiresAt, timeZone)}
        {timeZone === "UTC" ? " (UTC)" : ""}.
      </p>
      {message ? (
        <figure className="mt-6">
          <blockquote className="border-l-4 border-brand-700 pl-4 whitespace-pre-line text-neutral-800 dark:border-brand-100 dark:text-neutral-200">
            {message}
          </blockquote>
          <figcaption className={`mt-2 text-sm ${mutedClass}`}>
            A personal message from {inviterName}
          </figcaption>
        </figure>
      ) : null}
      {choice === "decline" || choice === "never" ? (
        <p className={textClass}>
          You chose to {choice === "never" ? "never be contacted again" : "decline"} in the email.
          Confirm with the button below: opening the link alone changes nothing.
        </p>
      ) : null}

      <section aria-labelledby="accept-heading" className="mt-8">
        <h2 id="accept-heading" className="text-xl font-semibold">
          Accept
        </h2>
        {viewer === "invited" ? (
          <>
            <p className={textClass}>
              After you accept, we ask you a few private questions before anything joint happens.{" "}
              {inviterName} never sees your answers, your tracker or anything you write, and you
              never see theirs. Accepting shares your email address with the Heartwork counseling
              team so they can arrange your free first session.
            </p>
            <AcceptForm token={token} label="Accept the invitation" />
          </>
        ) : viewer === "anonymous" ? (
          <>
            <p className={textClass}>
              To accept, sign in, or create your account, with the address this invitation was sent
              to ({recipientHint}). It takes one email, no password. Then come back here and accept.
            </p>
            <AcceptForm token={token} label="Sign in to accept" />
          </>
        ) : viewer === "other" ? (
          <>
            <p className={textClass} role="status">
              You are signed in as {user?.email}, but this invitation was sent to a different
              address ({recipientHint}). To accept, sign out and sign in with that address.
            </p>
            <ButtonForm action={switchAccountForInvitation} hidden={{ token }} className="mt-4">
              Sign out and use another address
            </ButtonForm>
          </>
        ) : (
          <p className={textClass}>
            This is your own invitation. It is for your partner to accept.
          </p>
        )}
      </section>

      {viewer === "inviter" ? null : (
        <DeclineChoices token={token} inviterName={inviterName} canDecline />
      )}
    </div>
  );
}
