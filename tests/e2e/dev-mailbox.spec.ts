import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import {
  createNetworkNamespace,
  getFrom,
  type NetworkNamespace,
} from "@/tests/support/network-namespace";
import { startAppServer } from "./support/app-server";
import { E2E_PORT, E2E_SECOND_PORT } from "./support/ports";
import { uniqueEmail } from "./support/sign-in";

// Its own port for a server started without `npm start` (E2E_PORT + 1, 2 and 4 are taken).
const EVERYWHERE_PORT = E2E_PORT + 5;

/**
 * `next start` alone (what `npm run serve` runs), listening on every interface,
 * with the development mailbox switched on: the page itself must still refuse
 * anyone who is not on this machine.
 */
async function startServerOnEveryInterface(port: number) {
  const dataDir = `.data/e2e-${port}`;
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(`${dataDir}.lock`, { force: true });
  const env: Record<string, string | undefined> = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    APP_URL: `http://localhost:${port}`,
    PGLITE_DIR: dataDir,
    DEV_MAILBOX: "true",
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    NEXT_MANUAL_SIG_HANDLE: "1",
    LOG_LEVEL: "warn",
  };
  for (const key of ["DATABASE_URL", "SMTP_URL", "SMTP_HOST"]) delete env[key];
  const child = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "-p", String(port)],
    { env: env as NodeJS.ProcessEnv, stdio: ["ignore", "inherit", "inherit"], detached: true },
  );
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
  };
  const killOnExit = () => killGroup("SIGKILL");
  process.once("exit", killOnExit);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 240_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start on port ${port} exited early`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      killGroup("SIGKILL");
      throw new Error(`next start on port ${port} did not become ready`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    async stop() {
      killGroup("SIGTERM");
      const timer = setTimeout(() => killGroup("SIGKILL"), 20_000);
      await exited;
      clearTimeout(timer);
      process.off("exit", killOnExit);
    },
  };
}

test.describe("the development mailbox", () => {
  test("does not exist on a production server with SMTP configured", async ({ request }) => {
    const response = await request.get("/dev/mailbox");
    expect(response.status()).toBe(404);
  });

  test.describe("on an app with no SMTP server", () => {
    // Starting a server with a new embedded database took over 90 s on a shared,
    // overloaded 2-core machine (load average 30); the margin is for that.
    test.describe.configure({ timeout: 300_000 });
    let app: Awaited<ReturnType<typeof startAppServer>>;

    test.beforeAll(async () => {
      // Starting a second server can outlast a test's 30 s on a loaded machine.
      test.setTimeout(240_000);
      app = await startAppServer({
        port: E2E_SECOND_PORT,
        timeoutMs: 240_000,
        // A 5-second "recent sign-in" window, so a test can outlive it.
        env: { DEV_MAILBOX: "true", SIGNIN_LIMIT_PER_IP: "1000", RECENT_SIGN_IN_SECONDS: "5" },
      });
    });
    test.afterAll(async () => {
      await app?.stop();
    });

    async function requestLink(page: Page, email: string) {
      await page.goto(`${app.url}/signin`);
      await page.getByLabel("Email address").fill(email);
      await page.getByRole("button", { name: "Email me a sign-in link" }).click();
      await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
    }

    /** Waits for the `count`-th message to `email` in the mailbox page, follows its link, clicks "Sign in". */
    async function signInFromMailbox(page: Page, email: string, count: number) {
      const messages = page.getByRole("article", {
        name: `Your Heartwork sign-in link to ${email}`,
      });
      await expect(async () => {
        await page.goto(`${app.url}/dev/mailbox`);
        await expect(messages).toHaveCount(count, { timeout: 500 });
      }).toPass({ timeout: 10_000 });
      await messages.first().getByRole("link", { name: "Open link in this message" }).click();
      await expect(page).toHaveURL(/\/signin\/confirm\?/);
      await page.getByRole("button", { name: "Sign in" }).click();
    }

    test.describe("seen from another host on the network", () => {
      let namespace: NetworkNamespace;
      test.beforeAll(() => {
        namespace = createNetworkNamespace();
      });
      test.afterAll(() => {
        namespace?.remove();
      });

      test("npm start, with the mailbox on, cannot even be connected to", async ({ request }) => {
        const { port } = new URL(app.url);
        for (const path of ["/dev/mailbox", "/api/health/live"]) {
          const remote = await getFrom(namespace, `http://${namespace.hostAddress}:${port}${path}`);
          expect(remote.status, path).toBe("000"); // nothing listens there
        }
        expect((await request.get(`${app.url}/dev/mailbox`)).status()).toBe(200);
      });

      test("a server listening everywhere still shows the mailbox to this machine only", async ({
        request,
      }) => {
        const server = await startServerOnEveryInterface(EVERYWHERE_PORT);
        try {
          const remote = `http://${namespace.hostAddress}:${EVERYWHERE_PORT}`;
          // Reachable from the other host, so the 404s below are the page's own answer.
          expect((await getFrom(namespace, `${remote}/api/health/live`)).status).toBe("200");
          const attempts: Array<Record<string, string>> = [
            {},
            { "x-heartwork-peer-address": "127.0.0.1" },
            { "x-forwarded-for": "127.0.0.1" },
            { "x-real-ip": "127.0.0.1" },
          ];
          for (const headers of attempts) {
            const answer = await getFrom(namespace, `${remote}/dev/mailbox`, headers);
            expect(answer.status, JSON.stringify(headers)).toBe("404");
            expect(answer.body).not.toContain("Development mailbox");
          }
          const local = await request.get(`http://localhost:${EVERYWHERE_PORT}/dev/mailbox`);
          expect(local.status()).toBe(200);
          expect(await local.text()).toContain("Development mailbox");
          // Through a proxy on this machine, every visitor would come from loopback.
          const proxied = await request.get(`http://localhost:${EVERYWHERE_PORT}/dev/mailbox`, {
            headers: { "x-forwarded-for": "203.0.113.9" },
          });
          expect(proxied.status()).toBe(404);
        } finally {
          await server.stop();
        }
      });
    });

    test("keeps the sign-in mail in the mailbox page, and its link signs in", async ({ page }) => {
      const email = uniqueEmail("mailbox");
      await requestLink(page, email);
      await signInFromMailbox(page, email, 1);
      await expect(page.getByRole("heading", { name: "Your account", exact: true })).toBeVisible();
      await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
    });

    test("deleting after the recent-sign-in window asks for a fresh link, which leads back to deletion", async ({
      page,
    }) => {
      const email = uniqueEmail("stale");
      await requestLink(page, email);
      await signInFromMailbox(page, email, 1);
      const confirmation = page.getByLabel(/Type .delete my account. to confirm/);
      await expect(confirmation).toBeVisible();

      await page.waitForTimeout(6_000); // past this server's 5-second window
      await page.reload();
      await expect(confirmation).toHaveCount(0);
      await expect(
        page.getByText(/deleting needs a sign-in from the last 10 minutes/),
      ).toBeVisible();
      await page.getByRole("button", { name: "Email me a fresh sign-in link" }).click();
      await expect(page.getByText(`We sent a sign-in link to ${email}`)).toBeVisible();

      await signInFromMailbox(page, email, 2);
      await expect(page).toHaveURL(/\/account#delete$/);
      await confirmation.fill("delete my account");
      await page.getByRole("button", { name: "Delete my account" }).click();
      await expect(
        page.getByRole("heading", { name: "Your account has been deleted" }),
      ).toBeVisible();
    });
  });
});
