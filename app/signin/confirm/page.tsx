import type { Metadata } from "next";
import Link from "next/link";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { EMAIL_PROVIDER_ID } from "@/lib/auth/constants";
import { queryText, readPageQuery, type QueryPageProps } from "@/lib/http/page-query";
import { emailAddressProblem } from "@/lib/validations/email-address";
import { ButtonForm } from "@/components/forms/button-form";
import { NoticePage } from "@/components/ui/notice-page";
import { buttonClass, linkClass, textClass } from "@/components/ui/styles";

export const metadata: Metadata = { title: "Confirm sign-in", robots: { index: false } };

// The page the emailed link opens. Opening it (GET, HEAD: what mail scanners
// do) changes nothing; only the button below spends the one-time token.
export default async function ConfirmSignInPage({ searchParams }: QueryPageProps) {
  const query = await readPageQuery(searchParams);
  const token = queryText(query.token);
  const email = queryText(query.email);
  const complete = /^[A-Za-z0-9_-]{16,256}$/.test(token) && emailAddressProblem(email) === null;

  if (!complete) {
    return (
      <NoticePage title="This link is incomplete">
        <p className={textClass}>
          Part of the sign-in link seems to be missing. Copy the whole link from the email, or{" "}
          <Link className={linkClass} href="/signin">
            ask for a new one
          </Link>
          .
        </p>
      </NoticePage>
    );
  }
  return (
    <NoticePage title="Sign in to Heartwork">
      <p className={textClass}>
        You are signing in as <strong>{email}</strong>.
      </p>
      <ButtonForm
        action={`/api/auth/callback/${EMAIL_PROVIDER_ID}`}
        hidden={{ token, email, callbackUrl: safeCallbackPath(query.callbackUrl) }}
        className="mt-8"
        buttonClassName={buttonClass}
      >
        Sign in
      </ButtonForm>
      <p className={`${textClass} text-sm`}>
        Did not ask to sign in? Close this page; nothing happens without the button.
      </p>
    </NoticePage>
  );
}
