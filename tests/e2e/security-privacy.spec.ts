import { createHash } from "node:crypto";
import fs from "node:fs";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { DEFAULT_COUNSELING_INTAKE_EMAIL } from "@/lib/counseling/intake";
import { coverage } from "../security/coverage/privacy";
import { startSmtpCatcher } from "../support/smtp-catcher";
import { createPostgresDatabase } from "../support/test-database";
import { expect, test } from "./support/fixtures";
import { startLoggedServer, type LoggedServer } from "./support/logged-server";
import { E2E_PORT, buildOrigin } from "./support/ports";
import {
  answerScreenClear,
  invitationTo,
  invitePartner,
  plantTracker,
  signInToken,
  submitIntake,
  trackerSentences,
} from "./support/privacy-plant";
import {
  columnsContaining,
  dumpDatabase,
  openRawDatabase,
  type Cell,
} from "./support/raw-database";
import {
  requestSignInLink,
  signInWithEmail,
  uniqueEmail,
  waitForSignInMail,
} from "./support/sign-in";
import { exportJson } from "./support/tracker";
import { report } from "../support/report";

// Privacy promises 23–26 of SECURITY.md, checked end to end on the
// production build:
//  1. every page, signed out and signed in with real data, requests nothing
//     from anywhere but our origin (the crawl is driven by
//     tests/security/coverage/privacy.ts);
//  2. a server logging at `trace` never prints a planted secret: magic-link and
//     invitation tokens, their hashes, session cookies, journal sentences,
//     email addresses — the outbox worker included, through a refused delivery;
//  3. raw SQL over every column of every table finds no planted sentence, and
//     addresses only in the columns meant to hold them;
//  4. the JSON export holds exactly the person's own rows, and deleting the
//     account leaves none of them in any table while another person's stay.

const tag = Date.now().toString(36);

// ------------------------------------------------------------------ crawl --

type Viewer = "guest" | "user" | "partner";
/** The moment in the story at which a page shows its full content. */
type Stage = "signed-in" | "tracker" | "screened" | "intake" | "invited" | "linked";
type CrawlEntry = { stage: Stage; viewer: Viewer; url: (s: CrawlState) => string };
type CrawlState = { confirmLink: string; token: string; referralId: string };

const CRAWL: Record<string, CrawlEntry> = {
  "page:/": { stage: "signed-in", viewer: "user", url: () => "/" },
  "page:/articles/[slug]": {
    stage: "signed-in",
    viewer: "user",
    // Articles are the markdown files in content/articles (lib/articles is server-only).
    url: () => `/articles/${fs.readdirSync("content/articles")[0]!.replace(/\.md$/, "")}`,
  },
  "page:/signin": { stage: "signed-in", viewer: "guest", url: () => "/signin" },
  "page:/signin/check-email": {
    stage: "signed-in",
    viewer: "guest",
    url: () => "/signin/check-email",
  },
  // A real, unspent link: the confirmation page with its "Sign in" button.
  "page:/signin/confirm": {
    stage: "signed-in",
    viewer: "guest",
    url: (s) => s.confirmLink,
  },
  "page:/signin/error": {
    stage: "signed-in",
    viewer: "guest",
    url: () => "/signin/error?error=Verification",
  },
  "page:/signed-out": { stage: "signed-in", viewer: "guest", url: () => "/signed-out" },
  // With SMTP configured in production the mailbox does not exist: the crawl sees our 404 page.
  "page:/dev/mailbox": { stage: "signed-in", viewer: "user", url: () => "/dev/mailbox" },
  // The team's pages are a 404 for anyone but a team member past the passkey;
  // a member's own crawl of them: tests/e2e/team-passkey.spec.ts.
  "page:/team": { stage: "signed-in", viewer: "user", url: () => "/team" },
  "page:/team/passkey": { stage: "signed-in", viewer: "user", url: () => "/team/passkey" },
  "page:/team/agenda": { stage: "signed-in", viewer: "user", url: () => "/team/agenda" },
  "page:/team/referrals/[referralId]": {
    stage: "linked",
    viewer: "user",
    url: (s) => `/team/referrals/${s.referralId}`,
  },
  "page:/counseling/screen": {
    stage: "signed-in",
    viewer: "user",
    url: () => "/counseling/screen",
  },
  "page:/progress": { stage: "tracker", viewer: "user", url: () => "/progress" },
  "page:/progress/check-in": {
    stage: "tracker",
    viewer: "user",
    url: () => "/progress/check-in",
  },
  "page:/progress/history": { stage: "tracker", viewer: "user", url: () => "/progress/history" },
  "page:/progress/no-contact": {
    stage: "tracker",
    viewer: "user",
    url: () => "/progress/no-contact",
  },
  "page:/progress/memories": {
    stage: "tracker",
    viewer: "user",
    url: () => "/progress/memories",
  },
  "page:/progress/goals": { stage: "tracker", viewer: "user", url: () => "/progress/goals" },
  "page:/progress/people": { stage: "tracker", viewer: "user", url: () => "/progress/people" },
  "page:/progress/hard-dates": {
    stage: "tracker",
    viewer: "user",
    url: () => "/progress/hard-dates",
  },
  "page:/progress/settings": {
    stage: "tracker",
    viewer: "user",
    url: () => "/progress/settings",
  },
  "page:/progress/steps": { stage: "tracker", viewer: "user", url: () => "/progress/steps" },
  "page:/progress/export": { stage: "tracker", viewer: "user", url: () => "/progress/export" },
  "page:/progress/reminders": {
    stage: "tracker",
    viewer: "user",
    url: () => "/progress/reminders",
  },
  "page:/progress/pause": { stage: "tracker", viewer: "user", url: () => "/progress/pause" },
  // A reminder's stop link opened signed out: the confirm page, then its answer.
  "page:/reminders/stop": {
    stage: "signed-in",
    viewer: "guest",
    url: () => `/reminders/stop?t=${"A".repeat(43)}`,
  },
  "page:/reminders/stop/done": {
    stage: "signed-in",
    viewer: "guest",
    url: () => "/reminders/stop/done",
  },
  "page:/counseling/intake": {
    stage: "screened",
    viewer: "user",
    url: () => "/counseling/intake",
  },
  "page:/counseling/next": { stage: "intake", viewer: "user", url: () => "/counseling/next" },
  "page:/counseling/invite": {
    stage: "intake",
    viewer: "user",
    url: () => "/counseling/invite",
  },
  "page:/invitations/[token]": {
    stage: "invited",
    viewer: "partner",
    url: (s) => `/invitations/${s.token}`,
  },
  "page:/counseling/joined/[referralId]": {
    stage: "linked",
    viewer: "partner",
    url: (s) => `/counseling/joined/${s.referralId}`,
  },
  "page:/counseling": { stage: "linked", viewer: "user", url: () => "/counseling" },
  "page:/account": { stage: "linked", viewer: "user", url: () => "/account" },
};

type Seen = { viewer: Viewer; page: string; url: string; kind: string };

/** Records every request a context makes (documents, scripts, styles, fonts, images, prefetches). */
function recordRequests(context: BrowserContext, viewer: Viewer, seen: Seen[], current: string[]) {
  context.on("request", (request) => {
    seen.push({ viewer, page: current[0] ?? "", url: request.url(), kind: request.resourceType() });
  });
}

/** URLs the DOM would fetch: link/script/img/source/iframe/… and form targets (not <a> links). */
function urlsInDom(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const resolve = (value: string) => found.push(new URL(value, document.baseURI).href);
    for (const element of Array.from(document.querySelectorAll("*"))) {
      const tagName = element.tagName.toLowerCase();
      if (tagName === "a" || tagName === "area") continue; // navigations a person chooses
      for (const attribute of ["src", "href", "poster", "action", "data", "formaction"]) {
        const value = element.getAttribute(attribute);
        if (value && !value.startsWith("#")) resolve(value);
      }
      for (const attribute of ["srcset", "imagesrcset"]) {
        const value = element.getAttribute(attribute);
        if (value) for (const part of value.split(",")) resolve(part.trim().split(/\s+/)[0]!);
      }
    }
    return found;
  });
}

/** `origin` is ours: the server's, and (in a pass on other ports) the one the build was made for. */
function leavesOrigin(url: string, origin: string): boolean {
  if (url.startsWith("data:") || url.startsWith("blob:")) return false;
  const found = new URL(url).origin;
  return found !== origin && found !== new URL(buildOrigin(origin)).origin;
}

test.describe("privacy", () => {
  test("the crawl table is the coverage list", () => {
    expect(Object.keys(CRAWL).sort()).toEqual([...coverage.covers].sort());
    expect(coverage.kinds).toEqual(["page"]);
  });

  test("every page, signed out and signed in with real data, requests nothing outside our origin", async ({
    browser,
    mail,
    baseURL,
  }) => {
    test.setTimeout(240_000);
    const origin = new URL(baseURL!).origin;
    const seen: Seen[] = [];
    const inDom: Seen[] = [];
    const contexts = {} as Record<Viewer, { context: BrowserContext; page: Page; at: string[] }>;
    for (const viewer of ["guest", "user", "partner"] as const) {
      const context = await browser.newContext({ baseURL });
      const at: string[] = [];
      recordRequests(context, viewer, seen, at);
      contexts[viewer] = { context, page: await context.newPage(), at };
    }
    const user = contexts.user.page;
    const partner = contexts.partner.page;
    const partnerEmail = uniqueEmail("crawl-partner");
    const state: CrawlState = { confirmLink: "", token: "", referralId: "" };
    const visited: string[] = [];

    async function visit(viewer: Viewer, id: string, url: string) {
      const { page, at } = contexts[viewer];
      at[0] = id;
      await page.goto(url, { waitUntil: "networkidle" });
      // Bring lazy images and viewport prefetches into play, then let them finish.
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.waitForLoadState("networkidle");
      for (const found of await urlsInDom(page)) {
        inDom.push({ viewer, page: id, url: found, kind: "dom" });
      }
    }
    async function crawl(stage: Stage) {
      for (const [id, entry] of Object.entries(CRAWL).filter(([, e]) => e.stage === stage)) {
        const url = entry.url(state);
        await visit("guest", id, url);
        if (entry.viewer !== "guest") await visit(entry.viewer, id, url);
        // Guest-only pages are seen signed in too, by the person.
        else await visit("user", id, url);
        visited.push(id);
      }
    }

    await signInWithEmail(user, mail, uniqueEmail("crawl-user"), { callbackUrl: "/progress" });
    const linkFor = uniqueEmail("crawl-link");
    await requestSignInLink(contexts.guest.page, linkFor);
    state.confirmLink = (await waitForSignInMail(mail, linkFor)).link;
    await crawl("signed-in");

    await plantTracker(user, trackerSentences("CRAWL", tag));
    await crawl("tracker");

    await user.goto("/counseling/screen");
    await answerScreenClear(user);
    await expect(user).toHaveURL(/\/counseling$/);
    await crawl("screened");

    await user.goto("/counseling/intake");
    await submitIntake(user, { note: `CRAWL ${tag} intake words`, phone: "+1 555 123 4567" });
    await crawl("intake");

    await user.goto("/counseling/invite");
    await invitePartner(user, {
      email: partnerEmail,
      name: "Sam",
      message: `CRAWL ${tag} come with me`,
    });
    state.token = (await invitationTo(mail, partnerEmail)).token;
    await signInWithEmail(partner, mail, partnerEmail, {
      callbackUrl: `/invitations/${state.token}`,
    });
    await crawl("invited");

    await partner.goto(`/invitations/${state.token}`);
    await partner.getByRole("button", { name: "Accept the invitation" }).click();
    await partner.waitForURL(/\/counseling\/joined\//);
    state.referralId = new URL(partner.url()).pathname.split("/").pop()!;
    await crawl("linked");

    expect(visited.sort()).toEqual([...coverage.covers].sort());
    const outside = [...seen, ...inDom].filter((s) => leavesOrigin(s.url, origin));
    const kinds = new Map<string, number>();
    for (const s of seen) kinds.set(s.kind, (kinds.get(s.kind) ?? 0) + 1);
    report(
      `privacy crawl: ${visited.length} pages, ${seen.length} requests ` +
        `(${new Set(seen.map((s) => s.url)).size} distinct; ` +
        `${[...kinds].map(([k, n]) => `${k} ${n}`).join(", ")}), ` +
        `${inDom.length} URLs in the DOM; outside ${origin}: ${outside.length}`,
    );
    expect(outside).toEqual([]);

    // The recorder itself: a third-party image is seen both as a request and in the DOM.
    const probe = contexts.guest.page;
    await probe.route("https://third-party.example/**", (route) => route.abort());
    const before = seen.length;
    await probe.setContent('<img src="https://third-party.example/pixel.gif" alt="">');
    await expect
      .poll(() => seen.slice(before).filter((s) => leavesOrigin(s.url, origin)).length)
      .toBe(1);
    expect((await urlsInDom(probe)).filter((u) => leavesOrigin(u, origin))).toEqual([
      "https://third-party.example/pixel.gif",
    ]);
    for (const { context } of Object.values(contexts)) await context.close();
  });

  test("planted secrets stay out of the logs and out of plain SQL; the export is exactly one's own rows; deletion leaves none", async ({
    browser,
  }) => {
    test.setTimeout(300_000);
    const started = Date.now();
    // Our own server (so its logs are ours to read) at `trace`, with its own mail catcher.
    const port = E2E_PORT + 20;
    const smtp = await startSmtpCatcher({ port: port + 1 });
    const onPostgres = process.env.E2E_DATABASE === "postgres";
    const postgres = onPostgres ? await createPostgresDatabase("heartwork_e2e") : null;
    const pgliteDir = `.data/privacy-${port}/pglite`;
    fs.rmSync(`.data/privacy-${port}`, { recursive: true, force: true });
    const target = postgres
      ? ({ kind: "postgres", url: postgres.url! } as const)
      : ({ kind: "pglite", dir: pgliteDir } as const);
    const serverEnv: Record<string, string> = {
      LOG_LEVEL: "trace",
      SMTP_URL: smtp.url,
      EMAIL_RETRY_BASE_MS: "200",
      SIGNIN_LIMIT_PER_IP: "100000",
      ...(postgres ? { DATABASE_URL: postgres.url! } : { PGLITE_DIR: pgliteDir }),
    };
    const logs: string[] = [];
    let app: LoggedServer | null = await startLoggedServer({ port, env: serverEnv });
    const stopApp = async () => {
      logs.push(app!.output());
      await app!.stop();
      app = null;
    };
    /** Raw SQL needs the embedded folder to itself: the server stops meanwhile. */
    const dump = async ({ restart = true } = {}) => {
      restart &&= !onPostgres;
      if (!onPostgres) await stopApp();
      const database = await openRawDatabase(target);
      try {
        return await dumpDatabase(database);
      } finally {
        await database.close();
        if (restart) app = await startLoggedServer({ port, env: serverEnv });
      }
    };

    try {
      const person = (label: string) => ({ email: uniqueEmail(`${label}-${tag}`) });
      const a = { ...person("privacy-a"), page: await visitor(browser, app.url) };
      const b = { ...person("privacy-b"), page: await visitor(browser, app.url) };
      const partnerEmail = uniqueEmail(`privacy-p-${tag}`);
      const sentencesA = trackerSentences("ALICE", tag);
      const sentencesB = trackerSentences("BORIS", tag);
      const counselingA = {
        intakeNote: `ALICE ${tag} we fight about his mother every sunday`,
        phone: `+1 555 ${String(Date.now() % 10_000_000).padStart(7, "0")}`,
        message: `ALICE ${tag} please come with me just this once`,
        // Names take letters only.
        inviterName: `Ally ${tag.replace(/\d/g, (d) => "abcdefghij"[Number(d)]!)}`,
      };
      const declineNote = `PARTNER ${tag} not now, I need some time alone`;

      // A: signs in with a magic link, fills every tracker form, screens, sends the intake,
      // and invites a partner while the SMTP server refuses mail (the worker retries and logs).
      await signInWithEmail(a.page, smtp, a.email, { callbackUrl: "/progress" });
      const magicLinkA = signInToken((await waitForSignInMail(smtp, a.email)).link);
      await plantTracker(a.page, sentencesA);
      await a.page.goto("/counseling/screen");
      await answerScreenClear(a.page);
      await a.page.goto("/counseling/intake");
      await submitIntake(a.page, { note: counselingA.intakeNote, phone: counselingA.phone });
      await a.page.goto("/counseling/invite");
      smtp.setMode("refuse");
      await invitePartner(a.page, {
        email: partnerEmail,
        name: counselingA.inviterName,
        message: counselingA.message,
      });
      await expect.poll(() => smtp.refusals(), { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
      smtp.setMode("accept");
      const invitation = await invitationTo(smtp, partnerEmail);
      await smtp.waitForMessage((m) => m.to === DEFAULT_COUNSELING_INTAKE_EMAIL);

      // The partner, without an account, declines with a note.
      const partner = await visitor(browser, app.url);
      await partner.goto(invitation.decline);
      await partner.getByLabel(/A note for/).fill(declineNote);
      await partner.getByRole("button", { name: "Decline the invitation" }).click();
      await expect(partner.getByText("You declined.")).toBeVisible();

      // B: another person with a tracker of their own.
      await signInWithEmail(b.page, smtp, b.email, { callbackUrl: "/progress" });
      const magicLinkB = signInToken((await waitForSignInMail(smtp, b.email)).link);
      await plantTracker(b.page, sentencesB);

      // A link B never uses: its hash stays in the database, its token in the mail.
      await requestSignInLink(partner, b.email);
      const unusedLinkB = signInToken((await waitForSignInMail(smtp, b.email, { after: 1 })).link);

      const exportA = await exportJson(a.page);
      const exportB = await exportJson(b.page);
      const cookies = [
        ...(await a.page.context().cookies()),
        ...(await b.page.context().cookies()),
      ].filter((c) => c.name.includes("session-token"));
      expect(cookies).toHaveLength(2);

      // ---- raw SQL over every column of every table
      const before = await dump();
      const idA = rowOf(before.cells, "User", "email", a.email).id!;
      const idB = rowOf(before.cells, "User", "email", b.email).id!;

      const sentences = [
        ...Object.values(sentencesA),
        ...Object.values(sentencesB),
        counselingA.intakeNote,
        counselingA.message,
        declineNote,
      ];
      const inPlainText = Object.fromEntries(
        [...sentences, counselingA.phone, counselingA.phone.replace(/\D/g, "")]
          .map((s) => [s, columnsContaining(before.cells, s)] as const)
          .filter(([, columns]) => columns.length > 0),
      );
      expect(inPlainText, "free text readable in raw SQL").toEqual({});
      // The name the inviter gives is stored readable, on purpose: see PLAIN_BY_DESIGN.
      expect(columnsContaining(before.cells, counselingA.inviterName)).toEqual([
        "PartnerInvitation.inviterName",
      ]);
      const tokens = [
        magicLinkA,
        magicLinkB,
        unusedLinkB,
        invitation.token,
        ...cookies.map((c) => c.value),
      ];
      for (const token of tokens) expect(columnsContaining(before.cells, token), token).toEqual([]);
      for (const email of [a.email, b.email, partnerEmail]) {
        const columns = columnsContaining(before.cells, email);
        expect(
          columns.filter((c) => !(c in EMAIL_COLUMNS)),
          `${email} outside the columns meant for addresses`,
        ).toEqual([]);
      }
      expect(columnsContaining(before.cells, a.email)).toContain("User.email");
      expect(columnsContaining(before.cells, partnerEmail)).not.toContain(
        "PartnerInvitation.recipientEmail",
      );

      // ---- the export: every row of A's (counted against the database), nothing of B's
      for (const [table, key] of Object.entries(EXPORTED_TABLES)) {
        const owned = rowsOf(before.cells, table).filter((r) => r.userId === idA);
        expect(owned.length, `${table} rows of A`).toBeGreaterThan(0);
        expect((exportA[key] as unknown[]).length, `export of ${table}`).toBe(owned.length);
      }
      const textA = JSON.stringify(exportA);
      for (const sentence of Object.values(sentencesA)) expect(textA).toContain(sentence);
      // Counseling too: the intake, and the partner's answer to A's invitation (the
      // invitation's own message is erased once it is answered).
      for (const own of [counselingA.intakeNote, counselingA.phone, declineNote])
        expect(textA).toContain(own);
      const idsOfB = Object.keys(EXPORTED_TABLES).flatMap((table) =>
        rowsOf(before.cells, table)
          .filter((r) => r.userId === idB)
          .map((r) => r.id ?? r.userId!),
      );
      expect(idsOfB.length).toBeGreaterThan(5);
      for (const foreign of [...Object.values(sentencesB), b.email, idB, ...idsOfB])
        expect(textA, "A's export carries B's data").not.toContain(foreign);
      for (const sentence of [...Object.values(sentencesA), ...Object.values(counselingA)])
        expect(JSON.stringify(exportB)).not.toContain(sentence);
      expect(exportA.account).toEqual({ email: a.email, name: null });

      // ---- deletion: none of A's rows in any table; B's untouched
      const rowsOfB = mentioning(before.cells, [idB, b.email]);
      await a.page.goto("/account");
      await a.page.getByLabel(/to confirm/).fill("delete my account");
      await a.page.getByRole("button", { name: "Delete my account" }).click();
      await expect(
        a.page.getByRole("heading", { name: "Your account has been deleted" }),
      ).toBeVisible();
      await b.page.goto("/progress/memories"); // B's session and data still work
      await expect(b.page.getByText(sentencesB.memory)).toBeVisible();
      const after = await dump({ restart: false });
      expect(mentioning(after.cells, [idA, a.email]), "A's rows left").toEqual([]);
      expect(columnsContaining(after.cells, counselingA.inviterName)).toEqual([]);
      const rowsOfBAfter = mentioning(after.cells, [idB, b.email]);
      expect(withoutTimestamps(rowsOfBAfter)).toEqual(withoutTimestamps(rowsOfB));

      // ---- the logs: nothing planted, no token, no hash of one
      if (app) await stopApp();
      const log = logs.join("\n");
      const hashes = [
        ...before.cells.filter((c) => HASH_COLUMNS.includes(`${c.table}.${c.column}`)),
      ].map((c) => c.text);
      expect(hashes.length).toBe(4); // two sessions, the invitation, B's unused link
      const invitationHash = createHash("sha256").update(invitation.token);
      const secrets = [
        ...sentences,
        counselingA.inviterName,
        counselingA.phone,
        a.email,
        b.email,
        partnerEmail,
        ...tokens,
        ...hashes,
        invitationHash.copy().digest("base64url"),
        invitationHash.copy().digest("hex"),
      ];
      fs.writeFileSync(test.info().outputPath("server.log"), log);
      const leaked = secrets.filter((s) => log.toLowerCase().includes(s.toLowerCase()));
      const lines = log.split("\n").filter((l) => l.startsWith("{"));
      const events = new Set(lines.map((l) => (JSON.parse(l) as { event?: string }).event));
      report(
        `privacy data: ${before.tables.length} tables, ${before.columns} columns, ` +
          `${before.cells.length} cells searched for ${sentences.length + 2} sentences, ` +
          `3 addresses, ${tokens.length} tokens; export checked over ` +
          `${Object.keys(EXPORTED_TABLES).length} tables; ${lines.length} log lines at trace ` +
          `(${events.size} events) searched for ${secrets.length} secrets; ` +
          `${((Date.now() - started) / 1000).toFixed(0)} s`,
      );
      expect(leaked, "secrets in the server's logs").toEqual([]);
      // The logs were really captured: every flow above left its event, the worker's too.
      for (const event of [
        "auth.sign_in",
        "counseling.intake_submitted",
        "invitation.created",
        "email.retry",
        "email.sent",
        "invitation.declined",
        "tracker.export",
        "account.deleted",
      ])
        expect([...events], event).toContain(event);
    } finally {
      if (app) await stopApp();
      await smtp.close();
      await postgres?.drop();
    }
  });
});

// Columns meant to hold an address in clear, and why.
const EMAIL_COLUMNS: Record<string, string> = {
  "User.email": "the account's own address, to sign in with",
  "OutboxMessage.to":
    "the recipient, needed to deliver; kept 7 days after sending, then purged (lib/data/outbox.ts)",
  "VerificationToken.identifier":
    "the address a sign-in link was sent to, until used or 10 minutes",
  "Account.providerAccountId": "Auth.js's email provider names the account by its address",
};

// Readable on purpose: the name the inviter chose to be known by to the partner, shown on
// the invitation page to whoever holds the link. Erased with the inviter's account.
// (Every other free-text column is AES-256-GCM ciphertext.)

// Columns holding hashes of tokens: the hash must not reach the logs either.
const HASH_COLUMNS = [
  "Session.sessionToken",
  "VerificationToken.token",
  "PartnerInvitation.tokenHash",
];

// Tables of the tracker export, by the export's key.
const EXPORTED_TABLES: Record<string, string> = {
  CheckIn: "checkIns",
  Slip: "slips",
  Memory: "memories",
  Goal: "goals",
  Activity: "activities",
  ReachOut: "reachOuts",
  HardDate: "hardDates",
};

async function visitor(browser: Browser, baseURL: string): Promise<Page> {
  const context: BrowserContext = await browser.newContext({ baseURL });
  return context.newPage();
}

function rowsOf(cells: Cell[], table: string): Array<Record<string, string>> {
  const rows = new Map<number, Record<string, string>>();
  for (const cell of cells.filter((c) => c.table === table)) {
    const row = rows.get(cell.rowIndex) ?? {};
    row[cell.column] = cell.text;
    rows.set(cell.rowIndex, row);
  }
  return [...rows.values()];
}

function rowOf(cells: Cell[], table: string, column: string, value: string) {
  const row = rowsOf(cells, table).find((r) => r[column] === value);
  if (!row) throw new Error(`no ${table} row with ${column} = ${value}`);
  return row;
}

/** Every row, of every table, in which some cell mentions one of `needles`: "Table {json}". */
function mentioning(cells: Cell[], needles: string[]): string[] {
  const tables = [...new Set(cells.map((c) => c.table))];
  return tables.flatMap((table) =>
    rowsOf(cells, table)
      .filter((row) => Object.values(row).some((v) => needles.some((n) => v.includes(n))))
      .map((row) => `${table} ${JSON.stringify(row)}`)
      .sort(),
  );
}

/** Rows compared without updatedAt (a visit refreshes the session's). */
function withoutTimestamps(rows: string[]): string[] {
  return rows.map((r) => r.replace(/"(updatedAt|expires)":"[^"]*",?/g, ""));
}
