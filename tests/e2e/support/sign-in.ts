import { expect, type Page } from "@playwright/test";
import type { CaughtMessage, SmtpCatcher } from "../../support/smtp-catcher";

// Signing in through the real UI and a real SMTP server, for any e2e spec:
//
//   const email = uniqueEmail("tracker");
//   await signInWithEmail(page, mail, email);               // lands on /account
//   await signInWithEmail(page, mail, email, { callbackUrl: "/progress" });
//
// Each address may ask for 5 links an hour, so use uniqueEmail() per test.

let sequence = 0;
export function uniqueEmail(label = "person"): string {
  sequence++;
  return `${label}.${Date.now().toString(36)}.${sequence}@example.com`;
}

/** Fills the sign-in form and waits for the "check your email" page. */
export async function requestSignInLink(
  page: Page,
  email: string,
  { callbackUrl }: { callbackUrl?: string } = {},
): Promise<void> {
  const query = callbackUrl ? `?${new URLSearchParams({ callbackUrl })}` : "";
  await page.goto(`/signin${query}`);
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
}

/** The newest sign-in email to `email` that arrived after `since` messages. */
export async function waitForSignInMail(
  mail: SmtpCatcher,
  email: string,
  { after = 0 }: { after?: number } = {},
): Promise<CaughtMessage & { link: string }> {
  const message = await mail.waitForMessage(
    (m) =>
      m.to === email.toLowerCase() &&
      mail.messages.filter((x) => x.to === m.to).indexOf(m) >= after,
  );
  const link = message.links.find((l) => l.includes("/signin/confirm?"));
  if (!link) throw new Error("The sign-in email has no confirmation link");
  return { ...message, link };
}

export function mailCount(mail: SmtpCatcher, email: string): number {
  return mail.messages.filter((m) => m.to === email.toLowerCase()).length;
}

/** The whole flow: form, email, confirmation page, "Sign in". Ends on the callback page. */
export async function signInWithEmail(
  page: Page,
  mail: SmtpCatcher,
  email: string,
  { callbackUrl }: { callbackUrl?: string } = {},
): Promise<void> {
  const before = mailCount(mail, email);
  await requestSignInLink(page, email, { callbackUrl });
  const { link } = await waitForSignInMail(mail, email, { after: before });
  await page.goto(link);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/signin"));
}
