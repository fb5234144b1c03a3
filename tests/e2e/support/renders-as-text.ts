import type { Browser, BrowserContext, Page } from "@playwright/test";
import { expect } from "./fixtures";

// Stored hostile text renders as text in a real browser: a page opened in a
// context that records CSP violations, dialogs, console errors and any script
// a payload ran (window.__pwned). Shared by the security fuzz specs.

const WATCH = () => {
  const w = window as unknown as { __violations: string[] };
  w.__violations = [];
  document.addEventListener("securitypolicyviolation", (e) => {
    w.__violations.push(
      `${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`,
    );
  });
};

export type Watched = { page: Page; problems: string[] };

export async function watchedPage(
  browser: Browser,
  storageState?: Awaited<ReturnType<BrowserContext["storageState"]>>,
): Promise<Watched> {
  const context = await browser.newContext(storageState ? { storageState } : {});
  await context.addInitScript(WATCH);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("dialog", (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  return { page, problems };
}

export async function expectRendersAsText(
  { page, problems }: Watched,
  path: string,
  mustShow?: string,
) {
  await page.goto(path);
  await page.waitForLoadState("load");
  if (mustShow) await expect(page.getByText(mustShow, { exact: false }).first()).toBeAttached();
  const { pwned, violations } = await page.evaluate(() => {
    const w = window as unknown as { __pwned?: unknown; __violations?: string[] };
    return { pwned: w.__pwned, violations: w.__violations ?? [] };
  });
  expect(pwned, `a payload ran on ${path}`).toBeUndefined();
  expect(violations, `CSP violations on ${path}`).toEqual([]);
  expect(problems, `on ${path}`).toEqual([]);
}
