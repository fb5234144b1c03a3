import type { Page } from "@playwright/test";
import { expect } from "./fixtures";
import { SAFETY_QUESTIONS, type SafetyQuestionId } from "@/lib/counseling/safety-screen";
import { INVITATION_SUBJECT } from "@/lib/counseling/invitation-subject";
import type { CaughtMessage, SmtpCatcher } from "../../support/smtp-catcher";
import { signInWithEmail, uniqueEmail } from "./sign-in";

// The steps of couples counseling that several specs walk through the real UI:
// the private screen, the intake, inviting a partner and the invitation email.

export async function answerScreen(page: Page, { yesTo }: { yesTo?: SafetyQuestionId } = {}) {
  for (const question of SAFETY_QUESTIONS) {
    await page
      .getByRole("group", { name: question.text })
      .getByLabel(question.id === yesTo ? "Yes" : "No", { exact: true })
      .check();
  }
  await page.getByRole("button", { name: "Continue" }).click();
}

/** Signs in through "counseling for us", answers the screen (all "no" unless told) and lands on /counseling. */
export async function startReferral(
  page: Page,
  mail: SmtpCatcher,
  email: string,
  options: { yesTo?: SafetyQuestionId } = {},
) {
  await signInWithEmail(page, mail, email, { callbackUrl: "/counseling?for=us" });
  await expect(
    page.getByRole("heading", { name: "Start couples counseling", level: 1 }),
  ).toBeVisible();
  await page.getByRole("link", { name: "Start", exact: true }).click();
  await expect(page.getByRole("heading", { name: "A few private questions" })).toBeVisible();
  await answerScreen(page, options);
  // The same address whatever the answers; only the person's own choice travels with it.
  await expect(page).toHaveURL(/\/counseling\?for=us$/);
}

export async function submitIntake(page: Page, { note = "" }: { note?: string } = {}) {
  await page.getByLabel("Trust").check();
  await page.getByLabel("Weekends").check();
  if (note) await page.getByLabel("Anything else you would like a counselor to know?").fill(note);
  await page.getByRole("button", { name: "Send my request" }).click();
  await expect(page.getByRole("heading", { name: "Your request is in" })).toBeVisible();
  await expect(page.getByText("Your first session is free.")).toBeVisible();
}

export async function invitePartner(page: Page, partnerEmail: string, name = "Sam", message = "") {
  await page.getByLabel("Your partner's email address").fill(partnerEmail);
  await page.getByLabel("Your name, as your partner knows you").fill(name);
  if (message) await page.getByLabel("A short personal message (optional)").fill(message);
  await page.getByRole("button", { name: "Send the invitation" }).click();
  await expect(page.getByText("Your invitation is on its way.")).toBeVisible();
}

/** An inviter who is signed in, screened clear, with the intake in, and who invited `partnerEmail`. */
export async function inviterWhoInvited(
  page: Page,
  mail: SmtpCatcher,
  partnerEmail: string,
  { inviterEmail = uniqueEmail("inviter") }: { inviterEmail?: string } = {},
) {
  await startReferral(page, mail, inviterEmail);
  await page.getByRole("link", { name: "Continue" }).click();
  await submitIntake(page);
  await page.getByRole("link", { name: "Invite your partner now" }).click();
  await invitePartner(page, partnerEmail);
  return invitationMailTo(mail, partnerEmail);
}

export async function invitationMailTo(mail: SmtpCatcher, address: string, { after = 0 } = {}) {
  const message = await mail.waitForMessage(
    (m) =>
      m.to === address &&
      m.subject === INVITATION_SUBJECT &&
      mail.messages.filter((x) => x.to === address).indexOf(m) >= after,
  );
  return { message, ...linksOf(message) };
}

export function linksOf(message: CaughtMessage) {
  const find = (choice: string) => {
    const link = message.links.find((l) => l.endsWith(`?choice=${choice}`));
    if (!link) throw new Error(`no ${choice} link in the invitation`);
    return link;
  };
  return { accept: find("accept"), decline: find("decline"), never: find("never") };
}
