import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { headingClass, linkClass, pageClass, textClass } from "@/components/ui/styles";

export const metadata: Metadata = { title: "Reminders stopped", robots: { index: false } };

export default async function RemindersStoppedPage() {
  // Rendered per request like every private page: its own CSP nonce, never cached.
  await connection();
  return (
    <div className={pageClass}>
      <h1 className={headingClass}>Reminders stopped</h1>
      <p className={textClass}>
        No more reminder emails. If you change your mind, you can turn them on again in{" "}
        <Link className={linkClass} href="/progress/reminders">
          your reminders
        </Link>
        .
      </p>
    </div>
  );
}
