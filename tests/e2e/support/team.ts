import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { expect, type Browser, type CDPSession, type Page } from "@playwright/test";
import type { SmtpCatcher } from "../../support/smtp-catcher";
import { createPostgresDatabase } from "../../support/test-database";
import { startAppServer } from "./app-server";
import { test } from "./fixtures";
import { E2E_PORT, E2E_SMTP_PORT } from "./ports";
import { signInWithEmail, uniqueEmail } from "./sign-in";
import { answerScreenClear } from "./privacy-plant";
import { INVITATION_SUBJECT } from "@/lib/counseling/invitation-subject";

// The counseling team in e2e specs. Team roles are granted only from the
// command line (`npm run team:add`), so a team spec runs an app instance of its
// own (the team app) and grants roles with the real CLI against that app's
// database. On PostgreSQL the CLI runs beside the app; on the embedded database
// (PGlite serves one process) the app is paused for it and restarted: sessions
// live in the database and survive that.
//
//   import { signInAsTeamMember, onTeamApp } from "./support/team";
//   const team = onTeamApp();   // team() is the running app
//   test("...", async ({ page, mail }) => {
//     const { email } = await signInAsTeamMember(page, mail, { role: "counselor" });
//     await page.goto("/team");   // signed in AND past the passkey
//   });
//
// signInAsTeamMember adds Chromium's virtual authenticator to the page (CDP
// WebAuthn domain), so the passkey it registers lives as long as the page.

/** E2E_PORT + 1, 2, 4, 5 and 20 belong to other specs' servers. */
export const TEAM_APP_PORT = E2E_PORT + 6;
export const TEAM_APP_URL = `http://localhost:${TEAM_APP_PORT}`;
const TEAM_PGLITE_DIR = `.data/team-app-${TEAM_APP_PORT}`;

export type TeamRole = "counselor" | "coordinator";

export type TeamApp = {
  url: string;
  /** The team app's own PostgreSQL database; undefined on PGlite. */
  databaseUrl: string | undefined;
  /** Grants (or changes) a role with `npm run team:add`; the person must have signed in once. */
  grantTeamRole(email: string, options: { role: TeamRole; displayName?: string }): Promise<void>;
  /** Removes a member with `npm run team:remove`. */
  removeTeamMember(email: string): Promise<void>;
  /** Runs a CLI command (or anything else) with the database free for another process. */
  withDatabase<T>(work: (env: Record<string, string>) => Promise<T> | T): Promise<T>;
  stop(): Promise<void>;
};

let current: TeamApp | null = null;

/** Starts the team app (fresh database on PGlite; the e2e PostgreSQL database otherwise). */
export async function startTeamApp(extraEnv: Record<string, string> = {}): Promise<TeamApp> {
  // On PostgreSQL the team app gets a database of its own: sharing the suite's would let
  // the main server's outbox worker send the team app's mail, with the main server's links.
  const ownDatabase = process.env.E2E_DATABASE_URL
    ? await createPostgresDatabase("heartwork_e2e_team")
    : null;
  const databaseUrl = ownDatabase?.url;
  const databaseEnv: Record<string, string> = databaseUrl
    ? { DATABASE_URL: databaseUrl }
    : { PGLITE_DIR: TEAM_PGLITE_DIR };
  if (!databaseUrl) {
    fs.rmSync(TEAM_PGLITE_DIR, { recursive: true, force: true });
    fs.rmSync(`${TEAM_PGLITE_DIR}.lock`, { force: true });
  }
  const env = {
    ...databaseEnv,
    SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
    EMAIL_RETRY_BASE_MS: "500",
    SIGNIN_LIMIT_PER_IP: "100000",
    ...extraEnv,
  };
  let server: Awaited<ReturnType<typeof startAppServer>> | null = await startAppServer({
    port: TEAM_APP_PORT,
    env,
  });

  async function withDatabase<T>(work: (env: Record<string, string>) => Promise<T> | T) {
    if (databaseUrl) return work(databaseEnv);
    await server?.stop();
    server = null;
    try {
      return await work(databaseEnv);
    } finally {
      server = await startAppServer({ port: TEAM_APP_PORT, env });
    }
  }

  const app: TeamApp = {
    url: TEAM_APP_URL,
    databaseUrl,
    grantTeamRole: (email, { role, displayName }) =>
      withDatabase((dbEnv) =>
        runTeamCli(dbEnv, [
          "add",
          email,
          "--role",
          role,
          ...(displayName ? ["--name", displayName] : []),
          "--by",
          "e2e",
        ]),
      ),
    removeTeamMember: (email) =>
      withDatabase((dbEnv) => runTeamCli(dbEnv, ["remove", email, "--by", "e2e"])),
    withDatabase,
    async stop() {
      await server?.stop();
      server = null;
      await ownDatabase?.drop();
      if (current === app) current = null;
    },
  };
  current = app;
  return app;
}

function runTeamCli(databaseEnv: Record<string, string>, args: string[]): void {
  const childEnv: Record<string, string | undefined> = {
    ...process.env,
    APP_URL: TEAM_APP_URL,
    LOG_LEVEL: "warn",
    ...databaseEnv,
  };
  if (!("DATABASE_URL" in databaseEnv)) delete childEnv.DATABASE_URL;
  const result = spawnSync(
    process.execPath,
    ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "lib/cli/team.ts", ...args],
    { env: childEnv as NodeJS.ProcessEnv, encoding: "utf8", timeout: 60_000 },
  );
  if (result.status !== 0) {
    throw new Error(`team ${args.join(" ")} failed: ${result.stderr || result.stdout}`);
  }
}

/**
 * For a spec file on the team app: its pages use the team app's URL; the app
 * starts before the file's first test and stops after its last. Returns the
 * running app (for granting roles and reading its database).
 */
export function onTeamApp(): () => TeamApp {
  let app: TeamApp | undefined;
  test.use({ baseURL: TEAM_APP_URL });
  test.beforeAll(async () => {
    test.setTimeout(180_000); // a production server of its own, on a loaded machine
    app = await startTeamApp();
  });
  test.afterAll(async () => {
    await app?.stop();
  });
  return () => teamApp(app);
}

/**
 * A couple on the team app, each in a browser of their own: the person (in
 * `timeZone`, when given) sent a couples request with `note` shared with the
 * team, and invited the partner, who joined with a clear screen.
 */
export async function coupleWithReferral(
  browser: Browser,
  mail: SmtpCatcher,
  { note, timeZone }: { note: string; timeZone?: string },
) {
  const person = { page: await newTeamAppPage(browser), email: uniqueEmail("person") };
  const partner = { page: await newTeamAppPage(browser), email: uniqueEmail("partner") };
  await signInWithEmail(person.page, mail, person.email, { callbackUrl: "/progress/settings" });
  if (timeZone) {
    await person.page.getByLabel("Your time zone").selectOption(timeZone);
    await person.page.getByRole("button", { name: "Save settings" }).click();
    await expect(person.page.getByRole("status")).toHaveText("Saved.", { timeout: 15_000 });
  }
  await person.page.goto("/counseling?for=us");
  await person.page.getByRole("link", { name: "Start", exact: true }).click();
  await answerScreenClear(person.page);
  await person.page.getByRole("link", { name: "Continue" }).click();
  await person.page.getByLabel("Trust").check();
  await person.page.getByLabel("Weekends").check();
  await person.page.getByLabel("Anything else you would like a counselor to know?").fill(note);
  await person.page.getByLabel("Share my note with the counseling team").check();
  await person.page.getByRole("button", { name: "Send my request" }).click();
  await expect(person.page.getByRole("heading", { name: "Your request is in" })).toBeVisible();
  await person.page.getByRole("link", { name: "Invite your partner now" }).click();
  await person.page.getByLabel("Your partner's email address").fill(partner.email);
  await person.page.getByLabel("Your name, as your partner knows you").fill("Sam");
  await person.page.getByRole("button", { name: "Send the invitation" }).click();
  const invitation = await mail.waitForMessage(
    (m) => m.to === partner.email && m.subject === INVITATION_SUBJECT,
  );
  await signInWithEmail(partner.page, mail, partner.email, { callbackUrl: "/counseling" });
  await partner.page.goto(invitation.links.find((l) => l.endsWith("?choice=accept"))!);
  await partner.page.getByRole("button", { name: "Accept the invitation" }).click();
  await answerScreenClear(partner.page);
  await expect(
    partner.page.getByText("You and Sam are linked in couples counseling"),
  ).toBeVisible();
  return { person, partner, joinedPath: new URL(partner.page.url()).pathname };
}

/** A page in a browser context of its own (another person, other cookies) on the team app. */
export async function newTeamAppPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: TEAM_APP_URL });
  return context.newPage();
}

/** The running team app (started by startTeamApp), for helpers that take none. */
function teamApp(app: TeamApp | undefined): TeamApp {
  const found = app ?? current;
  if (!found) throw new Error("Start the team app first (startTeamApp in beforeAll)");
  return found;
}

/** Makes `email` (signed in once already) a counselor or coordinator on the team app. */
export async function grantTeamRole(
  email: string,
  { role, displayName, app }: { role: TeamRole; displayName?: string; app?: TeamApp },
): Promise<void> {
  await teamApp(app).grantTeamRole(email, { role, displayName });
}

/**
 * Chromium's virtual authenticator on this page: a platform authenticator with
 * user verification that answers every passkey prompt at once.
 */
export async function addVirtualAuthenticator(
  page: Page,
): Promise<{ cdp: CDPSession; authenticatorId: string }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return { cdp, authenticatorId };
}

const authenticators = new WeakMap<Page, Promise<{ cdp: CDPSession; authenticatorId: string }>>();

/** The page's virtual authenticator, added once per page. */
export function virtualAuthenticator(page: Page) {
  let found = authenticators.get(page);
  if (!found) {
    found = addVirtualAuthenticator(page);
    authenticators.set(page, found);
  }
  return found;
}

/**
 * Passes the team's second factor on /team/passkey: registers a passkey on
 * the first team sign-in, uses it afterwards. Ends on /team.
 */
export async function passTeamPasskey(page: Page): Promise<void> {
  await virtualAuthenticator(page);
  if (!new URL(page.url()).pathname.startsWith("/team/passkey")) await page.goto("/team/passkey");
  const button = page.getByRole("button", { name: /^(Create a passkey|Use my passkey)$/ });
  await button.click();
  await page.waitForURL((url) => url.pathname === "/team");
}

/**
 * A new user, signed in with the email link, granted `role`, and past the
 * passkey (registered now on the page's virtual authenticator). Ends on /team.
 */
export async function signInAsTeamMember(
  page: Page,
  mail: SmtpCatcher,
  {
    role,
    displayName,
    email = uniqueEmail(role),
    app,
  }: { role: TeamRole; displayName?: string; email?: string; app?: TeamApp },
): Promise<{ email: string }> {
  await signInWithEmail(page, mail, email, { callbackUrl: "/account" });
  await grantTeamRole(email, { role, displayName, app });
  await page.goto("/team");
  if (new URL(page.url()).pathname.startsWith("/team/passkey")) await passTeamPasskey(page);
  await expect(page).toHaveURL(/\/team$/);
  return { email };
}
