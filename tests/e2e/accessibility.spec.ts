import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { ARTICLE_PATH } from "./support/article";
import { WCAG_22_AA } from "./support/axe";

// Pages anyone can open. Every form is checked in its error state, light and
// dark, by the table in forms-keep-input.spec.ts (add a row there for a new form).
const PUBLIC_PAGES = [
  "/",
  ARTICLE_PATH,
  "/signin",
  "/signed-out",
  "/signin/error?error=Verification",
  "/signin/confirm",
];

for (const colorScheme of ["light", "dark"] as const) {
  for (const path of PUBLIC_PAGES) {
    test(`${path} has no WCAG 2.2 A or AA violations in ${colorScheme} mode`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto(path);
      const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
      const violations = results.violations.map((v) => ({
        rule: v.id,
        nodes: v.nodes.map((node) => node.target.join(" ")),
      }));
      expect(violations).toEqual([]);
      // The rules that matter most here really ran (and passed), in this color scheme.
      expect(results.passes.map((pass) => pass.id)).toEqual(
        expect.arrayContaining(["color-contrast", "link-name", "target-size", "bypass"]),
      );
    });
  }
}

test("keyboard-only reading: the skip link comes first and every focus is visible", async ({
  page,
}) => {
  await page.goto(ARTICLE_PATH);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();

  // Then the quick exit, before anything else.
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: /^quick exit/i })).toBeFocused();

  // Skipping lands in the main content: the next stop is the first table-of-contents link.
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Shift+Tab");
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await expect(
    page.getByRole("navigation", { name: "In this article" }).getByRole("link").first(),
  ).toBeFocused();

  for (let i = 0; i < 12; i++) {
    const outline = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement!);
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    expect(outline.style).not.toBe("none");
    expect(outline.width).toBeGreaterThanOrEqual(2);
    await page.keyboard.press("Tab");
  }
});
