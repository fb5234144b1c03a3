import { expect, test } from "@playwright/test";
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
        env: { DEV_MAILBOX: "true", SIGNIN_LIMIT_PER_IP: "1000" },
      });
    });
    test.afterAll(async () => {
      await app?.stop();
    });

    test("keeps the sign-in mail in the mailbox page, and its link signs in", async ({ page }) => {
      const email = uniqueEmail("mailbox");
      await page.goto(`${app.url}/signin`);
      await page.getByLabel("Email address").fill(email);
      await page.getByRole("button", { name: "Email me a sign-in link" }).click();
      await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();

      await expect(async () => {
        await page.goto(`${app.url}/dev/mailbox`);
        await expect(page.getByRole("article", { name: new RegExp(email) })).toBeVisible({
          timeout: 500,
        });
      }).toPass({ timeout: 10_000 });
      const message = page.getByRole("article", { name: new RegExp(email) });
      await expect(message.getByText("Your Heartwork sign-in link")).toBeVisible();
      await message.getByRole("link", { name: "Open link in this message" }).click();

      await expect(page).toHaveURL(/\/signin\/confirm\?/);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByRole("heading", { name: "Your account", exact: true })).toBeVisible();
      await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
    });
  });
});
