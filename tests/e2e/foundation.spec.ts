import { expect, test, type APIResponse } from "@playwright/test";

function expectSecurityHeaders(response: APIResponse) {
  const headers = response.headers();
  const csp = headers["content-security-policy"] ?? "";
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("base-uri 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain("unsafe-eval");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("no-referrer");
  expect(headers["strict-transport-security"]).toMatch(/max-age=\d+/);
  return csp;
}

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

  test("a static page carries the security headers", async ({ request }) => {
    const response = await request.get("/");
    expect(response.status()).toBe(200);
    expectSecurityHeaders(response);
  });

  test("a dynamic page gets a fresh script nonce on every request", async ({ request }) => {
    const nonces = [];
    for (let i = 0; i < 2; i++) {
      const response = await request.get("/progress");
      const csp = expectSecurityHeaders(response);
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
      expect(nonce).toBeTruthy();
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      // Next stamps its own scripts with the same nonce.
      expect(await response.text()).toContain(`nonce="${nonce}"`);
      nonces.push(nonce);
    }
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  test("a 404 is a designed page with the same headers", async ({ page, request }) => {
    const response = await request.get("/no-such-page");
    expect(response.status()).toBe(404);
    expectSecurityHeaders(response);
    await page.goto("/no-such-page");
    await expect(page.getByRole("heading", { name: /could not find/i })).toBeVisible();
  });

  test("API routes carry the headers too", async ({ request }) => {
    expectSecurityHeaders(await request.get("/api/health/live"));
    expectSecurityHeaders(await request.get("/api/health/ready"));
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
