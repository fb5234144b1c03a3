import { expect, test, type Page } from "@playwright/test";
import { startAppServer } from "./support/app-server";
import { E2E_SECOND_PORT } from "./support/ports";
import { uniqueEmail } from "./support/sign-in";

test.describe("the development mailbox", () => {
  test("does not exist on a production server with SMTP configured", async ({ request }) => {
    const response = await request.get("/dev/mailbox");
    expect(response.status()).toBe(404);
  });

  test.describe("on an app with no SMTP server", () => {
    test.describe.configure({ timeout: 120_000 });
    let app: Awaited<ReturnType<typeof startAppServer>>;

    test.beforeAll(async () => {
      app = await startAppServer({
        port: E2E_SECOND_PORT,
        // A 5-second "recent sign-in" window, so a test can outlive it.
        env: { DEV_MAILBOX: "true", SIGNIN_LIMIT_PER_IP: "1000", RECENT_SIGN_IN_SECONDS: "5" },
      });
    });
    test.afterAll(async () => {
      await app?.stop();
    });

    async function requestLink(page: Page, email: string) {
      await page.goto(`${app.url}/signin`);
      await page.getByLabel("Email address").fill(email);
      await page.getByRole("button", { name: "Email me a sign-in link" }).click();
      await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
    }

    /** Waits for the `count`-th message to `email` in the mailbox page, follows its link, clicks "Sign in". */
    async function signInFromMailbox(page: Page, email: string, count: number) {
      const messages = page.getByRole("article", {
        name: `Your Heartwork sign-in link to ${email}`,
      });
      await expect(async () => {
        await page.goto(`${app.url}/dev/mailbox`);
        await expect(messages).toHaveCount(count, { timeout: 500 });
      }).toPass({ timeout: 10_000 });
      await messages.first().getByRole("link", { name: "Open link in this message" }).click();
      await expect(page).toHaveURL(/\/signin\/confirm\?/);
      await page.getByRole("button", { name: "Sign in" }).click();
    }

    test("keeps the sign-in mail in the mailbox page, and its link signs in", async ({ page }) => {
      const email = uniqueEmail("mailbox");
      await requestLink(page, email);
      await signInFromMailbox(page, email, 1);
      await expect(page.getByRole("heading", { name: "Your account", exact: true })).toBeVisible();
      await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
    });

    test("deleting after the recent-sign-in window asks for a fresh link, which leads back to deletion", async ({
      page,
    }) => {
      const email = uniqueEmail("stale");
      await requestLink(page, email);
      await signInFromMailbox(page, email, 1);
      const confirmation = page.getByLabel(/Type .delete my account. to confirm/);
      await expect(confirmation).toBeVisible();

      await page.waitForTimeout(6_000); // past this server's 5-second window
      await page.reload();
      await expect(confirmation).toHaveCount(0);
      await expect(
        page.getByText(/deleting needs a sign-in from the last 10 minutes/),
      ).toBeVisible();
      await page.getByRole("button", { name: "Email me a fresh sign-in link" }).click();
      await expect(page.getByText(`We sent a sign-in link to ${email}`)).toBeVisible();

      await signInFromMailbox(page, email, 2);
      await expect(page).toHaveURL(/\/account#delete$/);
      await confirmation.fill("delete my account");
      await page.getByRole("button", { name: "Delete my account" }).click();
      await expect(
        page.getByRole("heading", { name: "Your account has been deleted" }),
      ).toBeVisible();
    });
  });
});
