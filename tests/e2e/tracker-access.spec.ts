import AxeBuilder from "@axe-core/playwright";
import { devices, type Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { signInWithEmail, uniqueEmail } from "./support/sign-in";
import { checkIn, skipWelcome } from "./support/tracker";

// Screen readers and phones: the tracker pages pass axe's WCAG 2.1 AA rules
// (with their content, including error states), and the check-in fits a
// phone's width without sideways scrolling.

const PAGES = [
  "/progress",
  "/progress/check-in",
  "/progress/history",
  "/progress/steps",
  "/progress/no-contact",
  "/progress/memories",
  "/progress/goals",
  "/progress/people",
  "/progress/hard-dates",
  "/progress/settings",
  "/progress/export",
];

async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return results.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
}

test.describe("the tracker for screen readers and phones", () => {
  test("every tracker page, with content and with form errors, has no axe (or CSP) violations", async ({
    page,
    mail,
  }) => {
    test.setTimeout(90_000);
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __csp: string[] }).__csp = seen;
      document.addEventListener("securitypolicyviolation", (event) => {
        seen.push(
          `${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`,
        );
      });
    });
    await signInWithEmail(page, mail, uniqueEmail("axe"), { callbackUrl: "/progress" });
    expect(await axeViolations(page), "/progress: the welcome").toEqual([]);
    await skipWelcome(page);
    await page.getByRole("button", { name: "Save check-in" }).click();
    await expect(
      page.getByRole("group", { name: /How are you feeling/ }),
    ).toHaveAccessibleDescription("Please choose how you are feeling.");
    expect(await axeViolations(page), "/progress with errors").toEqual([]);

    await checkIn(page, { mood: "Okay", missing: 5, contact: "We met", trigger: "a late night" });
    await page.goto("/progress/memories");
    await page.getByLabel("A hard memory").check();
    await page.getByRole("textbox", { name: "The memory" }).fill("The argument at the wedding");
    await page.getByRole("button", { name: "Save memory" }).click();
    await expect(page.getByRole("listitem").filter({ hasText: "The argument" })).toBeVisible();
    for (const path of PAGES) {
      await page.goto(path);
      expect(await axeViolations(page), path).toEqual([]);
      const csp = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
      expect(csp, `CSP violations on ${path}`).toEqual([]);
    }
  });

  test.describe("on a phone", () => {
    // The browser type comes from the config (Debian's Chromium); the rest is the phone.
    const { defaultBrowserType: _browser, ...pixel } = devices["Pixel 7"];
    test.use(pixel);

    test("checks in without sideways scrolling", async ({ page, mail }) => {
      await signInWithEmail(page, mail, uniqueEmail("phone"), { callbackUrl: "/progress" });
      await skipWelcome(page);
      const overflow = () =>
        page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(await overflow()).toBeLessThanOrEqual(0);
      await checkIn(page, { mood: "Hard", missing: 8, contact: "No contact", note: "A long day." });
      await expect(page.getByRole("region", { name: "Today's check-in" })).toContainText(
        "A long day.",
      );
      expect(await overflow()).toBeLessThanOrEqual(0);
    });
  });
});
