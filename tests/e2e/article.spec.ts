import { createHash } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { ARTICLE_PATH, ARTICLE_TITLE, SECTION_HEADINGS, STEP_HEADINGS } from "./support/article";
import { buildOrigin } from "./support/ports";

async function articleHeadings(page: Page) {
  return page.getByRole("article").getByRole("heading").allInnerTexts();
}

test.describe("the article for guests", () => {
  test("renders the title, every section heading and the five steps in order", async ({ page }) => {
    await page.goto(ARTICLE_PATH);
    await expect(page).toHaveTitle(`${ARTICLE_TITLE} · Heartwork`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(ARTICLE_TITLE);
    expect(await articleHeadings(page)).toEqual([
      ARTICLE_TITLE,
      ...SECTION_HEADINGS,
      ...STEP_HEADINGS,
    ]);

    // The steps are one ordered list, numbered 1 to 5, each item led by its heading.
    const steps = page
      .getByRole("list")
      .filter({ has: page.getByRole("heading", { name: STEP_HEADINGS[0] }) });
    expect(await steps.evaluate((list) => list.tagName)).toBe("OL");
    const items = steps.getByRole("listitem");
    await expect(items).toHaveCount(5);
    for (const [index, heading] of STEP_HEADINGS.entries()) {
      await expect(items.nth(index).getByRole("heading", { level: 3 })).toHaveText(heading);
    }
    await expect(page.getByText(/^\d+ min read$/)).toBeVisible();
  });

  test("keeps the article's words with exactly the listed mends", async ({ page }) => {
    await page.goto(ARTICLE_PATH);
    const article = page.getByRole("article");
    await expect(article).toContainText("A study in 2010 found that the same areas of the brain");
    await expect(article).toContainText(
      "and then shared your email address with him to get to know him better.",
    );
    await expect(article).toContainText(
      "to celebrate the precious life you shared. It’s not just you",
    );
    await expect(article).toContainText(
      "call the National Domestic Violence Hotline at 1.800.799.SAFE for help anytime",
    );
    await expect(article).toContainText(
      "But all of us are likely to go through breakups, and science shows us that missing someone is totally normal and natural.",
    );
    // Heartwork is the counseling site now; no other one is named or linked.
    await expect(article).not.toContainText(/regain/i);
    await expect(article).toContainText(
      "either start with your partner, or you can invite him or her later",
    );
    await expect(article).toContainText("The first session is free");
  });

  test("the table of contents links to every heading and lands on it", async ({ page }) => {
    await page.goto(ARTICLE_PATH);
    const toc = page.getByRole("navigation", { name: "In this article" });
    const links = toc.getByRole("link");
    expect(await links.allInnerTexts()).toEqual([...SECTION_HEADINGS, ...STEP_HEADINGS]);
    for (const name of [...SECTION_HEADINGS, ...STEP_HEADINGS].reverse()) {
      const link = toc.getByRole("link", { name, exact: true });
      const hash = await link.getAttribute("href");
      await link.click();
      await expect(page).toHaveURL(new RegExp(`${hash}$`));
      const heading = page.getByRole("article").getByRole("heading", { name, exact: true });
      await expect(heading).toBeInViewport();
      // The sticky header must not cover the heading it jumped to.
      const top = (await heading.boundingBox())?.y ?? -1;
      const headerBottom = (await page.getByRole("banner").boundingBox())?.height ?? 0;
      expect(top).toBeGreaterThanOrEqual(headerBottom);
    }
    // Anchors are stable: a shared link to a step opens at that step.
    await page.goto(`${ARTICLE_PATH}#step-3`);
    await expect(page.getByRole("heading", { name: STEP_HEADINGS[2] })).toBeInViewport();
  });

  test("shows the hotline where the article mentions abuse", async ({ page }) => {
    await page.goto(ARTICLE_PATH);
    const callouts = page.getByRole("article").getByText("If you are afraid of your partner");
    await expect(callouts).toHaveCount(2);
    const first = page
      .getByRole("article")
      .getByRole("link", { name: "1-800-799-SAFE (1-800-799-7233)" })
      .first();
    await first.scrollIntoViewIfNeeded();
    await expect(first).toBeVisible();
    await expect(first).toHaveAttribute("href", "tel:+18007997233");
  });

  test("the calls to action lead to our own pages, and those pages answer", async ({
    page,
    request,
    baseURL,
  }) => {
    await page.goto(ARTICLE_PATH);
    const article = page.getByRole("article");
    await expect(article.getByRole("link", { name: "Start couples counseling" })).toHaveCount(2);
    await expect(article.getByRole("link", { name: "Track your healing" })).toHaveCount(1);

    const hrefs = await article
      .getByRole("link")
      .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
    const internal = [...new Set(hrefs.filter((href) => href.startsWith("/")))];
    expect(internal.sort()).toEqual(["/counseling?for=me", "/counseling?for=us", "/progress"]);
    // Every link stays on our site, in the page, or dials the hotline.
    for (const href of hrefs) expect(href).toMatch(/^(\/[a-z]|#|tel:\+1)/);
    for (const href of internal) expect((await request.get(href)).status(), href).toBe(200);

    await article.getByRole("link", { name: "Start couples counseling" }).first().click();
    await expect(page).toHaveURL(`${baseURL}/counseling?for=us`);
    await expect(
      page.getByRole("heading", { level: 1, name: "Start couples counseling" }),
    ).toBeVisible();

    // Step 4's "online counseling" is for the reader: never a page about couples or a partner.
    await page.goBack();
    await article.getByRole("link", { name: "online counseling on Heartwork" }).click();
    await expect(page).toHaveURL(`${baseURL}/counseling?for=me`);
    await expect(
      page.getByRole("heading", { level: 1, name: "Talk to a counselor on your own" }),
    ).toBeVisible();
    await expect(page.getByRole("main")).not.toContainText(/couple|invit/i);

    // The tracker is private: a guest is asked to sign in, and comes back to it after.
    await page.goBack();
    await article.getByRole("link", { name: "Track your healing" }).click();
    await expect(page).toHaveURL(`${baseURL}/signin?callbackUrl=%2Fprogress`);
    await expect(
      page.getByRole("heading", { level: 1, name: "Sign in to Heartwork" }),
    ).toBeVisible();
  });

  test("the home page features the article and leads to it", async ({ page }) => {
    await page.goto("/");
    const featured = page.getByRole("region", { name: ARTICLE_TITLE });
    await expect(featured.getByText(/\d+ min read/)).toBeVisible();
    await expect(featured.getByRole("listitem")).toHaveText(STEP_HEADINGS);
    await featured.getByRole("link", { name: ARTICLE_TITLE }).click();
    await expect(page).toHaveURL(new RegExp(`${ARTICLE_PATH}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(ARTICLE_TITLE);
  });

  test("unknown article slugs get the designed 404 page with quick exit and the headers", async ({
    page,
    request,
  }) => {
    for (const path of [
      "/articles/no-such-article",
      "/articles/..%2F..%2Fpackage.json",
      "/articles/why-do-i-miss-him/more",
    ]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(404);
      expect(response.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
      expect(response.headers()["x-content-type-options"]).toBe("nosniff");
    }
    const response = await page.goto("/articles/no-such-article");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: /could not find/i })).toBeVisible();
    await expect(page.getByRole("link", { name: /quick exit/i })).toBeVisible();
  });

  test("is prerendered: the same bytes every time, allowed to run only its own inline scripts", async ({
    request,
  }) => {
    const first = await request.get(ARTICLE_PATH);
    const second = await request.get(ARTICLE_PATH);
    const html = await first.text();
    expect(await second.text()).toBe(html);

    const csp = first.headers()["content-security-policy"] ?? "";
    const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? "";
    expect(scriptSrc).not.toContain("unsafe-inline");
    expect(scriptSrc).not.toContain("nonce-");
    // Every executable inline script in the page is listed by its hash.
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g)]
      .filter(([, attributes]) => !/type="application\/ld\+json"/.test(attributes ?? ""))
      .map(
        ([, , body]) =>
          `'sha256-${createHash("sha256")
            .update(body ?? "")
            .digest("base64")}'`,
      );
    expect(inline.length).toBeGreaterThan(1);
    for (const hash of inline) expect(scriptSrc).toContain(hash);
  });

  test("loads the article, home and counseling pages without a CSP violation", async ({ page }) => {
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __csp: string[] }).__csp = seen;
      document.addEventListener("securitypolicyviolation", (event) => {
        seen.push(`${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    for (const path of [ARTICLE_PATH, "/", "/counseling", "/articles/no-such-article"]) {
      await page.goto(path, { waitUntil: "load" });
      await page.waitForTimeout(300);
      expect(
        await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp),
        path,
      ).toEqual([]);
    }
  });

  test("carries title, description, canonical, Open Graph, Twitter card and Article JSON-LD", async ({
    page,
    request,
    baseURL,
  }) => {
    await page.goto(ARTICLE_PATH);
    const url = `${buildOrigin(baseURL)}${ARTICLE_PATH}`;
    const meta = (selector: string) => page.locator(selector).getAttribute("content");
    expect(await page.locator('link[rel="canonical"]').getAttribute("href")).toBe(url);
    expect(await meta('meta[name="description"]')).toMatch(/five steps/);
    expect(await meta('meta[property="og:type"]')).toBe("article");
    expect(await meta('meta[property="og:url"]')).toBe(url);
    expect(await meta('meta[property="og:title"]')).toBe(ARTICLE_TITLE);
    expect(await meta('meta[name="twitter:card"]')).toBe("summary_large_image");

    for (const selector of ['meta[property="og:image"]', 'meta[name="twitter:image"]']) {
      const image = (await meta(selector)) ?? "";
      expect(image.startsWith(`${url}/`)).toBe(true);
      const response = await request.get(new URL(image).pathname);
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toBe("image/png");
      const png = await response.body();
      // PNG signature, then the IHDR chunk's width and height.
      expect(png.subarray(1, 4).toString()).toBe("PNG");
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    }

    const jsonLd = JSON.parse(
      (await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}",
    );
    expect(jsonLd).toMatchObject({
      "@context": "https://schema.org",
      "@type": "Article",
      headline: ARTICLE_TITLE,
      url,
      datePublished: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      author: { "@type": "Organization", name: "Heartwork" },
    });
  });

  test("publishes sitemap.xml and robots.txt built from the configured origin", async ({
    request,
    baseURL,
  }) => {
    const origin = buildOrigin(baseURL);
    const sitemap = await (await request.get("/sitemap.xml")).text();
    expect(sitemap).toContain(`<loc>${origin}/</loc>`);
    expect(sitemap).toContain(`<loc>${origin}${ARTICLE_PATH}</loc>`);
    expect(sitemap).not.toContain("/progress");
    const robots = await (await request.get("/robots.txt")).text();
    expect(robots).toContain("Allow: /");
    expect(robots).toContain(`Sitemap: ${origin}/sitemap.xml`);
  });

  test("no request leaves our origin while reading", async ({ page, baseURL }) => {
    const requests: string[] = [];
    page.on("request", (request) => requests.push(request.url()));
    for (const path of [
      "/",
      ARTICLE_PATH,
      "/counseling",
      "/progress",
      "/articles/no-such-article",
    ]) {
      await page.goto(path, { waitUntil: "networkidle" });
      // Read to the end (wakes lazy loading and viewport prefetching) and point at the header links.
      for (let y = 0; y < 20_000; y += 2_000) await page.mouse.wheel(0, 2_000);
      for (const link of await page.getByRole("banner").getByRole("link").all()) await link.hover();
      await page.waitForLoadState("networkidle");
    }
    expect(requests.length).toBeGreaterThan(5);
    const foreign = requests.filter((url) => new URL(url).origin !== new URL(baseURL!).origin);
    expect(foreign).toEqual([]);
  });

  test("follows the system's dark mode, fits a phone, and prints without the controls", async ({
    page,
  }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto(ARTICLE_PATH);
    // Lightness (0-100) of the page background; Tailwind's colors compute as lab() or rgb().
    const background = () =>
      page.evaluate(() => {
        const color = getComputedStyle(document.body).backgroundColor;
        const [a = 0, b = 0, c = 0] = (color.match(/[\d.]+/g) ?? []).map(Number);
        return color.startsWith("lab") ? a : ((a + b + c) / 3 / 255) * 100;
      });
    expect(await background()).toBeLessThan(10);
    // Nothing wider than the screen: no sideways scrolling on a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );

    await page.emulateMedia({ colorScheme: "light" });
    expect(await background()).toBeGreaterThan(95);

    await page.emulateMedia({ media: "print", colorScheme: "dark" });
    expect(await background()).toBeGreaterThan(95);
    await expect(page.getByRole("link", { name: /quick exit/i })).toBeHidden();
    await expect(page.getByRole("navigation", { name: "In this article" })).toBeHidden();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  });
});
