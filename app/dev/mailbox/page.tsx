import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { headers } from "next/headers";
import { connection } from "next/server";
import { listDevMailboxMessages } from "@/lib/data/dev-mailbox";
import { devMailboxEnabled } from "@/lib/email/transport";
import { env } from "@/lib/env";
import { isLoopbackRequest } from "@/lib/security/peer-address";
import { formatDateTimeIn } from "@/lib/time/format-in-zone";
import { headingClass, linkClass, mutedClass, textClass } from "@/components/ui/styles";

/** Only this machine, and only while the mailbox is on, may even learn that the page exists. */
async function mailboxVisible(): Promise<boolean> {
  return devMailboxEnabled() && isLoopbackRequest(await headers());
}

// Metadata is rendered even when the page answers 404: its title must not say
// what the 404 hides.
export async function generateMetadata(): Promise<Metadata> {
  const robots = { index: false };
  return (await mailboxVisible()) ? { title: "Development mailbox", robots } : { robots };
}

// Mail that would have been sent, kept because no SMTP server is configured.
// Absent (404) in production unless DEV_MAILBOX=true, and to every request that
// did not come over a loopback connection: anyone who can open this page can
// sign in as anyone. `npm start` also listens on loopback only while it is on.
export default async function DevMailboxPage() {
  await connection();
  if (!(await mailboxVisible())) notFound();
  const messages = await listDevMailboxMessages({ limit: 50 });
  const linkPattern = new RegExp(`${env.APP_URL.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/\\S+`, "g");
  return (
    <div className="mx-auto max-w-3xl px-4 py-12">
      <h1 className={headingClass}>Development mailbox</h1>
      <p
        className={`${textClass} rounded-md bg-amber-50 p-3 text-amber-900 dark:bg-amber-950 dark:text-amber-100`}
      >
        No SMTP server is configured, so Heartwork keeps its mail here instead of sending it. This
        page exists for local development only.
      </p>
      {messages.length === 0 ? <p className={textClass}>No mail yet.</p> : null}
      <ol className="mt-6 space-y-6">
        {messages.map((message) => (
          <li key={message.id}>
            <article
              aria-label={`${message.subject} to ${message.to}`}
              className="rounded-md border border-neutral-200 p-4 dark:border-neutral-800"
            >
              <h2 className="font-semibold">{message.subject}</h2>
              <p className={`text-sm ${mutedClass}`}>
                To {message.to} · {formatDateTimeIn(message.createdAt, "UTC")}
              </p>
              <ul className="mt-2">
                {(message.text.match(linkPattern) ?? []).map((href) => (
                  <li key={href}>
                    <a className={linkClass} href={href}>
                      Open link in this message
                    </a>
                  </li>
                ))}
              </ul>
              <pre className="mt-3 whitespace-pre-wrap break-all text-sm">{message.text}</pre>
            </article>
          </li>
        ))}
      </ol>
    </div>
  );
}
