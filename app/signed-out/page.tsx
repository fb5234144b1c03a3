import type { Metadata } from "next";
import Link from "next/link";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { readPageQuery, type QueryPageProps } from "@/lib/http/page-query";
import { NoticePage } from "@/components/ui/notice-page";
import { linkClass, textClass } from "@/components/ui/styles";

export const metadata: Metadata = { title: "Signed out", robots: { index: false } };

export default async function SignedOutPage({ searchParams }: QueryPageProps) {
  const query = await readPageQuery(searchParams);
  if (query.deleted === "1") {
    return (
      <NoticePage title="Your account has been deleted">
        <p className={textClass}>
          Your account and everything in it are gone, and every device has been signed out. Take
          care of yourself.
        </p>
      </NoticePage>
    );
  }
  const signInHref = `/signin?${new URLSearchParams({ callbackUrl: safeCallbackPath(query.callbackUrl) })}`;
  return (
    <NoticePage title="You are signed out">
      <p className={textClass}>
        {query.everywhere === "1"
          ? "You have been signed out on every device."
          : "Your session has ended on this device."}
      </p>
      <p className={textClass}>
        <Link className={linkClass} href={signInHref}>
          Sign in again
        </Link>
      </p>
    </NoticePage>
  );
}
