import { expect, test } from "@playwright/test";

// Browsers ask for /favicon.ico whatever the page links (app/icon.svg is
// linked, but not every browser or bookmark uses it); a 404 there is a
// console error on every page.

test.describe("the favicon", () => {
  test("/favicon.ico is an icon, not a 404", async ({ request }) => {
    const response = await request.get("/favicon.ico");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)/);
    const body = await response.body();
    // The ICO header: reserved 0, type 1 (icon), then at least one image.
    expect([...body.subarray(0, 4)]).toEqual([0, 0, 1, 0]);
    expect(body.readUInt16LE(4)).toBeGreaterThan(0);
  });

  test("pages load without a console error or a failed request", async ({ page }) => {
    test.setTimeout(90_000); // three page loads on a busy shared machine
    const problems: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console error: ${message.text()}`);
    });
    page.on("response", (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
    });
    for (const path of ["/", "/articles/why-do-i-miss-him", "/signin"]) {
      await page.goto(path, { waitUntil: "load" });
      // The icon is fetched after load; ask for it as the browser would.
      await page.evaluate(() => fetch("/favicon.ico").then((r) => r.status));
    }
    expect(problems).toEqual([]);
  });
});
