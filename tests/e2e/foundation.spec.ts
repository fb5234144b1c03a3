import { expect, test } from "@playwright/test";

test.describe("the foundation", () => {
  test("the home page shows the site and its way to the article", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("link", { name: "Heartwork" }).first()).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page).toHaveTitle(/Heartwork/);
  });

  test("liveness answers without the database, readiness checks it", async ({ request }) => {
    const live = await request.get("/api/health/live");
    expect(live.status()).toBe(200);
    expect(await live.json()).toEqual({ status: "live" });

    const ready = await request.get("/api/health/ready");
    expect(ready.status()).toBe(200);
    expect(await ready.json()).toMatchObject({ status: "ready", database: "up" });
    expect(ready.headers()["cache-control"]).toContain("no-store");
  });

  // Headers (CSP, nonce, nosniff, HSTS, no-store) on every page, route, 404 and
  // 500: tests/e2e/security-headers.spec.ts.
  test("a 404 is a designed page", async ({ page, request }) => {
    const response = await request.get("/no-such-page");
    expect(response.status()).toBe(404);
    await page.goto("/no-such-page");
    await expect(page.getByRole("heading", { name: /could not find/i })).toBeVisible();
  });

  test("pages load under the policy without a single CSP violation", async ({ page }) => {
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __csp: string[] }).__csp = seen;
      document.addEventListener("securitypolicyviolation", (event) => {
        seen.push(`${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    for (const path of ["/", "/progress", "/no-such-page"]) {
      await page.goto(path, { waitUntil: "load" });
      // Give late scripts (hydration, prefetch) a moment to trip the policy.
      await page.waitForTimeout(300);
      const violations = await page.evaluate(
        () => (window as unknown as { __csp: string[] }).__csp,
      );
      expect(violations, path).toEqual([]);
    }
  });
});
