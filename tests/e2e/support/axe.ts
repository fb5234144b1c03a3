import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

// axe as every spec runs it: the WCAG 2.2 A and AA rules, in light and in dark mode.

export const WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

/** Runs axe on the page as it is, in light and in dark mode; `what` names it in a failure. */
export async function expectAccessible(page: Page, what = page.url()) {
  // Next streams a dynamic page's <title> with its metadata, after the body it
  // is checked against may already show (a redirect after a server action):
  // axe runs on the page once it has arrived whole. A page with no title still
  // fails, here.
  await expect(page, `${what} has a title`).toHaveTitle(/\S/);
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
    const violations = results.violations.map((v) => ({
      rule: v.id,
      nodes: v.nodes.map((node) => node.target.join(" ")),
    }));
    expect(violations, `${what} in ${colorScheme} mode`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: "light" });
}
