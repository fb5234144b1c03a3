import { createHash, randomBytes } from "node:crypto";
import { expect, test } from "./support/fixtures";
import { uniqueEmail } from "./support/sign-in";
import {
  Http,
  SESSION_COOKIE,
  invitationToken,
  invite,
  inviterOverHttp,
  sessionSetCookie,
  signInOverHttp,
  type HttpUser,
} from "./support/http";
import { coverage } from "../security/coverage/headers";

// SECURITY.md promises 2 and 14, for every page and route handler: a CSP with
// object-src/base-uri/frame-ancestors 'none', no 'unsafe-eval' and no
// 'unsafe-inline' scripts; a fresh nonce per request on pages rendered per
// request, and the hash of every inline script on prerendered ones; nosniff,
// a same-origin Referrer-Policy, HSTS (the e2e server runs NODE_ENV=production), and no-store on
// private pages; on 404s and 500s too. Then the session cookie: its attributes
// on the real Set-Cookie, its removal at sign-out, and the old value refused.
//
// The table below has one row per id in tests/security/coverage/headers.ts (the
// inventory test makes sure that list names every page and route), each with
// the concrete requests to make: signed out, and signed in for private ones,
// with real ids and tokens for dynamic segments. Raw HTTP, no browser.

/**
 * Who asks. The counseling pages each belong to one step, and redirect
 * elsewhere in the others, so each is asked by someone at that step:
 * newcomer (signed in only), screened (safety screen done), inviter (intake
 * in, may invite), owner (their partner accepted), partner (accepted).
 */
type Who = "guest" | "newcomer" | "screened" | "inviter" | "owner" | "partner";
type Context = { invitationToken: string; referralId: string; article: string };

type Probe = {
  as: Who;
  path: string | ((c: Context) => string);
  method?: "GET" | "POST" | "HEAD";
  /** Same-origin form fields (POST), or a cross-site POST. */
  form?: Record<string, string>;
  crossSite?: boolean;
  status: number;
};

type Row = {
  /** Holds or changes a person's own data: Cache-Control no-store. */
  private: boolean;
  /** "dynamic": a per-request nonce; "prerendered": script hashes, no nonce. */
  rendering: "dynamic" | "prerendered";
  probes: Probe[];
};

const signedOutRedirect = 307; // requireUser(): to /signin?callbackUrl=…

/** A private page: signed out it redirects to sign-in; signed in it renders. */
function privatePage(path: string | ((c: Context) => string), as: Who = "owner"): Row {
  return {
    private: true,
    rendering: "dynamic",
    probes: [
      { as: "guest", path, status: signedOutRedirect },
      { as, path, status: 200 },
    ],
  };
}

/** A private page that answers 404 to a guest and to an ordinary signed-in person. */
function hiddenPage(path: string): Row {
  return {
    private: true,
    rendering: "dynamic",
    probes: [
      { as: "guest", path, status: 404 },
      { as: "owner", path, status: 404 },
    ],
  };
}

const TABLE: Record<string, Row> = {
  "page:/": {
    private: false,
    rendering: "prerendered",
    probes: [{ as: "guest", path: "/", status: 200 }],
  },
  "page:/articles/[slug]": {
    private: false,
    rendering: "prerendered",
    probes: [
      { as: "guest", path: (c) => `/articles/${c.article}`, status: 200 },
      { as: "owner", path: (c) => `/articles/${c.article}`, status: 200 },
      // Not a built slug (dynamicParams = false): the designed 404.
      { as: "guest", path: "/articles/no-such-article", status: 404 },
    ],
  },
  "page:/account": privatePage("/account"),
  "page:/counseling": {
    private: true,
    rendering: "dynamic",
    probes: [
      // The signed-out introduction renders (the article's call to action lands here).
      { as: "guest", path: "/counseling", status: 200 },
      { as: "owner", path: "/counseling", status: 200 },
    ],
  },
  "page:/counseling/intake": privatePage("/counseling/intake", "screened"),
  "page:/counseling/invite": privatePage("/counseling/invite", "inviter"),
  "page:/counseling/joined/[referralId]": {
    private: true,
    rendering: "dynamic",
    probes: [
      { as: "guest", path: (c) => `/counseling/joined/${c.referralId}`, status: signedOutRedirect },
      { as: "partner", path: (c) => `/counseling/joined/${c.referralId}`, status: 200 },
      // The inviter is not the partner of their own referral: not found.
      { as: "owner", path: (c) => `/counseling/joined/${c.referralId}`, status: 404 },
    ],
  },
  "page:/counseling/next": privatePage("/counseling/next"),
  "page:/counseling/screen": privatePage("/counseling/screen", "newcomer"),
  // Absent in production (an SMTP server is configured).
  "page:/dev/mailbox": hiddenPage("/dev/mailbox"),
  "page:/invitations/[token]": {
    private: true,
    rendering: "dynamic",
    probes: [
      { as: "guest", path: (c) => `/invitations/${c.invitationToken}`, status: 200 },
      { as: "partner", path: (c) => `/invitations/${c.invitationToken}`, status: 200 },
      { as: "guest", path: `/invitations/${randomBytes(32).toString("base64url")}`, status: 200 },
    ],
  },
  "page:/progress": privatePage("/progress"),
  "page:/progress/check-in": privatePage("/progress/check-in"),
  "page:/progress/export": privatePage("/progress/export"),
  "page:/progress/goals": privatePage("/progress/goals"),
  "page:/progress/hard-dates": privatePage("/progress/hard-dates"),
  "page:/progress/history": privatePage("/progress/history"),
  "page:/progress/memories": privatePage("/progress/memories"),
  "page:/progress/no-contact": privatePage("/progress/no-contact"),
  "page:/progress/people": privatePage("/progress/people"),
  "page:/progress/settings": privatePage("/progress/settings"),
  // The counseling team's pages: a 404 for everyone but a team member past the
  // passkey (their own headers, and X-Robots-Tag: tests/e2e/team-passkey.spec.ts).
  "page:/team": hiddenPage("/team"),
  "page:/team/passkey": hiddenPage("/team/passkey"),
  "page:/team/agenda": hiddenPage("/team/agenda"),
  "page:/team/referrals/[referralId]": {
    private: true,
    rendering: "dynamic",
    probes: [
      { as: "guest", path: (c) => `/team/referrals/${c.referralId}`, status: 404 },
      { as: "owner", path: (c) => `/team/referrals/${c.referralId}`, status: 404 },
    ],
  },
  "page:/progress/reminders": privatePage("/progress/reminders"),
  "page:/progress/pause": privatePage("/progress/pause"),
  // The one-click stop's confirm page and its answer: no sign-in needed.
  "page:/reminders/stop": {
    private: true,
    rendering: "dynamic",
    probes: [
      {
        as: "guest",
        path: `/reminders/stop?t=${randomBytes(32).toString("base64url")}`,
        status: 200,
      },
      { as: "guest", path: "/reminders/stop", status: 200 },
    ],
  },
  "page:/reminders/stop/done": {
    private: true,
    rendering: "dynamic",
    probes: [{ as: "guest", path: "/reminders/stop/done", status: 200 }],
  },
  "page:/progress/steps": privatePage("/progress/steps"),
  "page:/signed-out": {
    private: true,
    rendering: "dynamic",
    probes: [{ as: "guest", path: "/signed-out", status: 200 }],
  },
  "page:/signin": {
    private: true,
    rendering: "dynamic",
    probes: [
      { as: "guest", path: "/signin?callbackUrl=%2Fprogress", status: 200 },
      { as: "owner", path: "/signin", status: 200 },
    ],
  },
  "page:/signin/check-email": {
    private: true,
    rendering: "dynamic",
    probes: [{ as: "guest", path: "/signin/check-email", status: 200 }],
  },
  "page:/signin/confirm": {
    private: true,
    rendering: "dynamic",
    probes: [
      {
        as: "guest",
        path: `/signin/confirm?${new URLSearchParams({ token: randomBytes(32).toString("hex"), email: "someone@example.com", callbackUrl: "/account" })}`,
        status: 200,
      },
    ],
  },
  "page:/signin/error": {
    private: true,
    rendering: "dynamic",
    probes: [{ as: "guest", path: "/signin/error?error=Verification", status: 200 }],
  },
  "route:app/api/auth/[...nextauth]/route.ts#GET": {
    private: true,
    rendering: "dynamic",
    probes: [
      { as: "guest", path: "/api/auth/session", status: 200 },
      { as: "owner", path: "/api/auth/session", status: 200 },
      { as: "guest", path: "/api/auth/csrf", status: 200 },
      // An emailed Auth.js-style link only leads to the confirmation page.
      {
        as: "guest",
        path: "/api/auth/callback/email?token=abc&email=a%40example.com",
        status: 303,
      },
      { as: "guest", path: "/api/auth/providers", status: 404 },
    ],
  },
  "route:app/api/auth/[...nextauth]/route.ts#POST": {
    private: true,
    rendering: "dynamic",
    probes: [
      {
        as: "guest",
        path: "/api/auth/callback/email",
        method: "POST",
        crossSite: true,
        form: { token: "x" },
        status: 403,
      },
      {
        as: "guest",
        path: "/api/auth/callback/email",
        method: "POST",
        form: { token: "bad" },
        status: 303,
      },
      { as: "owner", path: "/api/auth/signout", method: "POST", form: {}, status: 404 },
    ],
  },
  "route:app/api/health/live/route.ts#GET": {
    private: false,
    rendering: "dynamic",
    probes: [{ as: "guest", path: "/api/health/live", status: 200 }],
  },
  "route:app/api/health/ready/route.ts#GET": {
    private: false,
    rendering: "dynamic",
    probes: [{ as: "guest", path: "/api/health/ready", status: 200 }],
  },
  // The counselor's calendar feed: no session; an unknown token is a plain 404
  // (a live one: tests/e2e/team-agenda.spec.ts and tests/integration/team-agenda.test.ts).
  "route:app/team/agenda/feed/[token]/route.ts#GET": {
    private: true,
    rendering: "dynamic",
    probes: [
      {
        as: "guest",
        path: `/team/agenda/feed/${randomBytes(32).toString("base64url")}.ics`,
        status: 404,
      },
      { as: "owner", path: "/team/agenda/feed/not-a-token", status: 404 },
    ],
  },
  "route:app/api/reminders/stop/route.ts#GET": {
    private: true,
    rendering: "dynamic",
    probes: [
      {
        as: "guest",
        path: `/api/reminders/stop?t=${randomBytes(32).toString("base64url")}`,
        status: 303,
      },
    ],
  },
  // RFC 8058: the mail provider's one-click POST is cross-site by nature.
  "route:app/api/reminders/stop/route.ts#POST": {
    private: true,
    rendering: "dynamic",
    probes: [
      {
        as: "guest",
        path: `/api/reminders/stop?t=${randomBytes(32).toString("base64url")}`,
        method: "POST",
        crossSite: true,
        form: { "List-Unsubscribe": "One-Click" },
        status: 200,
      },
      {
        as: "guest",
        path: `/api/reminders/stop?t=${randomBytes(32).toString("base64url")}`,
        method: "POST",
        form: {},
        status: 303,
      },
    ],
  },
  "route:app/progress/export/[format]/route.ts#POST": {
    private: true,
    rendering: "dynamic",
    probes: [
      { as: "owner", path: "/progress/export/json", method: "POST", form: {}, status: 200 },
      { as: "owner", path: "/progress/export/csv", method: "POST", form: {}, status: 200 },
      { as: "guest", path: "/progress/export/json", method: "POST", form: {}, status: 303 },
      {
        as: "owner",
        path: "/progress/export/json",
        method: "POST",
        crossSite: true,
        form: {},
        status: 403,
      },
      { as: "owner", path: "/progress/export/xml", method: "POST", form: {}, status: 404 },
    ],
  },
};

/** Responses outside the inventory (Next's own files and error paths) get the same headers. */
const EXTRAS: Array<{
  name: string;
  path: string;
  status: number;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  rendering: Row["rendering"] | "static";
}> = [
  {
    name: "an unknown page (global not-found)",
    path: "/no-such-page",
    status: 404,
    rendering: "dynamic",
  },
  { name: "an unknown API path", path: "/api/no-such-route", status: 404, rendering: "dynamic" },
  { name: "robots.txt", path: "/robots.txt", status: 200, rendering: "prerendered" },
  { name: "sitemap.xml", path: "/sitemap.xml", status: 200, rendering: "prerendered" },
  { name: "the social card", path: "/opengraph-image", status: 200, rendering: "prerendered" },
  // A server action whose body does not parse: Next answers 500.
  {
    name: "a 500 from a malformed server-action body",
    path: "/signin",
    method: "POST",
    status: 500,
    headers: { "content-type": "multipart/form-data; boundary=x" },
    body: "not a multipart body",
    rendering: "dynamic",
  },
];

function cspOf(response: Response): string {
  return response.headers.get("content-security-policy") ?? "";
}

function directive(csp: string, name: string): string {
  return (
    csp
      .split(";")
      .map((d) => d.trim())
      .find((d) => d.startsWith(`${name} `)) ?? ""
  );
}

/** The headers every response must carry, whatever it is. */
function expectBaseline(response: Response, label: string): string {
  const csp = cspOf(response);
  expect(csp, `${label}: CSP`).not.toBe("");
  expect(directive(csp, "object-src"), label).toBe("object-src 'none'");
  expect(directive(csp, "base-uri"), label).toBe("base-uri 'none'");
  expect(directive(csp, "frame-ancestors"), label).toBe("frame-ancestors 'none'");
  expect(csp, label).not.toContain("unsafe-eval");
  expect(directive(csp, "script-src"), label).not.toContain("'unsafe-inline'");
  expect(directive(csp, "script-src"), label).not.toMatch(/\*|https?:|data:/);
  expect(response.headers.get("x-content-type-options"), label).toBe("nosniff");
  expect(response.headers.get("referrer-policy"), label).toBe("same-origin");
  expect(response.headers.get("x-frame-options"), label).toBe("DENY");
  // NODE_ENV=production: HSTS on every response (lib/security/headers.ts; unit-tested).
  expect(response.headers.get("strict-transport-security"), label).toMatch(
    /^max-age=\d{8,}; includeSubDomains$/,
  );
  return csp;
}

function nonceOf(csp: string): string | undefined {
  return /'nonce-([^']+)'/.exec(csp)?.[1];
}

/** Every inline <script> in the HTML must be allowed: by the nonce, or by its hash in the CSP. */
function expectInlineScriptsAllowed(html: string, csp: string, label: string) {
  const nonce = nonceOf(csp);
  for (const match of html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)) {
    const [, attributes, body] = match;
    // Data blocks (JSON-LD) never run; CSP does not apply to them.
    const type = /\stype="([^"]+)"/.exec(attributes!)?.[1];
    if (type && !/javascript|module/.test(type)) continue;
    if (/\ssrc=/.test(attributes!)) {
      if (nonce)
        expect(attributes, `${label}: external script without the nonce`).toContain(
          `nonce="${nonce}"`,
        );
      continue;
    }
    if (nonce && attributes!.includes(`nonce="${nonce}"`)) continue;
    const hash = `'sha256-${createHash("sha256").update(body!, "utf8").digest("base64")}'`;
    expect(
      directive(csp, "script-src"),
      `${label}: inline script not allowed: ${body!.slice(0, 60)}`,
    ).toContain(hash);
  }
}

test.describe("security headers on every page and route", () => {
  test.describe.configure({ timeout: 240_000 });

  let http: Http;
  let people: Record<Exclude<Who, "guest">, HttpUser>;
  let context: Context;

  test.beforeAll(async ({ mail }, info) => {
    info.setTimeout(120_000);
    http = new Http(info.project.use.baseURL!);
    // An inviter with a referral, and the partner they invited, who accepted:
    // real ids and tokens for the dynamic segments.
    const owner = await inviterOverHttp(http, mail, uniqueEmail("headers-owner"));
    const partnerEmail = uniqueEmail("headers-partner");
    const invited = await invite(http, owner, partnerEmail);
    expect(invited.headers.get("x-action-redirect")).toMatch(/^\/counseling\?invitation=sent/);
    const token = await invitationToken(mail, partnerEmail);
    const partner = await signInOverHttp(http, mail, partnerEmail);
    const accepted = await http.action(
      `/invitations/${token}`,
      "lib/actions/invitations.ts",
      "acceptInvitation",
      { token },
      { cookie: partner.cookie },
    );
    const joined = /^\/counseling\/joined\/([A-Za-z0-9_-]+)/.exec(
      accepted.headers.get("x-action-redirect") ?? "",
    );
    expect(joined, "the partner accepted").not.toBeNull();
    const newcomer = await signInOverHttp(http, mail, uniqueEmail("headers-newcomer"));
    const screened = await signInOverHttp(http, mail, uniqueEmail("headers-screened"));
    const screen = await http.action(
      "/counseling/screen",
      "lib/actions/counseling.ts",
      "submitSafetyScreen",
      { afraid: "no", hurt: "no", threatened: "no", controlled: "no" },
      { cookie: screened.cookie },
    );
    await screen.arrayBuffer();
    const inviter = await inviterOverHttp(http, mail, uniqueEmail("headers-inviter"));
    people = { owner, partner, newcomer, screened, inviter };
    context = { invitationToken: token, referralId: joined![1]!, article: "why-do-i-miss-him" };
  });

  test("the table covers exactly the ids of tests/security/coverage/headers.ts", () => {
    expect(Object.keys(TABLE).sort()).toEqual([...coverage.covers].sort());
    expect(coverage.suite).toBe("tests/e2e/security-headers.spec.ts");
    for (const id of Object.keys(coverage.exempt)) expect(TABLE[id], id).toBeUndefined();
  });

  async function send(probe: Probe): Promise<Response> {
    const path = typeof probe.path === "function" ? probe.path(context) : probe.path;
    const cookie = probe.as === "guest" ? undefined : people[probe.as].cookie;
    if (probe.method === "POST") {
      return http.request("POST", path, {
        cookie,
        headers: {
          origin: probe.crossSite ? "https://evil.example" : http.origin,
          ...(probe.crossSite ? { "sec-fetch-site": "cross-site" } : {}),
          "content-type": "application/x-www-form-urlencoded",
        },
        body: new URLSearchParams(probe.form ?? {}).toString(),
      });
    }
    return http.request(probe.method ?? "GET", path, { cookie });
  }

  for (const [id, row] of Object.entries(TABLE)) {
    test(id, async () => {
      for (const probe of row.probes) {
        const label = `${id} ${probe.method ?? "GET"} ${typeof probe.path === "function" ? probe.path(context) : probe.path} as ${probe.as}`;
        // Twice: a nonce must change between requests.
        const responses = [await send(probe), await send(probe)];
        const nonces = [];
        for (const response of responses) {
          const body = await response.text();
          expect(response.status, `${label}: status`).toBe(probe.status);
          const csp = expectBaseline(response, label);
          if (row.private) {
            expect(response.headers.get("cache-control"), `${label}: private`).toContain(
              "no-store",
            );
          }
          const nonce = nonceOf(csp);
          if (row.rendering === "prerendered" && response.status === 200) {
            expect(
              nonce,
              `${label}: prerendered HTML cannot carry a per-request nonce`,
            ).toBeUndefined();
            expect(directive(csp, "script-src"), label).toMatch(
              /^script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+$/,
            );
          } else {
            expect(nonce, `${label}: nonce`).toBeTruthy();
            expect(directive(csp, "script-src"), label).toContain("'strict-dynamic'");
          }
          if (response.headers.get("content-type")?.startsWith("text/html")) {
            expectInlineScriptsAllowed(body, csp, label);
            if (nonce)
              expect(body, `${label}: Next stamps its scripts`).toContain(`nonce="${nonce}"`);
          }
          nonces.push(nonce);
        }
        if (nonces[0]) expect(nonces[0], `${label}: a fresh nonce per request`).not.toBe(nonces[1]);
      }
    });
  }

  test("404s, 500s and Next's own files carry the same headers", async () => {
    for (const extra of EXTRAS) {
      const responses = [];
      for (let i = 0; i < 2; i++) {
        responses.push(
          await http.request(extra.method ?? "GET", extra.path, {
            headers: { origin: http.origin, ...extra.headers },
            body: extra.body,
          }),
        );
      }
      const nonces = [];
      for (const response of responses) {
        await response.arrayBuffer();
        expect(response.status, extra.name).toBe(extra.status);
        const csp = expectBaseline(response, extra.name);
        nonces.push(nonceOf(csp));
        if (extra.rendering === "dynamic") expect(nonceOf(csp), extra.name).toBeTruthy();
      }
      if (extra.rendering === "dynamic") expect(nonces[0]).not.toBe(nonces[1]);
    }
    // A build asset (outside the proxy): the baseline headers of next.config.ts.
    const html = await (await http.get("/signin")).text();
    const asset = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)![1]!;
    const response = await http.get(asset);
    await response.arrayBuffer();
    expect(response.status).toBe(200);
    expectBaseline(response, asset);
  });
});

test.describe("the session cookie", () => {
  test("is HttpOnly, SameSite=Lax, Path=/, short-lived; sign-out clears it and the old value is dead", async ({
    mail,
    baseURL,
  }) => {
    const http = new Http(baseURL!);
    const user = await signInOverHttp(http, mail, uniqueEmail("cookie"));
    // The real Set-Cookie of the confirmation POST. The e2e server is plain http,
    // so no Secure and no __Secure- prefix here; for an https APP_URL both are
    // checked in tests/unit/security-headers.test.ts.
    const attributes = user.setCookie.split(";").map((a) => a.trim().toLowerCase());
    expect(attributes).toContain("httponly");
    expect(attributes).toContain("samesite=lax");
    expect(attributes).toContain("path=/");
    expect(attributes.some((a) => a.startsWith("domain="))).toBe(false);
    const expires = Date.parse(user.setCookie.match(/Expires=([^;]+)/i)![1]!);
    expect(expires - Date.now()).toBeLessThanOrEqual(7 * 24 * 3600_000 + 60_000);
    expect(user.token).toMatch(/^[A-Za-z0-9_-]{32,}$/);

    const signedIn = await http.get("/api/auth/session", { cookie: user.cookie });
    expect((await signedIn.json()).user.email).toBe(user.email.toLowerCase());

    const signOut = await http.action(
      "/account",
      "lib/actions/auth.ts",
      "signOutAction",
      {},
      {
        cookie: user.cookie,
        plain: true,
      },
    );
    await signOut.arrayBuffer();
    expect(signOut.headers.get("x-action-redirect")).toMatch(/^\/signed-out/);
    const cleared = sessionSetCookie(signOut);
    expect(cleared, "sign-out sends a Set-Cookie for the session").toBeTruthy();
    expect(cleared).toMatch(new RegExp(`^${SESSION_COOKIE}=;`));
    const gone =
      /Max-Age=0/i.test(cleared!) ||
      Date.parse(/Expires=([^;]+)/i.exec(cleared!)?.[1] ?? "") < Date.now();
    expect(gone, cleared).toBe(true);

    // The old value, replayed: signed out everywhere.
    const replayed = await http.get("/api/auth/session", { cookie: user.cookie });
    expect(await replayed.json()).toBeNull();
    const account = await http.get("/account", { cookie: user.cookie });
    await account.arrayBuffer();
    expect(account.status).toBe(signedOutRedirect);
    expect(account.headers.get("location")).toMatch(/\/signed-out|\/signin/);
    const action = await http.action(
      "/account",
      "lib/actions/account.ts",
      "saveDisplayName",
      { name: "Replayed" },
      { cookie: user.cookie },
    );
    expect(await action.text()).not.toContain("Saved");
  });
});
