import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { headingClass, linkClass, pageClass, textClass } from "@/components/ui/styles";

export const metadata: Metadata = { title: "Check your email", robots: { index: false } };

// The same page whether or not the address has an account: no enumeration.
export default async function CheckEmailPage() {
  await connection();
  return (
    <div className={pageClass}>
      <h1 className={headingClass}>Check your email</h1>
      <p className={textClass}>
        If the address can receive mail, a sign-in link is on its way. It works once, for 10
        minutes.
      </p>
      <p className={textClass}>
        Nothing after a few minutes? Check your spam folder, or{" "}
        <Link className={linkClass} href="/signin">
          ask for a new link
        </Link>
        .
      </p>
    </div>
  );
}
