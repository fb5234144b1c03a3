import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { headingClass, linkClass, pageClass, textClass } from "@/components/ui/styles";

export const metadata: Metadata = { title: "Sign-in problem", robots: { index: false } };

export default async function SignInErrorPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await connection();
  const { error } = await searchParams;
  const usedOrExpired = error === "Verification";
  return (
    <div className={pageClass}>
      <h1 className={headingClass}>
        {usedOrExpired ? "This sign-in link was already used" : "We could not sign you in"}
      </h1>
      <p className={textClass}>
        {usedOrExpired
          ? "Each link works once, for 10 minutes: this one has been used or has expired. If you just signed in, you are already in."
          : "Something went wrong while signing you in. Please try again."}
      </p>
      <p className={textClass}>
        <Link className={linkClass} href="/signin">
          Get a new sign-in link
        </Link>{" "}
        or go to{" "}
        <Link className={linkClass} href="/account">
          your account
        </Link>
        .
      </p>
    </div>
  );
}
