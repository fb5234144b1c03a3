import { expect, test, type Page } from "@playwright/test";
import { QUICK_EXIT_URL } from "../../lib/security/quick-exit-script";
import { ARTICLE_PATH } from "./support/article";

// The neutral site is answered locally: nothing leaves the machine.
test.beforeEach(async ({ context }) => {
  await context.route(`${QUICK_EXIT_URL}**`, (route) =>
    route.fulfill({
      status: 200,
      contentType: "text/html",
      body: "<title>Weather</title><h1>Weather</h1>",
    }),
  );
});

// A page outside our site first, so "Back" has somewhere to go that is not us.
async function openFromElsewhere(page: Page, path: string) {
  await page.goto("data:text/html,<title>Before</title>");
  await page.goto(path);
  return page.evaluate(() => history.length);
}

async function expectLeftWithoutReturn(page: Page, historyLength: number) {
  await page.waitForURL(QUICK_EXIT_URL);
  await expect(page.getByRole("heading", { name: "Weather" })).toBeVisible();
  // The page was replaced, not left behind: history did not grow, and Back skips it.
  expect(await page.evaluate(() => history.length)).toBe(historyLength);
  await page.goBack();
  expect(page.url()).toMatch(/^data:text\/html/);
}

// A prerendered page, a page rendered per request, and a 404: the script is
// allowed by its hash under both kinds of Content-Security-Policy.
for (const path of [ARTICLE_PATH, "/progress", "/no-such-page"]) {
  test.describe(`quick exit on ${path}`, () => {
    test("the visible button leaves for a neutral site and Back does not return", async ({
      page,
    }) => {
      const length = await openFromElsewhere(page, path);
      const button = page.getByRole("link", { name: /^quick exit/i });
      await expect(button).toBeVisible();
      await button.click();
      await expectLeftWithoutReturn(page, length);
    });

    test("pressing Escape twice leaves the same way", async ({ page }) => {
      const length = await openFromElsewhere(page, path);
      await page.keyboard.press("Escape");
      await page.keyboard.press("Escape");
      await expectLeftWithoutReturn(page, length);
    });
  });
}

test("a single Escape, or two far apart, stays on the page", async ({ page }) => {
  await page.goto(ARTICLE_PATH);
  await page.keyboard.press("Escape");
  await page.waitForTimeout(1_700);
  await page.keyboard.press("Escape");
  await page.waitForTimeout(300);
  expect(page.url()).toMatch(new RegExp(`${ARTICLE_PATH}$`));
});

test("stays visible at the top while reading down the page", async ({ page }) => {
  await page.goto(ARTICLE_PATH);
  await page.mouse.wheel(0, 4_000);
  await expect(page.getByRole("link", { name: /^quick exit/i })).toBeInViewport();
});

test("works before and without the page's JavaScript bundles", async ({ page }) => {
  await page.route("**/_next/static/**/*.js", (route) => route.abort());
  const length = await openFromElsewhere(page, ARTICLE_PATH);
  await page.getByRole("link", { name: /^quick exit/i }).click();
  await expectLeftWithoutReturn(page, length);
});

test("with JavaScript off it is still a link that leaves", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  await context.route(`${QUICK_EXIT_URL}**`, (route) =>
    route.fulfill({ status: 200, contentType: "text/html", body: "<title>Weather</title>" }),
  );
  const page = await context.newPage();
  await page.goto(ARTICLE_PATH);
  await page.getByRole("link", { name: /^quick exit/i }).click();
  await page.waitForURL(QUICK_EXIT_URL);
  await context.close();
});
