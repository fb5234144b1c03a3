import type { Page } from "@playwright/test";
import { DEFAULT_COUNSELING_INTAKE_EMAIL } from "@/lib/counseling/intake";
import { ARTICLE_PATH } from "./support/article";
import { expect, test } from "./support/fixtures";
import { expectAccessible } from "./support/axe";
import { shootAtPhoneWidth } from "./support/screenshots";
import { answerScreenClear } from "./support/privacy-plant";
import { signInWithEmail, uniqueEmail } from "./support/sign-in";

// The person's side of /counseling (issue 14, item 5), through the real UI, the
// production server and a real SMTP server: "counseling for me" from the
// article never shows a page about couples or a partner; the bland receipt;
// the timeline with the date in the person's own zone; changing the contact
// details; withdrawing. Who opened the file is shown empty here (no team
// member opens it in this spec); tests/integration/referral-progress.test.ts
// covers the list and its scoping on both databases.

const ZONE = "Pacific/Kiritimati"; // UTC+14: the date differs from UTC's for ten hours a day
const NOT_INDIVIDUAL = /couple|invit|joint session/i;

async function expectIndividualOnly(page: Page) {
  await expect(page.getByRole("main")).not.toContainText(NOT_INDIVIDUAL);
}

test.describe("the person's side of counseling", () => {
  // Each test walks several pages and checks two with axe in both modes.
  test.describe.configure({ timeout: 120_000 });

  test("counseling for me from the article: never a couples page; a bland receipt; the timeline shows the request sent, dated in the person's zone", async ({
    page,
    mail,
    baseURL,
  }) => {
    const email = uniqueEmail("for-me");
    // A guest reads step 4 and follows "online counseling".
    await page.goto(ARTICLE_PATH);
    await page.getByRole("link", { name: "online counseling on Heartwork" }).click();
    await expect(page).toHaveURL(`${baseURL}/counseling?for=me`);
    await expect(page).toHaveTitle(/Counseling for me/);
    await expect(
      page.getByRole("heading", { level: 1, name: "Talk to a counselor on your own" }),
    ).toBeVisible();
    await expectIndividualOnly(page);
    await shootAtPhoneWidth(page, "counseling-for-me-guest");

    // Their own zone first, so the date below is theirs, not the server's.
    await signInWithEmail(page, mail, email, { callbackUrl: "/progress/settings" });
    await page.getByLabel("Your time zone").selectOption(ZONE);
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByRole("status")).toHaveText("Saved.", { timeout: 15_000 });

    // The tracker's step 4 (on the steps page) leads to the same individual page.
    await page.goto("/progress/steps");
    await page.getByRole("link", { name: "Talk to a counselor on your own" }).click();
    await expect(page).toHaveURL(/\/counseling\?for=me$/);
    await expectIndividualOnly(page);
    await page.getByRole("link", { name: "Start", exact: true }).click();
    await expect(page.getByRole("heading", { name: "A few private questions" })).toBeVisible();
    await expectIndividualOnly(page);
    await answerScreenClear(page);
    await expect(page).toHaveURL(/\/counseling\?for=me$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your counseling");
    await expectIndividualOnly(page);
    await page.getByRole("link", { name: "Continue" }).click();
    await expect(page.getByRole("heading", { name: "Your counseling request" })).toBeVisible();
    await expectIndividualOnly(page);
    await expect(page.getByLabel("Individual counseling, on my own")).toBeChecked();
    await page.getByLabel("Weekends").check();
    const sentAt = Date.now();
    await page.getByRole("button", { name: "Send my request" }).click();
    await expect(page.getByRole("heading", { name: "Your request is in" })).toBeVisible();
    await expectIndividualOnly(page);

    // The receipt: bland, a link to the counseling page, nothing chosen or written.
    const receipt = await mail.waitForMessage(
      (m) => m.to === email && m.subject === "We received your request",
    );
    expect(receipt.links).toContain(`${baseURL}/counseling`);
    expect(receipt.text.replace(/https?:\/\/\S+/g, "")).not.toMatch(
      /counsel|couple|therap|Weekends|individual/i,
    );
    const notice = await mail.waitForMessage((m) => m.to === DEFAULT_COUNSELING_INTAKE_EMAIL);
    expect(notice.text).not.toContain(email);

    await page.goto("/counseling");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your counseling");
    await expectIndividualOnly(page);
    const steps = page.getByRole("list", { name: "Your request, step by step" });
    await expect(steps.getByRole("listitem")).toHaveCount(4);
    const current = steps.locator('[aria-current="step"]');
    await expect(current).toHaveCount(1);
    await expect(current).toContainText("Request sent");
    await expect(current).toContainText("Current step");
    const day = new Intl.DateTimeFormat("en-US", { timeZone: ZONE, dateStyle: "long" }).format(
      sentAt,
    );
    await expect(current).toContainText(`Sent on ${day}.`);
    await expect(steps.getByRole("listitem").nth(1)).toContainText(
      "A counselor reviews your request",
    );
    await expect(page.getByRole("heading", { name: "Who opened your file" })).toBeVisible();
    await expect(page.getByText("Nobody on the counseling team has opened it yet.")).toBeVisible();
    await expectAccessible(page);
    await shootAtPhoneWidth(page, "counseling-sent");
  });

  test("until it is closed, the person changes their contact details (kept through an error) and can withdraw, with a confirmation", async ({
    page,
    mail,
  }) => {
    await signInWithEmail(page, mail, uniqueEmail("withdraw"), {
      callbackUrl: "/counseling?for=us",
    });
    await page.getByRole("link", { name: "Start", exact: true }).click();
    await answerScreenClear(page);
    await page.getByRole("link", { name: "Continue" }).click();
    await page.getByLabel("Weekday evenings").check();
    await page.getByRole("button", { name: "Send my request" }).click();
    await expect(page.getByRole("heading", { name: "Your request is in" })).toBeVisible();
    await page.goto("/counseling");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Couples counseling");

    // A phone request with a bad number: refused, everything kept, then fixed.
    await expect(page.getByLabel("Weekday evenings")).toBeChecked();
    await page.getByLabel("By phone").check();
    await page.getByLabel("Phone number").fill("12");
    await page.getByRole("button", { name: "Save my contact details" }).click();
    await expect(page.getByRole("group", { name: "There is a problem" })).toContainText(
      "Enter a phone number, like +1 555 123 4567.",
    );
    await expect(page.getByLabel("By phone")).toBeChecked();
    await expect(page.getByLabel("Phone number")).toHaveValue("12");
    await page.getByLabel("Phone number").fill("+1 555 010 4444");
    await page.getByRole("button", { name: "Save my contact details" }).click();
    await expect(page.getByRole("status")).toHaveText(
      "Saved. The counseling team sees your new details.",
    );
    await page.reload();
    await expect(page.getByLabel("By phone")).toBeChecked();
    await expect(page.getByLabel("Phone number")).toHaveValue("+1 555 010 4444");
    await expectAccessible(page);
    await shootAtPhoneWidth(page, "counseling-phone");

    // Withdrawing needs the box ticked.
    await page.locator("summary", { hasText: "Withdraw my request" }).click();
    await page.getByRole("button", { name: "Withdraw my request" }).click();
    await expect(page.getByRole("group", { name: "There is a problem" })).toContainText(
      "Tick the box to confirm that you want to withdraw.",
    );
    await page.getByLabel(/Yes, I want to withdraw my request/).check();
    await page.getByRole("button", { name: "Withdraw my request" }).click();
    await expect(page).toHaveURL(/\/counseling\?request=withdrawn$/);
    await expect(page.getByRole("status")).toContainText("Your request is withdrawn.");
    const current = page
      .getByRole("list", { name: "Your request, step by step" })
      .locator('[aria-current="step"]');
    await expect(current).toContainText("Closed");
    await expect(current).toContainText("You withdrew your request.");
    await expect(page.getByRole("button", { name: "Save my contact details" })).toHaveCount(0);
    await expect(
      page.getByText("This request is closed, so its details can no longer be changed."),
    ).toBeVisible();
    await expect(page.getByRole("link", { name: "Invite your partner", exact: true })).toHaveCount(
      0,
    );
    await expectAccessible(page);
    await shootAtPhoneWidth(page, "counseling-withdrawn");
  });

  test("/counseling without a choice offers both, and names neither in its title", async ({
    page,
  }) => {
    await page.goto("/counseling");
    await expect(page).toHaveTitle(/^Counseling/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Counseling on Heartwork");
    await expect(page.getByRole("link", { name: /Counseling for me/ })).toHaveAttribute(
      "href",
      "/counseling?for=me",
    );
    await expect(page.getByRole("link", { name: /Counseling for us/ })).toHaveAttribute(
      "href",
      "/counseling?for=us",
    );
    await expectAccessible(page);
    await shootAtPhoneWidth(page, "counseling-choice");
  });
});
