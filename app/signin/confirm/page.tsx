import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { EMAIL_PROVIDER_ID } from "@/lib/auth/constants";
import { emailAddressProblem } from "@/lib/validations/email-address";
import { buttonClass, headingClass, linkClass, pageClass, textClass } from "@/components/ui/styles";

export const metadata: Metadata = { title: "Confirm sign-in", robots: { index: false } };

// The page the emailed link opens. Opening it (GET, HEAD: what mail scanners
// do) changes nothing; only the button below spends the one-time token.
export default async function ConfirmSignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await connection();
  const params = await searchParams;
  const token = typeof params.token === "string" ? params.token : "";
  const email = typeof params.email === "string" ? params.email : "";
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  const complete = /^[A-Za-z0-9_-]{16,256}$/.test(token) && emailAddressProblem(email) === null;

  if (!complete) {
    return (
      <div className={pageClass}>
        <h1 className={headingClass}>This link is incomplete</h1>
        <p className={textClass}>
          Part of the sign-in link seems to be missing. Copy the whole link from the email, or{" "}
          <Link className={linkClass} href="/signin">
            ask for a new one
          </Link>
          .
        </p>
      </div>
    );
  }
  return (
    <div className={pageClass}>
      <h1 className={headingClass}>Sign in to Heartwork</h1>
      <p className={textClass}>
        You are signing in as <strong>{email}</strong>.
      </p>
      <form method="post" action={`/api/auth/callback/${EMAIL_PROVIDER_ID}`} className="mt-8">
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="email" value={email} />
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <button type="submit" className={buttonClass}>
          Sign in
        </button>
      </form>
      <p className={`${textClass} text-sm`}>
        Did not ask to sign in? Close this page; nothing happens without the button.
      </p>
    </div>
  );
}
