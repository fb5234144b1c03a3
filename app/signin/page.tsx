import type { Metadata } from "next";
import Link from "next/link";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { getCurrentUser } from "@/lib/auth/session";
import { readPageQuery, type QueryPageProps } from "@/lib/http/page-query";
import { requestSignInLink } from "@/lib/actions/auth";
import { ActionForm } from "@/components/forms/action-form";
import { TextField } from "@/components/forms/text-field";
import { NoticePage } from "@/components/ui/notice-page";
import { linkClass, textClass } from "@/components/ui/styles";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

export default async function SignInPage({ searchParams }: QueryPageProps) {
  const target = safeCallbackPath((await readPageQuery(searchParams)).callbackUrl);
  const user = await getCurrentUser();
  return (
    <NoticePage title="Sign in to Heartwork">
      {user ? (
        <p className={textClass}>
          You are already signed in.{" "}
          <Link className={linkClass} href={target}>
            Continue
          </Link>
        </p>
      ) : null}
      <p className={textClass}>
        Enter your email address and we will send you a link to sign in. There is no password to
        remember. If you are new, the link creates your account.
      </p>
      <ActionForm
        action={requestSignInLink}
        hidden={{ callbackUrl: target }}
        submitLabel="Email me a sign-in link"
        className="mt-8 space-y-6"
      >
        <TextField
          label="Email address"
          name="email"
          type="email"
          autoComplete="email"
          inputMode="email"
        />
      </ActionForm>
    </NoticePage>
  );
}
