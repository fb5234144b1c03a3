import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { getCurrentUser } from "@/lib/auth/session";
import { SignInForm } from "@/app/signin/_components/sign-in-form";
import { headingClass, linkClass, pageClass, textClass } from "@/components/ui/styles";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await connection();
  const { callbackUrl } = await searchParams;
  const target = safeCallbackPath(callbackUrl);
  const user = await getCurrentUser();
  return (
    <div className={pageClass}>
      <h1 className={headingClass}>Sign in to Heartwork</h1>
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
      <SignInForm callbackUrl={target} />
    </div>
  );
}
