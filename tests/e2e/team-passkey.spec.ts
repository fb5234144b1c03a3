import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { signInWithEmail, uniqueEmail } from "./support/sign-in";
import { passTeamPasskey, signInAsTeamMember, TEAM_APP_URL, onTeamApp } from "./support/team";

// The team's second factor (issue 14, docs/counseling-team.md "The passkey"),
// with the real SMTP server and Chromium's virtual authenticator: the email
// link alone never opens a team page; the first team sign-in registers a
// passkey, every later sign-in uses it; a removed member is refused on their
// next request; everyone else meets a 404.

const team = onTeamApp();
test.describe.configure({ timeout: 180_000 });

async function signOut(page: Page) {
  await page.goto("/account");
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/signed-out$/);
}

test("a member registers a passkey on the first team sign-in and needs it on the next", async ({
  page,
  mail,
}) => {
  // No page of the flow asks anything of another origin (SECURITY.md 25).
  const foreign: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.protocol.startsWith("http") && url.origin !== TEAM_APP_URL) foreign.push(url.href);
  });
  const { email } = await signInAsTeamMember(page, mail, {
    role: "counselor",
    displayName: "Dana",
  });
  await expect(page.getByText("Signed in as Dana (counselor).")).toBeVisible();
  const teamPage = await page.goto("/team");
  expect(teamPage?.status()).toBe(200);
  expect(teamPage?.headers()["cache-control"]).toContain("no-store");
  expect(teamPage?.headers()["x-robots-tag"]).toContain("noindex");
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);

  await signOut(page);
  await signInWithEmail(page, mail, email, { callbackUrl: "/team" });
  // The new session has only the email link: /team sends it to the passkey.
  await expect(page).toHaveURL(/\/team\/passkey$/);
  await expect(page.getByRole("heading", { name: "Confirm it is you" })).toBeVisible();
  const passkeyPage = await page.reload();
  expect(passkeyPage?.headers()["cache-control"]).toContain("no-store");
  expect(passkeyPage?.headers()["x-robots-tag"]).toContain("noindex");
  await passTeamPasskey(page);
  await expect(page.getByText("Signed in as Dana (counselor).")).toBeVisible();
  expect(foreign).toEqual([]);
});

test("robots.txt disallows /team and the sitemap names no team page", async ({ request }) => {
  expect(await (await request.get("/robots.txt")).text()).toMatch(/^Disallow: \/team$/m);
  expect(await (await request.get("/sitemap.xml")).text()).not.toContain("/team");
});

test("an email-link-only session gets no team page and cannot skip the passkey", async ({
  page,
  mail,
}) => {
  const email = uniqueEmail("link-only");
  await signInWithEmail(page, mail, email);
  await team().grantTeamRole(email, { role: "coordinator" });
  for (const path of ["/team", "/team/"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/team\/passkey$/);
  }
  await expect(page.getByRole("heading", { name: "Create your team passkey" })).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  // The person closes the device's prompt (the browser answers NotAllowedError):
  // a calm error, and the session is still outside.
  await page.evaluate(() => {
    navigator.credentials.create = () =>
      Promise.reject(new DOMException("The operation was not allowed.", "NotAllowedError"));
  });
  await page.getByRole("button", { name: "Create a passkey" }).click();
  await expect(page.locator("#passkey-error")).toContainText("closed before it finished");
  await page.goto("/team");
  await expect(page).toHaveURL(/\/team\/passkey$/);

  await passTeamPasskey(page);
  await expect(page.getByText(/Signed in as .* \(coordinator\)\./)).toBeVisible();
});

test("a browser without passkeys is told so plainly", async ({ page, mail }) => {
  const email = uniqueEmail("no-webauthn");
  await signInWithEmail(page, mail, email);
  await team().grantTeamRole(email, { role: "counselor" });
  await page.addInitScript(() => {
    // @ts-expect-error -- removing the API is the point
    delete window.PublicKeyCredential;
  });
  await page.goto("/team/passkey");
  await expect(page.locator("#passkey-error")).toContainText("This browser cannot use passkeys.");
  await expect(page.getByRole("button", { name: "Create a passkey" })).toBeDisabled();
});

test("a removed member is refused on their very next request", async ({ page, mail }) => {
  const { email } = await signInAsTeamMember(page, mail, { role: "counselor" });
  await team().removeTeamMember(email);
  for (const path of ["/team", "/team/passkey"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
});

test("an ordinary user and a signed-out visitor get a 404, never a hint", async ({
  page,
  mail,
  browser,
}) => {
  const anonymous = await browser.newContext({ baseURL: TEAM_APP_URL });
  const visitor = await anonymous.newPage();
  await signInWithEmail(page, mail, uniqueEmail("ordinary"));
  for (const [who, p] of [
    ["signed out", visitor],
    ["ordinary user", page],
  ] as const) {
    for (const path of ["/team", "/team/passkey"]) {
      const response = await p.goto(path);
      expect(response?.status(), `${who} ${path}`).toBe(404);
      expect(response?.headers()["cache-control"], `${who} ${path}`).toContain("no-store");
      expect(response?.headers()["x-robots-tag"], `${who} ${path}`).toContain("noindex");
      expect(new URL(p.url()).pathname, `${who} ${path}`).toBe(path);
    }
  }
  await anonymous.close();
});

test("the passkey page at 390 px, light and dark", async ({ page, mail }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const email = uniqueEmail("screens");
  await signInWithEmail(page, mail, email);
  await team().grantTeamRole(email, { role: "counselor", displayName: "Robin" });
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto("/team/passkey");
    await expect(page.getByRole("heading", { name: "Create your team passkey" })).toBeVisible();
    await page.screenshot({ path: `test-results/team-passkey-register-${scheme}.png` });
  }
  await passTeamPasskey(page);
  await signOut(page);
  await signInWithEmail(page, mail, email, { callbackUrl: "/team" });
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto("/team/passkey");
    await expect(page.getByRole("heading", { name: "Confirm it is you" })).toBeVisible();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await page.screenshot({ path: `test-results/team-passkey-verify-${scheme}.png` });
  }
});
