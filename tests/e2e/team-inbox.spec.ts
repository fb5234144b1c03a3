import { COUNSELING_MESSAGE_SUBJECT } from "@/lib/email/templates/counseling-message";
import type { CaughtMessage } from "../support/smtp-catcher";
import { expectAccessible } from "./support/axe";
import { expect, test } from "./support/fixtures";
import { shootAtPhoneWidth } from "./support/screenshots";
import {
  newTeamAppPage,
  signInAsTeamMember,
  TEAM_APP_URL,
  onTeamApp,
  coupleWithReferral,
} from "./support/team";

// The counseling team's inbox and a couple's conversations with their
// counselor, end to end on the team app (its own server, roles granted with the
// real CLI, the passkey passed with Chromium's virtual authenticator) and a
// real SMTP server: a couple's referral arrives in the inbox showing only what
// was shared; a counselor claims it and writes; the person reads and answers on
// /counseling; the partner sees the shared thread and never the person's
// private one; every notice is bland; another counselor finds nothing.

onTeamApp();

function blandNotice(message: CaughtMessage, ...secrets: string[]) {
  expect(message.subject).toBe(COUNSELING_MESSAGE_SUBJECT);
  const body = `${message.subject}\n${message.text}`;
  for (const secret of secrets) expect(body).not.toContain(secret);
  expect(body.replaceAll(/https?:\/\/\S+/g, "")).not.toMatch(/counsel|therap|Sam|Dana/i);
}

test("a counselor claims a couple's referral and writes; the person answers; the partner sees only the shared thread; notices are bland; another counselor finds nothing", async ({
  page,
  browser,
  mail,
}) => {
  test.setTimeout(300_000);
  const note = `Shared note ${Date.now()}`;
  const { person, partner, joinedPath } = await coupleWithReferral(browser, mail, { note });

  // The counselor, signed in and past the passkey, finds it in the inbox.
  const counselor = await signInAsTeamMember(page, mail, {
    role: "counselor",
    displayName: "Dana",
  });
  await expect(page.getByRole("heading", { name: "Referral inbox", level: 1 })).toBeVisible();
  const item = page.getByRole("listitem").filter({ hasText: note });
  await expect(item).toBeVisible();
  await expect(item.getByText("Has joined")).toBeVisible();
  await expect(page.getByText(person.email)).toHaveCount(0);
  await expectAccessible(page);
  await shootAtPhoneWidth(page, "team-inbox-inbox");
  await item.getByRole("link", { name: /^Referral sent/ }).click();
  await page.waitForURL(/\/team\/referrals\//);
  const referralPath = new URL(page.url()).pathname;
  expect(referralPath).toMatch(/^\/team\/referrals\/[A-Za-z0-9_-]+$/);

  await page.getByRole("button", { name: "Claim this referral" }).click();
  // The claim form leaves the page once it is claimed; the state says so.
  await expect(page.getByText("Claimed by you", { exact: true })).toBeVisible();
  await expectAccessible(page);

  // A 10,000-character message: the limit said, the text kept, nothing sent.
  await page.getByLabel("Your message").fill("x".repeat(10_000));
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(page.getByText(/4,000 characters or fewer/).first()).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "xxxxxxxx" })).toHaveCount(0);

  const privateWords = `Private words for the person ${Date.now()}`;
  await page.getByLabel("Your message").fill(privateWords);
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(page.getByRole("list", { name: "Private: the person" })).toContainText(privateWords);

  await page.getByRole("link", { name: "Shared with both" }).click();
  // The thread's own page first: typed before it arrives, words would go to the old thread.
  await expect(page).toHaveURL(/\?thread=SHARED$/);
  await expect(page.getByRole("heading", { name: "Shared with both", level: 3 })).toBeVisible();
  const sharedWords = `Words for you both ${Date.now()}`;
  await page.getByLabel("Your message").fill(sharedWords);
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(page.getByRole("list", { name: "Shared with both" })).toContainText(sharedWords);

  // Bland notices: to the person for each, to the partner for the shared one only.
  const toPerson = await mail.waitForMessage(
    (m) => m.to === person.email && m.subject === COUNSELING_MESSAGE_SUBJECT,
  );
  blandNotice(toPerson, privateWords, sharedWords, counselor.email);
  expect(toPerson.links).toContain(`${TEAM_APP_URL}/counseling`);
  const toPartner = await mail.waitForMessage(
    (m) => m.to === partner.email && m.subject === COUNSELING_MESSAGE_SUBJECT,
  );
  blandNotice(toPartner, privateWords, sharedWords, person.email);
  expect(toPartner.links).toContain(`${TEAM_APP_URL}${joinedPath}`);
  await expect
    .poll(
      () =>
        mail.messages.filter(
          (m) => m.to === partner.email && m.subject === COUNSELING_MESSAGE_SUBJECT,
        ).length,
    )
    .toBe(1);

  // The person reads both and answers privately.
  await person.page.goto("/counseling");
  await expect(person.page.getByRole("list", { name: "Just you and the counselor" })).toContainText(
    privateWords,
  );
  await expect(person.page.getByRole("list", { name: "Shared with your partner" })).toContainText(
    sharedWords,
  );
  const answer = `Thank you, weekends suit us ${Date.now()}`;
  await person.page.getByLabel("Write to your counselor").fill(answer);
  await person.page
    .getByLabel("Write to your counselor")
    .locator("xpath=ancestor::form")
    .getByRole("button", { name: "Send", exact: true })
    .click();
  await expect(person.page.getByRole("list", { name: "Just you and the counselor" })).toContainText(
    answer,
  );
  await expectAccessible(person.page);
  await shootAtPhoneWidth(person.page, "team-inbox-counseling-person");
  const toCounselor = await mail.waitForMessage(
    (m) => m.to === counselor.email && m.subject === COUNSELING_MESSAGE_SUBJECT,
  );
  blandNotice(toCounselor, answer, person.email);
  expect(toCounselor.links).toContain(`${TEAM_APP_URL}${referralPath}`);
  await page.goto(referralPath);
  await expect(page.getByRole("list", { name: "Private: the person" })).toContainText(answer);
  await shootAtPhoneWidth(page, "team-inbox-referral");

  // The partner: the shared thread, never the person's private one.
  await partner.page.goto(joinedPath);
  await expect(partner.page.getByRole("list", { name: "Shared with your partner" })).toContainText(
    sharedWords,
  );
  await expect(partner.page.getByText(privateWords)).toHaveCount(0);
  await expect(partner.page.getByText(answer)).toHaveCount(0);
  await expectAccessible(partner.page);
  await shootAtPhoneWidth(partner.page, "team-inbox-counseling-partner");

  // Another counselor: the claimed referral is not in their inbox, and its page is a 404.
  const other = await newTeamAppPage(browser);
  await signInAsTeamMember(other, mail, { role: "counselor", displayName: "Eli" });
  await expect(other.getByText(note)).toHaveCount(0);
  const response = await other.goto(referralPath);
  expect(response?.status()).toBe(404);
  await expect(other.getByText(privateWords)).toHaveCount(0);
});
