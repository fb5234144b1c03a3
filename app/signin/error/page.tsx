import type { Metadata } from "next";
import Link from "next/link";
import { readPageQuery, type QueryPageProps } from "@/lib/http/page-query";
import { NoticePage } from "@/components/ui/notice-page";
import { linkClass, textClass } from "@/components/ui/styles";

export const metadata: Metadata = { title: "Sign-in problem", robots: { index: false } };

export default async function SignInErrorPage({ searchParams }: QueryPageProps) {
  const { error } = await readPageQuery(searchParams);
  // Auth.js says "Verification" for a link that was used, expired or never issued.
  const usedOrExpired = error === "Verification";
  return (
    <NoticePage
      title={usedOrExpired ? "This sign-in link was already used" : "We could not sign you in"}
    >
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
    </NoticePage>
  );
}
