import type { APIRequestContext, Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import fc from "fast-check";
import { expect, test } from "./support/fixtures";
import {
  mailCount,
  requestSignInLink,
  signInWithEmail,
  uniqueEmail,
  waitForSignInMail,
} from "./support/sign-in";

const SESSION_COOKIE = "authjs.session-token"; // http://localhost: no __Secure- prefix

async function sessionCookie(page: Page) {
  const cookies = await page.context().cookies();
  return cookies.find((c) => c.name === SESSION_COOKIE);
}

/** POSTs the confirmation form as the page's button would, without following the redirect. */
async function postConfirmation(
  request: APIRequestContext,
  baseURL: string,
  link: string,
  callbackUrl?: string,
) {
  const params = new URL(link).searchParams;
  return request.post("/api/auth/callback/email", {
    form: {
      token: params.get("token") ?? "",
      email: params.get("email") ?? "",
      callbackUrl: callbackUrl ?? params.get("callbackUrl") ?? "",
    },
    headers: { origin: baseURL },
    maxRedirects: 0,
  });
}

test.describe("signing in with an emailed link", () => {
  test("signs in end to end through a real SMTP server; scanners opening the link spend nothing; a second click says it was used", async ({
    page,
    request,
    mail,
    baseURL,
  }) => {
    const email = uniqueEmail("first");
    await page.goto("/account");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Faccount$/);

    await page.getByLabel("Email address").fill(email);
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();

    const message = await waitForSignInMail(mail, email);
    expect(message.subject).toBe("Your Heartwork sign-in link");
    expect(message.link.startsWith(`${baseURL}/signin/confirm?`)).toBe(true);

    // What mail scanners do: open the link, several times, and HEAD it.
    for (let i = 0; i < 5; i++) {
      const opened = await request.get(message.link);
      expect(opened.status()).toBe(200);
      expect(await opened.text()).toContain("Sign in");
    }
    expect((await request.head(message.link)).status()).toBe(200);

    await page.goto(message.link);
    await expect(page.getByText(`You are signing in as ${email}`)).toBeVisible();
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByRole("heading", { name: "Your account", exact: true })).toBeVisible();
    await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();

    await page.goto(message.link);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(
      page.getByRole("heading", { name: "This sign-in link was already used" }),
    ).toBeVisible();
  });

  test("an Auth.js-style callback GET only shows the confirmation page", async ({
    request,
    page,
    mail,
  }) => {
    const email = uniqueEmail("callback-get");
    await requestSignInLink(page, email);
    const { link } = await waitForSignInMail(mail, email);
    const query = new URL(link).search;
    const response = await request.get(`/api/auth/callback/email${query}`, { maxRedirects: 0 });
    expect(response.status()).toBe(303);
    expect(response.headers().location).toContain(`/signin/confirm${query}`);
    // The token is still good.
    await page.goto(link);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Your account", exact: true })).toBeVisible();
  });

  // The cookie's attributes (HttpOnly, SameSite, Path, lifetime, Secure for https)
  // and no-store on private pages: tests/e2e/security-headers.spec.ts.
  test("gives the session cookie a new value at every sign-in", async ({
    page,
    request,
    mail,
    baseURL,
    playwright,
  }) => {
    const email = uniqueEmail("cookie");
    const values = [];
    for (let i = 0; i < 2; i++) {
      await requestSignInLink(page, email);
      const { link } = await waitForSignInMail(mail, email, { after: i });
      const response = await postConfirmation(request, baseURL!, link);
      expect(response.status()).toBe(303);
      expect(response.headers().location).toBe(`${baseURL}/account`);
      const setCookie = response
        .headersArray()
        .filter((h) => h.name.toLowerCase() === "set-cookie");
      const session = setCookie.find((h) => h.value.startsWith(`${SESSION_COOKIE}=`));
      expect(session).toBeTruthy();
      values.push(/=([^;]+)/.exec(session!.value)![1]);
    }
    expect(values[0]).not.toBe(values[1]);
    // The second sign-in replaced the first session instead of keeping both alive.
    const replay = await playwright.request.newContext({ baseURL });
    for (const [value, alive] of [
      [values[0], false],
      [values[1], true],
    ] as const) {
      const session = await replay.get("/api/auth/session", {
        headers: { cookie: `${SESSION_COOKIE}=${value}` },
      });
      expect(Boolean(await session.json()), `session ${alive ? "kept" : "replaced"}`).toBe(alive);
    }
    await replay.dispose();
  });

  test("refuses a confirmation posted from another site", async ({ request, page, mail }) => {
    const email = uniqueEmail("csrf");
    await requestSignInLink(page, email);
    const { link } = await waitForSignInMail(mail, email);
    const params = new URL(link).searchParams;
    const response = await request.post("/api/auth/callback/email", {
      form: { token: params.get("token")!, email, callbackUrl: "/account" },
      headers: { origin: "https://evil.example" },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(403);
    const fromBrowser = await request.post("/api/auth/callback/email", {
      form: { token: params.get("token")!, email, callbackUrl: "/account" },
      headers: { origin: "null", "sec-fetch-site": "cross-site" },
      maxRedirects: 0,
    });
    expect(fromBrowser.status()).toBe(403);
  });

  test("answers the same for a known and an unknown address", async ({ page, mail }) => {
    const known = uniqueEmail("known");
    await signInWithEmail(page, mail, known);
    await page.context().clearCookies();

    const texts = [];
    for (const email of [known, uniqueEmail("unknown")]) {
      await requestSignInLink(page, email);
      texts.push(await page.getByRole("main").innerText());
    }
    expect(texts[0]).toBe(texts[1]);
  });

  test("shows a clear form error and sends nothing for bad addresses", async ({ page, mail }) => {
    const cases: [string, RegExp][] = [
      ['"a@evil.example"@victim.example', /like name@example\.com/],
      ["not-an-address", /like name@example\.com/],
      [`${"a".repeat(250)}@example.com`, /too long/],
      ["victim@example.com\r\nBcc: everyone@evil.example", /line break/],
    ];
    for (const [value, error] of cases) {
      await page.goto("/signin");
      // A type=email input drops line breaks; a hidden one keeps what we give it,
      // which is what a hand-made request would send.
      await page.getByLabel("Email address").evaluate((input: HTMLInputElement, v) => {
        input.type = "hidden";
        input.value = v;
      }, value);
      await page.getByRole("button", { name: "Email me a sign-in link" }).click();
      await expect(page.getByRole("group", { name: "There is a problem" })).toContainText(error);
      await expect(page).toHaveURL(/\/signin$/);
    }
    await page.waitForTimeout(1_000);
    expect(
      mail.messages.filter((m) => /evil\.example|victim|not-an-address|aaaa/.test(m.to)),
    ).toEqual([]);
  });

  test("random input never breaks the sign-in form (property, fixed seed)", async ({ page }) => {
    const inputs = fc.sample(
      fc.oneof(
        fc.string({ maxLength: 400 }),
        fc.emailAddress(),
        fc.string({ unit: "binary", maxLength: 80 }),
      ),
      { seed: 20261126, numRuns: 12 },
    );
    for (const value of inputs) {
      await page.goto("/signin");
      await page.getByLabel("Email address").evaluate((input: HTMLInputElement, v) => {
        input.type = "hidden";
        input.value = v;
      }, value);
      await page.getByRole("button", { name: "Email me a sign-in link" }).click();
      const outcome = page
        .getByRole("heading", { name: "Check your email" })
        .or(page.getByRole("group", { name: "There is a problem" }));
      await expect(outcome, JSON.stringify(value)).toBeVisible();
      await expect(page.getByText("Something went wrong")).toHaveCount(0);
    }
  });

  test("over the per-address limit, says so calmly and sends no more mail", async ({
    page,
    mail,
  }) => {
    const email = uniqueEmail("limit");
    for (let i = 0; i < 5; i++) await requestSignInLink(page, email);
    await page.goto("/signin");
    await page.getByLabel("Email address").fill(email);
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await expect(page.getByText(/several sign-in links in a short time/)).toBeVisible();
    await expect.poll(() => mailCount(mail, email)).toBe(5);
    await page.waitForTimeout(1_000);
    expect(mailCount(mail, email)).toBe(5);
  });

  test("never redirects off our origin after signing in", async ({
    page,
    request,
    mail,
    baseURL,
  }) => {
    const email = uniqueEmail("redirect");
    const evil = ["//evil.example", "/\\evil.example", "javascript:alert(document.cookie)"];
    for (const [i, target] of evil.entries()) {
      await requestSignInLink(page, email, { callbackUrl: target });
      const { link } = await waitForSignInMail(mail, email, { after: i });
      expect(new URL(link).searchParams.get("callbackUrl")).toBe("/account");
      // Even a hand-edited confirmation cannot leave the origin.
      const response = await postConfirmation(request, baseURL!, link, target);
      expect(response.headers().location).toBe(`${baseURL}/account`);
    }
  });

  test("returns to the page that asked for sign-in", async ({ page, mail }) => {
    await signInWithEmail(page, mail, uniqueEmail("return"), { callbackUrl: "/account#delete" });
    await expect(page).toHaveURL(/\/account#delete$/);
  });
});

test.describe("the account page", () => {
  test("the sign-in and account pages pass an accessibility scan", async ({ page, mail }) => {
    const email = uniqueEmail("axe");
    await requestSignInLink(page, email);
    const { link } = await waitForSignInMail(mail, email);
    for (const path of [
      "/signin",
      "/signin/check-email",
      link,
      "/signin/error?error=Verification",
      "/signed-out",
    ]) {
      await page.goto(path);
      const { violations } = await new AxeBuilder({ page }).analyze();
      expect(
        violations.map((v) => `${v.id}: ${v.help}`),
        path,
      ).toEqual([]);
    }
    await page.goto(link);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Your account", exact: true })).toBeVisible();
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(
      violations.map((v) => `${v.id}: ${v.help}`),
      "/account",
    ).toEqual([]);
  });

  test("saves a display name", async ({ page, mail }) => {
    await signInWithEmail(page, mail, uniqueEmail("name"));
    await page.getByLabel("Display name").fill("Sam");
    await page.getByRole("button", { name: "Save name" }).click();
    await expect(page.getByText("Saved.")).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("Display name")).toHaveValue("Sam");
  });

  test("signing out deletes the session: the old cookie no longer works", async ({
    page,
    browser,
    mail,
  }) => {
    await signInWithEmail(page, mail, uniqueEmail("signout"));
    const old = await sessionCookie(page);
    expect(old).toBeTruthy();

    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await expect(page.getByRole("heading", { name: "You are signed out" })).toBeVisible();
    expect(await sessionCookie(page)).toBeUndefined();

    const replay = await browser.newContext();
    await replay.addCookies([old!]);
    const replayPage = await replay.newPage();
    await replayPage.goto("/account");
    await expect(replayPage.getByRole("heading", { name: "You are signed out" })).toBeVisible();
    const session = await replayPage.request.get("/api/auth/session");
    expect(await session.json()).toBeNull();
    await replay.close();
  });

  test("signs out of every device at once", async ({ page, browser, mail }) => {
    const email = uniqueEmail("everywhere");
    await signInWithEmail(page, mail, email);
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await signInWithEmail(otherPage, mail, email);
    await expect(
      otherPage.getByRole("heading", { name: "Your account", exact: true }),
    ).toBeVisible();

    await page.getByRole("button", { name: "Sign out of all devices" }).click();
    await expect(page.getByText("signed out on every device")).toBeVisible();
    await otherPage.goto("/account");
    await expect(otherPage.getByRole("heading", { name: "You are signed out" })).toBeVisible();
    await other.close();
  });

  test("deletes the account after a typed confirmation, and the old cookie is dead", async ({
    page,
    browser,
    mail,
  }) => {
    const email = uniqueEmail("delete");
    await signInWithEmail(page, mail, email);
    await page.getByLabel("Display name").fill("Leaving");
    await page.getByRole("button", { name: "Save name" }).click();
    await expect(page.getByText("Saved.")).toBeVisible();
    const old = await sessionCookie(page);

    await page.getByLabel(/Type .delete my account. to confirm/).fill("delete it");
    await page.getByRole("button", { name: "Delete my account" }).click();
    await expect(
      page
        .getByRole("group", { name: "There is a problem" })
        .getByText('Type "delete my account" to confirm.', { exact: true }),
    ).toBeVisible();
    await expect(page.getByRole("heading", { name: "Your account", exact: true })).toBeVisible();

    await page.getByLabel(/Type .delete my account. to confirm/).fill("delete my account");
    await page.getByRole("button", { name: "Delete my account" }).click();
    await expect(
      page.getByRole("heading", { name: "Your account has been deleted" }),
    ).toBeVisible();

    const replay = await browser.newContext();
    await replay.addCookies([old!]);
    const replayPage = await replay.newPage();
    await replayPage.goto("/account");
    await expect(replayPage).not.toHaveURL(/\/account$/);
    await replay.close();

    // The address can start again from nothing.
    await signInWithEmail(page, mail, email);
    await expect(page.getByLabel("Display name")).toHaveValue("");
  });
});
