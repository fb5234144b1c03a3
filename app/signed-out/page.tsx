import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { headingClass, linkClass, pageClass, textClass } from "@/components/ui/styles";

export const metadata: Metadata = { title: "Signed out", robots: { index: false } };

export default async function SignedOutPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await connection();
  const params = await searchParams;
  const deleted = params.deleted === "1";
  const everywhere = params.everywhere === "1";
  const signInHref = `/signin?${new URLSearchParams({ callbackUrl: safeCallbackPath(params.callbackUrl) })}`;
  return (
    <div className={pageClass}>
      <h1 className={headingClass}>
        {deleted ? "Your account has been deleted" : "You are signed out"}
      </h1>
      <p className={textClass}>
        {deleted
          ? "Your account and everything in it are gone, and every device has been signed out. Take care of yourself."
          : everywhere
            ? "You have been signed out on every device."
            : "Your session has ended on this device."}
      </p>
      {deleted ? null : (
        <p className={textClass}>
          <Link className={linkClass} href={signInHref}>
            Sign in again
          </Link>
        </p>
      )}
    </div>
  );
}
