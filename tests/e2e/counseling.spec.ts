import type { Browser, Page } from "@playwright/test";
import { DEFAULT_COUNSELING_INTAKE_EMAIL } from "@/lib/counseling/intake";
import type { SmtpCatcher } from "../support/smtp-catcher";
import { expect, test } from "./support/fixtures";
import { callAction } from "./support/server-actions";
import { signInWithEmail, uniqueEmail } from "./support/sign-in";
import { expectAccessible } from "./support/axe";
import {
  answerScreen,
  invitationMailTo,
  invitePartner,
  inviterWhoInvited,
  startReferral,
  submitIntake,
} from "./support/counseling";
import { INVITATION_SUBJECT } from "@/lib/counseling/invitation-subject";

// Couples counseling end to end, through the real UI, the production server and
// a real SMTP server: the private screen, the intake, the invitation email, the
// partner's side, and the paths that must never lead to a joint session.

/** Page HTML as text: React separates adjacent text with comments. */
function textOf(html: string): string {
  return html.replace(/<!-- -->/g, "");
}

async function newVisitor(browser: Browser, baseURL: string | undefined) {
  const context = await browser.newContext({ baseURL });
  return { context, page: await context.newPage() };
}

test.describe("couples counseling", () => {
  test("inviter and partner, end to end: screen, intake, invitation email, scanner-proof link, sign-up, acceptance, the partner's own screen, and both dashboards", async ({
    page,
    browser,
    request,
    mail,
    baseURL,
  }) => {
    const partnerEmail = uniqueEmail("partner");
    const inviterEmail = uniqueEmail("inviter");
    await startReferral(page, mail, inviterEmail);
    await expect(page.getByText("Thank you for answering the private questions.")).toBeVisible();
    await page.getByRole("link", { name: "Continue" }).click();
    await submitIntake(page, { note: "Our private intake words" });

    // The counseling team's email says only that a referral waits (issue 14): what
    // was shared is read in the team's inbox. The person gets a bland receipt.
    const intake = await mail.waitForMessage((m) => m.to === DEFAULT_COUNSELING_INTAKE_EMAIL);
    expect(intake.subject).toBe("A new referral is waiting in the Heartwork inbox");
    expect(
      mail.messages.filter(
        (m) =>
          m.to === DEFAULT_COUNSELING_INTAKE_EMAIL &&
          /Trust|Weekends|Our private intake words|@/.test(m.text),
      ),
    ).toEqual([]);
    const receipt = await mail.waitForMessage(
      (m) => m.to === inviterEmail && m.subject === "We received your request",
    );
    expect(receipt.text).not.toMatch(/Trust|Weekends|Our private intake words|couple/i);

    await page.getByRole("link", { name: "Invite your partner now" }).click();
    await invitePartner(page, partnerEmail, "Sam", "I would really like us to try this.");
    await expect(page.getByText("Waiting for an answer")).toBeVisible();

    const { message, accept } = await invitationMailTo(mail, partnerEmail);
    expect(message.subject).toBe(INVITATION_SUBJECT);
    expect(message.text).toContain(
      "Sam invited you to start couples counseling together on Heartwork.",
    );
    expect(message.text).toContain("The first session is free.");
    expect(message.text).not.toMatch(/intake|afraid|safety|really like us/i);
    expect(accept.startsWith(`${baseURL}/invitations/`)).toBe(true);

    // Email scanners: five GETs and a HEAD change nothing.
    for (let i = 0; i < 5; i++) {
      const opened = await request.get(accept);
      expect(opened.status()).toBe(200);
      expect(opened.headers()["cache-control"]).toContain("no-store");
      expect(textOf(await opened.text())).toContain("Sam invited you to couples counseling");
    }
    expect((await request.head(accept)).status()).toBe(200);

    // The partner, with no account yet, opens the link and signs up with the invited address.
    const partner = await newVisitor(browser, baseURL);
    await partner.page.goto(accept);
    await expect(partner.page.getByText("I would really like us to try this.")).toBeVisible();
    await partner.page.getByRole("button", { name: "Sign in to accept" }).click();
    await expect(partner.page).toHaveURL(/\/signin\?callbackUrl=%2Finvitations%2F/);
    await partner.page.getByLabel("Email address").fill(partnerEmail);
    await partner.page.getByRole("button", { name: "Email me a sign-in link" }).click();
    const signIn = await mail.waitForMessage(
      (m) => m.to === partnerEmail && m.subject === "Your Heartwork sign-in link",
    );
    await partner.page.goto(signIn.links.find((l) => l.includes("/signin/confirm?"))!);
    await partner.page.getByRole("button", { name: "Sign in" }).click();
    await expect(partner.page).toHaveURL(/\/invitations\//);

    await partner.page.getByRole("button", { name: "Accept the invitation" }).click();
    await expect(
      partner.page.getByRole("heading", { name: "Couples counseling with Sam" }),
    ).toBeVisible();
    // Before anything joint: the partner's own private screen.
    await answerScreen(partner.page);
    await expect(
      partner.page.getByText("You and Sam are linked in couples counseling"),
    ).toBeVisible();
    await expect(partner.page.getByText("Our private intake words")).toHaveCount(0);

    // The inviter is told by email and on the dashboard.
    const notice = await mail.waitForMessage(
      (m) => m.subject === "Your Heartwork invitation was accepted",
    );
    expect(notice.text).not.toContain(partnerEmail);
    await page.goto("/counseling");
    await expect(
      page.getByText("Your partner accepted your invitation and joined on"),
    ).toBeVisible();
    await expect(page.getByText("Accepted", { exact: true })).toBeVisible();

    // The partner's /counseling leads with the counseling they joined, not with starting one.
    await partner.page.goto("/counseling");
    await expect(partner.page.getByRole("heading", { level: 1 })).toHaveText("Your counseling");
    await expect(partner.page.getByRole("heading", { level: 2 }).first()).toHaveText(
      "Counseling you joined",
    );
    await expect(partner.page.getByRole("link", { name: "With Sam" })).toBeVisible();
    await expect(partner.page.getByText("Start couples counseling")).toHaveCount(0);

    // The spent link does nothing more, for anyone.
    const again = await request.get(accept);
    expect(textOf(await again.text())).toContain("This invitation is no longer open");
    await partner.context.close();
  });

  test("a yes on the screen never offers an invitation: the hotline, individual counseling and quick exit instead", async ({
    page,
    mail,
  }) => {
    await startReferral(page, mail, uniqueEmail("safety"), { yesTo: "afraid" });
    await expect(
      page.getByRole("heading", { name: "Thank you for answering. Your safety comes first." }),
    ).toBeVisible();
    const safety = page.getByRole("region", {
      name: "Thank you for answering. Your safety comes first.",
    });
    await expect(
      safety.getByRole("link", { name: "1-800-799-SAFE (1-800-799-7233)" }),
    ).toBeVisible();
    await expect(safety.getByRole("link", { name: /Quick exit/ })).toBeVisible();
    await expect(safety.getByRole("link", { name: "individual counseling" })).toBeVisible();
    await expect(page.getByRole("link", { name: /invite/i })).toHaveCount(0);

    // The invite page is closed, whatever the URL.
    await page.goto("/counseling/invite");
    await expect(page).toHaveURL(/\/counseling$/);
    // Answering the screen again is not possible.
    await page.goto("/counseling/screen");
    await expect(page).toHaveURL(/\/counseling$/);

    await page.getByRole("link", { name: "individual counseling" }).click();
    await expect(page.getByLabel("Couples counseling, with my partner")).toHaveCount(0);
    await expect(page.getByLabel("Individual counseling, on my own")).toBeChecked();
    await submitIntake(page);
    await expect(page.getByRole("link", { name: "Invite your partner now" })).toHaveCount(0);
    await page.goto("/counseling");
    await expect(page.getByRole("link", { name: "Invite your partner" })).toHaveCount(0);
    await expect(page.getByText("Individual counseling, on my own")).toBeVisible();
  });

  test("the partner declines without an account; the inviter sees it, and cannot invite that address again", async ({
    page,
    browser,
    mail,
    baseURL,
  }) => {
    const partnerEmail = uniqueEmail("decliner");
    const { decline } = await inviterWhoInvited(page, mail, partnerEmail);

    const partner = await newVisitor(browser, baseURL);
    await partner.page.goto(decline);
    await expect(partner.page.getByText("You chose to decline in the email.")).toBeVisible();
    await partner.page.getByLabel("A note for Sam (optional)").fill("Not now, thank you.");
    await partner.page.getByRole("button", { name: "Decline the invitation" }).click();
    await expect(partner.page.getByText("You declined.")).toBeVisible();
    await partner.context.close();

    await page.goto("/counseling");
    await expect(page.getByText("Declined", { exact: true })).toBeVisible();
    await expect(page.getByText("Not now, thank you.")).toBeVisible();
    await page.getByRole("link", { name: "Invite your partner" }).click();
    await page.getByLabel("Your partner's email address").fill(partnerEmail);
    await page.getByLabel("Your name, as your partner knows you").fill("Sam");
    await page.getByRole("button", { name: "Send the invitation" }).click();
    await expect(
      page.getByRole("link", {
        name: "This person declined your invitation, so we will not send them another one.",
      }),
    ).toBeVisible();
  });

  test("never contact me again: a later invitation from someone else looks sent but never arrives", async ({
    page,
    browser,
    mail,
    baseURL,
  }) => {
    // Two inviters' whole journeys (sign-in, screen, intake, invitation): longer than one page's 30 s.
    test.setTimeout(90_000);
    const privateEmail = uniqueEmail("private");
    const { never } = await inviterWhoInvited(page, mail, privateEmail);
    const stranger = await newVisitor(browser, baseURL);
    await stranger.page.goto(never);
    await stranger.page.getByRole("button", { name: "Never contact me again" }).click();
    await expect(
      stranger.page.getByText("Done. Heartwork will not send you invitations again, from anyone."),
    ).toBeVisible();
    await stranger.context.close();

    // A second inviter invites the same address: the same calm result as any invitation.
    const second = await newVisitor(browser, baseURL);
    await inviterWhoInvitedNoMail(second.page, mail, privateEmail);
    await expect(second.page.getByText("Waiting for an answer")).toBeVisible();
    // A marker invitation queued after it arrives; the opted-out address got nothing new.
    const marker = uniqueEmail("marker");
    await second.page.getByRole("button", { name: "Revoke" }).click();
    await expect(second.page.getByText("Revoked. The link no longer works.")).toBeVisible();
    await second.page.goto("/counseling/invite");
    await invitePartner(second.page, marker);
    await invitationMailTo(mail, marker);
    expect(mail.messages.filter((m) => m.to === privateEmail)).toHaveLength(1);
    await second.context.close();
  });

  test("resend sends a new link and kills the old one; revoke kills the link", async ({
    page,
    browser,
    mail,
    baseURL,
  }) => {
    const partnerEmail = uniqueEmail("resend");
    const first = await inviterWhoInvited(page, mail, partnerEmail);
    await page.getByRole("button", { name: "Resend" }).click();
    await expect(page.getByText("Sent again with a new link.")).toBeVisible();
    const second = await invitationMailTo(mail, partnerEmail, { after: 1 });
    expect(second.accept).not.toBe(first.accept);

    const visitor = await newVisitor(browser, baseURL);
    await visitor.page.goto(first.accept);
    await expect(
      visitor.page.getByRole("heading", { name: "This invitation is no longer open" }),
    ).toBeVisible();
    await visitor.page.goto(second.accept);
    await expect(visitor.page.getByRole("button", { name: "Sign in to accept" })).toBeVisible();

    await page.getByRole("button", { name: "Revoke" }).click();
    await expect(page.getByText("Revoked. The link no longer works.")).toBeVisible();
    await visitor.page.goto(second.accept);
    await expect(
      visitor.page.getByRole("heading", { name: "This invitation is no longer open" }),
    ).toBeVisible();
    await visitor.context.close();
  });

  test("signed in with another address, the invitation explains and offers to switch; another person cannot revoke it", async ({
    page,
    browser,
    mail,
    baseURL,
  }) => {
    const partnerEmail = uniqueEmail("invited");
    const { accept } = await inviterWhoInvited(page, mail, partnerEmail);
    const invitationId = await page.locator('input[name="invitationId"]').first().inputValue();

    const other = await newVisitor(browser, baseURL);
    const otherEmail = uniqueEmail("someone-else");
    await signInWithEmail(other.page, mail, otherEmail);
    await other.page.goto(accept);
    await expect(
      other.page.getByText(`You are signed in as ${otherEmail}, but this invitation was sent`),
    ).toBeVisible();

    // The same person tries the inviter's controls with the inviter's invitation id.
    for (const action of ["revokeInvitation", "resendInvitation"]) {
      const result = await callAction(
        other.page.request,
        {
          page: "/counseling",
          file: "lib/actions/counseling.ts",
          action,
          fields: { invitationId },
        },
        baseURL!,
      );
      expect(result.status).toBe(200);
      expect(result.state?.formError).toMatch(/no longer open/);
    }
    await page.goto("/counseling");
    await expect(page.getByText("Waiting for an answer")).toBeVisible();

    await other.page.getByRole("button", { name: "Sign out and use another address" }).click();
    await expect(other.page).toHaveURL(/\/signin\?callbackUrl=%2Finvitations%2F/);
    await other.context.close();
  });

  test("every counseling page has no WCAG 2.2 A or AA violations, in light and dark mode", async ({
    page,
    browser,
    mail,
    baseURL,
  }) => {
    test.setTimeout(180_000); // a dozen pages and the two-way choice, each checked twice
    const guest = await newVisitor(browser, baseURL);
    await guest.page.goto("/counseling");
    await expect(guest.page.getByRole("link", { name: "Counseling for me" })).toBeVisible();
    await expectAccessible(guest.page);
    await guest.page.goto("/counseling?for=us");
    await expect(guest.page.getByRole("link", { name: "Sign in to start" })).toBeVisible();
    await expectAccessible(guest.page);

    await signInWithEmail(page, mail, uniqueEmail("a11y"), { callbackUrl: "/counseling?for=us" });
    await expectAccessible(page);
    await page.getByRole("link", { name: "Start", exact: true }).click();
    await expect(page.getByRole("heading", { name: "A few private questions" })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByText("Choose an answer.").first()).toBeVisible();
    await expectAccessible(page);
    await answerScreen(page);
    await page.getByRole("link", { name: "Continue" }).click();
    await expectAccessible(page);
    await page.getByLabel("By phone").check();
    await page.getByRole("button", { name: "Send my request" }).click();
    await expect(
      page.getByRole("group", { name: "When could sessions work for you?" }),
    ).toHaveAccessibleDescription("Choose at least one time that could work.");
    await expectAccessible(page);
    await page.getByLabel("Weekends").check();
    await page.getByLabel("By email, at my account's address").check();
    await page.getByRole("button", { name: "Send my request" }).click();
    await expect(page.getByRole("heading", { name: "Your request is in" })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Invite your partner now" }).click();
    await expectAccessible(page);
    const partnerEmail = uniqueEmail("a11y-partner");
    await invitePartner(page, partnerEmail, "Sam", "A message");
    await expectAccessible(page);

    const { accept } = await invitationMailTo(mail, partnerEmail);
    await guest.page.goto(accept);
    await expectAccessible(guest.page);
    await guest.context.close();

    const other = await newVisitor(browser, baseURL);
    await startReferral(other.page, mail, uniqueEmail("a11y-safety"), { yesTo: "controlled" });
    await expectAccessible(other.page);
    await other.context.close();
  });
});

/** Like inviterWhoInvited, for an address that must receive nothing (no mail to wait for). */
async function inviterWhoInvitedNoMail(page: Page, mail: SmtpCatcher, partnerEmail: string) {
  await startReferral(page, mail, uniqueEmail("second-inviter"));
  await page.getByRole("link", { name: "Continue" }).click();
  await submitIntake(page);
  await page.getByRole("link", { name: "Invite your partner now" }).click();
  await invitePartner(page, partnerEmail);
}
