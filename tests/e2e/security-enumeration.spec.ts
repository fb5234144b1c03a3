import { randomBytes } from "node:crypto";
import { expect, test } from "./support/fixtures";
import { startAppServer } from "./support/app-server";
import { E2E_PORT, E2E_SMTP_PORT } from "./support/ports";
import { uniqueEmail } from "./support/sign-in";
import {
  Http,
  invitationToken,
  invite,
  inviterOverHttp,
  openInvitationIds,
  revokeOpenInvitations,
  type HttpUser,
} from "./support/http";

// SECURITY.md promise 4 (and 18): nobody learns whether an address has an
// account, or chose "never contact me again", from how Heartwork answers.
// For each case, requests about a known and an unknown address are sent in
// alternating order (after a warm-up) and must get the same status, headers
// and body (once per-request values such as nonces and ids are masked), and
// median response times within 10% of each other over 50 tries each. If the
// first measurement is just over, it is measured once more and both are
// printed: the machine is shared, and a real leak shows twice, on the same side.
//
// The cases run against an instance of their own (E2E_PORT + 20) whose rate
// limits are raised, so 50 tries per address are not cut short by a limit
// (which would answer the same for both anyway, and is tested elsewhere with
// the real values). Everything else is the production build as it ships.

const TRIES = 50;
const WARM_UP = 12; // pairs; also fills the inviter's list of 20 invitations
const TOLERANCE = 0.1;
const PORT = E2E_PORT + 20;

type Sample = { ms: number; status: number; shape: string };
type Measurement = { known: number; unknown: number; ratio: number };

/** Per-request values (nonces, ids, tokens, times) masked, so equal answers compare equal. */
function shapeOf(response: Response, body: string): string {
  const headers = ["content-type", "x-action-redirect", "cache-control", "location"]
    .map((name) => `${name}: ${response.headers.get(name) ?? ""}`)
    .join("\n");
  const cookies = response.headers
    .getSetCookie()
    .map((c) => c.replace(/=[^;]*/, "=<value>"))
    .join("\n");
  const masked = body
    .replace(/nonce-[A-Za-z0-9+/=]+/g, "nonce-<n>")
    .replace(/"nonce":"[^"]*"/g, '"nonce":"<n>"')
    .replace(/nonce="[^"]*"/g, 'nonce="<n>"')
    .replace(/\$D[0-9T:.Z-]+/g, "$D<date>")
    .replace(/[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d\d [AP]M/g, "<time>")
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, "<date>")
    // A fresh request key in each rendered form (the messages form's double-submit guard).
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "<uuid>")
    .replace(/(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{22}(?![A-Za-z0-9_-])/g, "<id>")
    .replace(/(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g, "<token>");
  return `${response.status}\n${headers}\n${cookies}\n${masked}`;
}

/** The first place two answers part, with some context: empty when they are equal. */
function difference(a: string, b: string): string {
  if (a === b) return "";
  let i = 0;
  while (a[i] === b[i]) i++;
  return `…${a.slice(Math.max(0, i - 80), i + 80)}… vs …${b.slice(Math.max(0, i - 80), i + 80)}…`;
}

async function timed(send: () => Promise<Response>): Promise<Sample> {
  const start = performance.now();
  const response = await send();
  const body = await response.text();
  const ms = performance.now() - start;
  return { ms, status: response.status, shape: shapeOf(response, body) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 15));

type Case = {
  known: () => Promise<Response>;
  unknown: () => Promise<Response>;
  /** Undo what a try did (untimed), so every try meets the same state. */
  after?: () => Promise<void>;
};

/** Warm-up, then TRIES alternating pairs (known first, then unknown first, ...). */
async function measure(
  name: string,
  c: Case,
): Promise<{ samples: Record<"known" | "unknown", Sample[]>; m: Measurement }> {
  const samples = { known: [] as Sample[], unknown: [] as Sample[] };
  for (let i = 0; i < WARM_UP + TRIES; i++) {
    const order = i % 2 === 0 ? (["known", "unknown"] as const) : (["unknown", "known"] as const);
    for (const which of order) {
      const sample = await timed(c[which]);
      await c.after?.();
      await settle();
      if (i >= WARM_UP) samples[which].push(sample);
    }
  }
  const known = median(samples.known.map((s) => s.ms));
  const unknown = median(samples.unknown.map((s) => s.ms));
  const m = { known, unknown, ratio: Math.max(known, unknown) / Math.min(known, unknown) };
  process.stdout.write(
    `enumeration timing, ${name}: median known ${known.toFixed(1)} ms, unknown ${unknown.toFixed(1)} ms, ratio ${m.ratio.toFixed(3)} (${TRIES} tries each)\n`,
  );
  return { samples, m };
}

/** Same answers, and medians within 10% (measured again once if the first run is over). */
async function expectIndistinguishable(name: string, c: Case): Promise<void> {
  const first = await measure(name, c);
  const { known, unknown } = first.samples;
  for (const s of [...known, ...unknown]) expect(s.status, name).toBe(known[0]!.status);
  // Every answer has the same shape: one distinct value among all 100.
  const reference = known[0]!.shape;
  for (const [side, list] of Object.entries(first.samples)) {
    for (const sample of list) {
      if (sample.shape !== reference)
        expect(difference(reference, sample.shape), `${name}: a ${side} answer differs`).toBe("");
    }
  }
  if (first.m.ratio - 1 <= TOLERANCE) return;
  process.stdout.write(
    `enumeration timing, ${name}: over ${TOLERANCE * 100}%, measuring once more\n`,
  );
  const second = await measure(`${name} (again)`, c);
  if (second.m.ratio - 1 <= TOLERANCE) return;
  // A leak is systematic: the same side is slower every time. Both runs over,
  // but with opposite sides slower, is the shared machine's load shifting
  // between the two runs, not the app: say so, and accept it.
  const slower = (m: Measurement) => (m.known > m.unknown ? "known" : "unknown");
  if (slower(first.m) !== slower(second.m)) {
    process.stdout.write(
      `enumeration timing, ${name}: the ${slower(first.m)} side was slower first, the ${slower(second.m)} side then: machine noise, not a leak\n`,
    );
    return;
  }
  expect(
    second.m.ratio - 1,
    `${name}: the ${slower(second.m)} side was slower twice: medians ${JSON.stringify(first.m)} then ${JSON.stringify(second.m)}`,
  ).toBeLessThanOrEqual(TOLERANCE);
}

test.describe("no account enumeration (content, status, timing)", () => {
  test.describe.configure({ timeout: 300_000 });

  let app: { url: string; stop(): Promise<void> };
  let http: Http;
  let inviter: HttpUser;
  let account: HttpUser;
  let optedOutAddress: string;
  let optedOutToken: string;
  const stamp = Date.now().toString(36);
  // Masked on the inviter's page as "p•••@example.com": the same for every one.
  const unknownAddress = `pat.unknown.${stamp}@example.com`;

  test.beforeAll(async ({ mail }, info) => {
    info.setTimeout(180_000);
    void mail; // the SMTP catcher this instance sends to (E2E_SMTP_PORT)
    app = await startAppServer({
      port: PORT,
      env: {
        SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
        EMAIL_RETRY_BASE_MS: "500",
        SIGNIN_LIMIT_PER_IP: "1000000",
        SIGNIN_LIMIT_PER_ADDRESS: "1000000",
        INVITE_LIMIT_PER_DAY: "1000000",
        INVITE_LIMIT_TOTAL: "1000000",
        INVITE_LIMIT_PER_RECIPIENT_WEEK: "1000000",
        ...(process.env.E2E_DATABASE_URL ? { DATABASE_URL: process.env.E2E_DATABASE_URL } : {}),
      },
    });
    http = new Http(app.url);
    // A known account, which also sends the invitation that the address below
    // opts out through (its inviter sees "declined" and may not invite it again;
    // every other inviter must see nothing special).
    account = await inviterOverHttp(http, mail, `pat.account.${stamp}@example.com`);
    inviter = await inviterOverHttp(http, mail, uniqueEmail("enum-inviter"));
    // An address that chose "never contact me again" through its invitation's link.
    optedOutAddress = `pat.optedout.${stamp}@example.com`;
    await (await invite(http, account, optedOutAddress)).arrayBuffer();
    optedOutToken = await invitationToken(mail, optedOutAddress);
    const optOut = await http.action(
      `/invitations/${optedOutToken}`,
      "lib/actions/invitations.ts",
      "optOutOfAllInvitations",
      { token: optedOutToken },
    );
    expect(await optOut.text()).toContain('"done":"opted_out"');
  });

  test.afterAll(async () => {
    await app?.stop();
  });

  test("asking for a sign-in link", async () => {
    const ask = (email: string) => () =>
      http.action("/signin", "lib/actions/auth.ts", "requestSignInLink", { email });
    await expectIndistinguishable("sign-in link", {
      known: ask(account.email),
      unknown: ask(unknownAddress),
    });
  });

  test("inviting an address that has an account", async () => {
    await expectIndistinguishable("invitation to an account's address", {
      known: () => invite(http, inviter, account.email),
      unknown: () => invite(http, inviter, unknownAddress),
      after: () => revokeOpenInvitations(http, inviter),
    });
    expect(await openInvitationIds(http, inviter)).toEqual([]);
  });

  test("inviting an address on the do-not-contact list", async () => {
    await expectIndistinguishable("invitation to a do-not-contact address", {
      known: () => invite(http, inviter, optedOutAddress),
      unknown: () => invite(http, inviter, unknownAddress),
      after: () => revokeOpenInvitations(http, inviter),
    });
  });

  test("opting out again, and with a link that matches nothing", async () => {
    const optOut = (token: () => string) => () =>
      http.action(
        `/invitations/${token()}`,
        "lib/actions/invitations.ts",
        "optOutOfAllInvitations",
        {
          token: token(),
        },
      );
    await expectIndistinguishable("never contact me again", {
      known: optOut(() => optedOutToken),
      unknown: optOut(() => randomBytes(32).toString("base64url")),
    });
  });
});
