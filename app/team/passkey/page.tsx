import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { signOutAction } from "@/lib/actions/auth";
import { getTeamSession } from "@/lib/auth/team-access";
import { SESSION_ENDED_MESSAGE } from "@/lib/counseling/team-session";
import { headingClass, pageClass, secondaryButtonClass, textClass } from "@/components/ui/styles";
import { PasskeyPrompt } from "./_components/passkey-prompt";

// The team's second factor. Only active team members see this page (everyone
// else: 404, like every /team page). A session that already passed goes on to
// /team; one past its 12 hours is asked to sign in again.

export const metadata: Metadata = { title: "Team passkey", robots: { index: false } };

export default async function TeamPasskeyPage() {
  const found = await getTeamSession();
  if (!found) notFound();
  const { status, hasPasskey } = found.session;
  if (status === "verified") redirect("/team");

  if (status === "expired") {
    return (
      <div className={pageClass}>
        <h1 className={headingClass}>Please sign in again</h1>
        <p className={textClass}>{SESSION_ENDED_MESSAGE}</p>
        <form action={signOutAction} className="mt-6">
          <button type="submit" className={secondaryButtonClass}>
            Sign out
          </button>
        </form>
      </div>
    );
  }

  return (
    <div className={pageClass}>
      {hasPasskey ? (
        <>
          <h1 className={headingClass}>Confirm it is you</h1>
          <p className={textClass}>
            The team&rsquo;s pages need your passkey as well as the email link, each time you sign
            in. Your device will ask for your fingerprint, face or screen lock.
          </p>
        </>
      ) : (
        <>
          <h1 className={headingClass}>Create your team passkey</h1>
          <p className={textClass}>
            People trust the team with what they share, so the team&rsquo;s pages need a second step
            after the email link: a passkey on this device. Your device keeps it, locked by your
            fingerprint, face or screen lock; Heartwork only keeps a key that cannot sign in by
            itself.
          </p>
          <p className={textClass}>
            You create it once. Each time you sign in for the team afterwards, you use it again.
          </p>
        </>
      )}
      <PasskeyPrompt mode={hasPasskey ? "verify" : "register"} />
    </div>
  );
}
