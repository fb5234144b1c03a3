import Link from "next/link";
import {
  COUNSELING_CHOICES,
  COUNSELING_ENTRY,
  withChoice,
  type CounselingChoice,
} from "@/lib/counseling/entry-points";
import { SupportNote } from "@/app/counseling/_components/safety-resources";
import { buttonClass, headingClass, softClass, textClass } from "@/components/ui/styles";

// Before a request exists: the two entry points, "counseling for me" and
// "counseling for us", and each one's own page. A person who chose "for me"
// reads nothing about couples or inviting a partner.

const CARD =
  "block rounded-2xl border border-neutral-200 p-5 hover:border-brand-700 focus-visible:border-brand-700 dark:border-neutral-800 dark:hover:border-brand-100";

export function startTitle(choice: CounselingChoice | null): string {
  return choice ? COUNSELING_ENTRY[choice].title : "Counseling on Heartwork";
}

export function CounselingStart({
  choice,
  signedIn,
}: {
  choice: CounselingChoice | null;
  signedIn: boolean;
}) {
  const next = signedIn
    ? withChoice("/counseling/screen", choice)
    : `/signin?callbackUrl=${encodeURIComponent(withChoice("/counseling", choice))}`;
  return (
    <>
      <h1 className={headingClass}>{startTitle(choice)}</h1>
      {choice === null ? (
        <EntryPoints />
      ) : (
        <>
          {choice === "me" ? (
            <p className={textClass}>
              Talk to a professional counselor on your own, online, about whatever you are going
              through. Your first session is free.
            </p>
          ) : (
            <p className={textClass}>
              Start couples counseling on Heartwork: begin on your own now, and invite your partner
              by email now or later. Your first session is free.
            </p>
          )}
          <p className={textClass}>
            First, a few private questions about your safety.{" "}
            {choice === "me"
              ? "Nobody else sees them or your answers"
              : "Your partner never sees them or your answers"}
            , and we do not keep the answers.
          </p>
          <p className="mt-6">
            <Link href={next} className={buttonClass}>
              {signedIn ? "Start" : "Sign in to start"}
            </Link>
          </p>
          {signedIn ? null : (
            <p className={textClass}>
              New to Heartwork? Signing in with your email address creates your account; there is no
              password.
            </p>
          )}
          <p className={`mt-6 text-sm ${softClass}`}>
            <Link href="/counseling" className="underline underline-offset-4">
              Choose the other kind of counseling
            </Link>
          </p>
        </>
      )}
      <SupportNote />
    </>
  );
}

/** The two choices as cards; also under a partner's "Counseling of your own". */
export function EntryPoints() {
  return (
    <>
      <p className={textClass}>Who is the counseling for? Your first session is free either way.</p>
      <ul className="mt-6 grid gap-4 sm:grid-cols-2">
        {COUNSELING_CHOICES.map((choice) => (
          <li key={choice}>
            <Link href={COUNSELING_ENTRY[choice].href} className={CARD}>
              <span className="block text-lg font-semibold">{COUNSELING_ENTRY[choice].label}</span>
              <span className={`mt-1 block text-sm ${softClass}`}>
                {COUNSELING_ENTRY[choice].summary}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
