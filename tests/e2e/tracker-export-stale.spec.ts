import { expect, test, type Page } from "@playwright/test";
import { startAppServer } from "./support/app-server";
import { E2E_PORT } from "./support/ports";
import { uniqueEmail } from "./support/sign-in";

// Export needs a sign-in from the last few minutes. This spec runs its own app
// instance whose window is 5 seconds (RECENT_SIGN_IN_SECONDS), with mail kept
// in the development mailbox, so a test can outlive the window.

test.describe("exporting after the recent-sign-in window", () => {
  test.describe.configure({ timeout: 120_000 });
  let app: Awaited<ReturnType<typeof startAppServer>>;

  test.beforeAll(async () => {
    test.setTimeout(180_000); // a production server of its own, on a loaded machine
    app = await startAppServer({
      port: E2E_PORT + 2,
      env: { DEV_MAILBOX: "true", SIGNIN_LIMIT_PER_IP: "1000", RECENT_SIGN_IN_SECONDS: "5" },
    });
  });
  test.afterAll(async () => {
    await app?.stop();
  });

  async function followMailboxLink(page: Page, email: string, count: number) {
    const messages = page.getByRole("article", { name: `Your Heartwork sign-in link to ${email}` });
    await expect(async () => {
      await page.goto(`${app.url}/dev/mailbox`);
      await expect(messages).toHaveCount(count, { timeout: 500 });
    }).toPass({ timeout: 10_000 });
    await messages.first().getByRole("link", { name: "Open link in this message" }).click();
    await page.getByRole("button", { name: "Sign in" }).click();
  }

  test("asks for a fresh link, refuses the download meanwhile, and the link leads back to export", async ({
    page,
  }) => {
    const email = uniqueEmail("stale-export");
    await page.goto(`${app.url}/signin?callbackUrl=%2Fprogress%2Fexport`);
    await page.getByLabel("Email address").fill(email);
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await followMailboxLink(page, email, 1);
    await expect(page).toHaveURL(/\/progress\/export$/);
    await expect(page.getByRole("button", { name: "Download everything (JSON)" })).toBeVisible();

    await page.waitForTimeout(6_000); // past this server's 5-second window
    const refused = await page.request.post(`${app.url}/progress/export/json`, {
      headers: { Origin: app.url },
      maxRedirects: 0,
    });
    expect(refused.status()).toBe(303);
    expect(refused.headers().location).toBe(`${app.url}/progress/export?fresh=required`);

    await page.reload();
    await expect(page.getByRole("button", { name: "Download everything (JSON)" })).toHaveCount(0);
    await expect(
      page.getByText(/exporting needs a sign-in from the last 10 minutes/),
    ).toBeVisible();
    await page.getByRole("button", { name: "Email me a fresh sign-in link" }).click();
    await expect(page.getByText(`We sent a sign-in link to ${email}`)).toBeVisible();

    await followMailboxLink(page, email, 2);
    await expect(page).toHaveURL(/\/progress\/export$/);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download everything (JSON)" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^heartwork-tracker-\d{4}-\d{2}-\d{2}\.json$/);
  });
});
