// `npm run drill:multi`: two `next start` instances on one PostgreSQL database
// behind nginx, each running the outbox worker, with a real SMTP server, all
// on loopback ports. Checks and prints:
//   (a) the sign-in limit per address holds across instances and nginx;
//   (b) every outbox message is delivered exactly once with two workers competing;
//   (c) a session made through one instance works through the other, and
//       signing out through one ends it on both;
//   (d) nginx: the article is cached briefly for guests only, /_next/static is
//       served from disk with an immutable cache header, the client IP is the
//       one nginx saw (a forged X-Forwarded-For does not move the limit key),
//       and a server action works through nginx on a non-default port.
// A fresh database (heartwork_drill_*) on TEST_DATABASE_URL (default the local
// server) is dropped at the end, also on failure or Ctrl-C. Builds first
// unless .next holds a fresh build for the nginx origin (REUSE_BUILD=1 skips
// the check). Ports: DRILL_PORT (default 4100) .. +90.
import { randomBytes } from "node:crypto";
import { startNginx, type Instance } from "../support/cluster";
import { requireNginx, requirePostgres } from "../support/owned-process";
import { ensureProductionBuild } from "../support/production-build";
import { postAction } from "../support/server-action-fetch";
import {
  check,
  cleanUp,
  onCleanup,
  prepareRun,
  requirePrerequisites,
  runDrill,
  startInstances,
} from "./support/drill-run";
import { report } from "../support/report";

const BASE_PORT = Number(process.env.DRILL_PORT ?? 4100);
const NGINX_PORT = BASE_PORT + 80;
const APP_URL = `http://localhost:${NGINX_PORT}`;
const ARTICLE = "/articles/why-do-i-miss-him";
const ADDRESS_LIMIT = 5;
const OUTBOX_MESSAGES = Number(process.env.DRILL_MESSAGES ?? 400);
const SIGN_IN = { page: "/signin", file: "lib/actions/auth.ts", action: "requestSignInLink" };
// The start of lib/auth/sign-in-request.ts's SIGN_IN_RATE_LIMITED_MESSAGE
// (that module needs Next's request scope, so it is not imported here).
const RATE_LIMITED = "You have asked for several sign-in links in a short time.";
const SIGN_OUT = { page: "/account", file: "lib/actions/auth.ts", action: "signOutAction" };
process.env.TEST_DATABASE_URL ??= "postgresql://postgres@127.0.0.1:5432/postgres";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

requirePrerequisites("drill:multi", requireNginx, () =>
  requirePostgres(process.env.TEST_DATABASE_URL!),
);
// The build comes first, outside the time limit (it takes minutes on a busy machine).
ensureProductionBuild(APP_URL, process.env.REUSE_BUILD === "1");

await runDrill("drill:multi", 180_000, async () => {
  const started = Date.now();

  const { database, dataDir, smtp, secrets, db } = await prepareRun({
    name: "drill",
    appUrl: APP_URL,
    smtpPort: BASE_PORT + 90,
  });

  const instanceEnv = {
    ...secrets,
    SMTP_URL: smtp.url,
    EMAIL_WORKER: "true",
    EMAIL_RETRY_BASE_MS: "200",
    TRUST_PROXY: "true",
    PROXY_COMPRESSES: "true", // nginx compresses, as in production
    SIGNIN_LIMIT_PER_ADDRESS: String(ADDRESS_LIMIT),
    SIGNIN_LIMIT_PER_IP: "1000",
    DATA_DIR: dataDir,
    // debug: the worker logs each batch it delivered ("email.sent"), so the
    // drill can say how the two workers shared the queue.
    LOG_LEVEL: "debug",
  };
  const instances = await startInstances([BASE_PORT + 1, BASE_PORT + 2], instanceEnv);
  const [a, b] = instances as [Instance, Instance];
  const nginx = await startNginx({ port: NGINX_PORT, upstreamPorts: [a.port, b.port] });
  onCleanup("stop nginx", () => nginx.stop());
  report(
    `up in ${((Date.now() - started) / 1000).toFixed(1)} s: instances ${a.url} and ${b.url}, ` +
      `nginx ${nginx.url}, SMTP ${smtp.url}, database ${new URL(database.url!).pathname.slice(1)}`,
  );

  // Every mail queued so far delivered (or given up): nothing pending or in a send.
  async function outboxSettled(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const open = await db.outboxMessage.count({
        where: { status: { in: ["pending", "sending"] } },
      });
      if (open === 0) return true;
      await sleep(100);
    }
    return false;
  }

  // (a) One address, requests alternating A, B, nginx, nginx: exactly the limit's mails.
  const address = `limit.${randomBytes(4).toString("hex")}@example.com`;
  const bases = [a.url, b.url, nginx.url, nginx.url];
  const attempts = ADDRESS_LIMIT * 2 + 2;
  let accepted = 0;
  let refusedClearly = 0;
  let other = 0;
  let nginxAccepted = 0;
  for (let i = 0; i < attempts; i++) {
    const base = bases[i % bases.length]!;
    const result = await postAction(base, SIGN_IN, { email: address, callbackUrl: "/account" });
    if (result.redirect?.startsWith("/signin/check-email")) {
      accepted++;
      if (base === nginx.url) nginxAccepted++;
    } else if (result.state?.formError?.startsWith(RATE_LIMITED)) refusedClearly++;
    else other++;
  }
  await outboxSettled(15_000);
  await sleep(300);
  const mailsToAddress = smtp.messages.filter((m) => m.to === address).length;
  check(
    "(a) sign-in limit per address across instances",
    accepted === ADDRESS_LIMIT && mailsToAddress === ADDRESS_LIMIT && other === 0,
    `${attempts} requests alternating A/B/nginx/nginx for one address, limit ${ADDRESS_LIMIT}: ` +
      `${accepted} accepted, ${mailsToAddress} mails delivered, ${refusedClearly} refused with ` +
      `"${RATE_LIMITED}..", ${other} other answers`,
  );
  check(
    "(d) server action (sign-in form POST) through nginx on a non-default port",
    nginxAccepted > 0,
    `${nginxAccepted} sign-in form POSTs through ${nginx.url} redirected to /signin/check-email`,
  );

  // (b) Several hundred messages queued at once; both workers compete for them.
  const { enqueueEmail } = await import("@/lib/data/enqueue-email");
  const { messageIdFor } = await import("@/lib/email/transport");
  const sentBefore = countSentBatches(instances);
  const queueStarted = Date.now();
  for (let start = 0; start < OUTBOX_MESSAGES; start += 50) {
    await db.$transaction(async (tx) => {
      for (let i = start; i < Math.min(OUTBOX_MESSAGES, start + 50); i++) {
        await enqueueEmail(tx, {
          to: `drill${i}@example.com`,
          template: "sign-in",
          data: { path: `/signin/confirm?token=drill${i}` },
        });
      }
    });
  }
  const settled = await outboxSettled(60_000);
  const deliverMs = Date.now() - queueStarted;
  await sleep(500); // a duplicate would arrive now, if one were in flight
  const rows = await db.outboxMessage.findMany({ select: { id: true, status: true } });
  const received = new Map<string, number>();
  for (const message of smtp.messages) {
    received.set(message.messageId, (received.get(message.messageId) ?? 0) + 1);
  }
  const expected = new Set(rows.map((row) => messageIdFor(row.id)));
  const duplicates = [...received.values()].filter((n) => n > 1).length;
  const missing = [...expected].filter((id) => !received.has(id)).length;
  const unexpected = [...received.keys()].filter((id) => !expected.has(id)).length;
  const notSent = rows.filter((row) => row.status !== "sent").length;
  const sentAfter = countSentBatches(instances);
  const byInstance = instances.map((instance, i) => sentAfter[i]! - sentBefore[i]!);
  check(
    "(b) outbox delivers exactly once with two workers",
    settled && duplicates === 0 && missing === 0 && unexpected === 0 && notSent === 0,
    `${OUTBOX_MESSAGES} queued in one go + ${rows.length - OUTBOX_MESSAGES} sign-in mails: ` +
      `${rows.length} rows, ${smtp.messages.length} received, ${duplicates} duplicates, ` +
      `${missing} missing, ${unexpected} unexpected, ${notSent} not marked sent; ` +
      `delivered in ${deliverMs} ms, by instance A ${byInstance[0]} / B ${byInstance[1]}`,
  );

  // (c) Sign in through A (form, mail, confirm), use the session through B and
  // nginx, sign out through B: the session is gone on A too.
  const person = `session.${randomBytes(4).toString("hex")}@example.com`;
  const asked = await postAction(a.url, SIGN_IN, { email: person, callbackUrl: "/account" });
  const mail = await smtp.waitForMessage((m) => m.to === person, 15_000);
  const link = new URL(mail.links.find((l) => l.includes("/signin/confirm?"))!);
  const confirm = await fetch(`${a.url}/api/auth/callback/email`, {
    method: "POST",
    headers: { "sec-fetch-site": "same-origin", origin: APP_URL },
    body: new URLSearchParams({
      token: link.searchParams.get("token") ?? "",
      email: link.searchParams.get("email") ?? "",
      callbackUrl: "/account",
    }),
    redirect: "manual",
  });
  const sessionCookie = confirm.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .find((c) => c.startsWith("authjs.session-token=") && c.length > 25);
  const account = async (base: string) => {
    const response = await fetch(`${base}/account`, {
      headers: sessionCookie ? { cookie: sessionCookie } : {},
      redirect: "manual",
    });
    const body = await response.text();
    return response.status === 200 && body.includes(person) ? "signed in" : `${response.status}`;
  };
  const onA = await account(a.url);
  const onB = await account(b.url);
  const viaNginx = await account(nginx.url);
  check(
    "(c) a session made through one instance works through the other",
    asked.redirect?.startsWith("/signin/check-email") === true &&
      !!sessionCookie &&
      [onA, onB, viaNginx].every((s) => s === "signed in"),
    `sign-in via A: ${asked.status} to ${asked.redirect}, confirm via A: ${confirm.status} ` +
      `(${sessionCookie ? "session cookie set" : "no session cookie"}); /account on A: ${onA}, ` +
      `on B: ${onB}, through nginx: ${viaNginx}`,
  );
  const signOut = await postAction(
    b.url,
    SIGN_OUT,
    {},
    { cookie: sessionCookie, withPrevState: false },
  );
  const afterA = await account(a.url);
  const afterB = await account(b.url);
  const sessionsLeft = await db.session.count({ where: { user: { email: person } } });
  check(
    "(c) signing out through one instance ends the session on both",
    signOut.redirect?.startsWith("/signed-out") === true &&
      afterA !== "signed in" &&
      afterB !== "signed in" &&
      sessionsLeft === 0,
    `sign-out via B: ${signOut.status} to ${signOut.redirect}; /account afterwards on A: ${afterA}, ` +
      `on B: ${afterB} (a redirect to sign in); session rows left: ${sessionsLeft}`,
  );

  // (d) nginx's cache: guests get the article from it; sessions and RSC requests never do.
  const article = async (headers: Record<string, string> = {}) => {
    const response = await fetch(`${nginx.url}${ARTICLE}`, { headers });
    const body = await response.text();
    return {
      status: response.status,
      cache: response.headers.get("x-cache-status"),
      response,
      body,
    };
  };
  const first = await article();
  const second = await article();
  const withCookie = await article({ cookie: "authjs.session-token=not-a-real-session" });
  const rsc = await article({ rsc: "1" });
  check(
    "(d) nginx caches the article for guests only",
    second.cache === "HIT" && withCookie.cache === "BYPASS" && rsc.cache === "BYPASS",
    `guest: ${first.cache} then ${second.cache}; with a session cookie: ${withCookie.cache}; ` +
      `RSC request: ${rsc.cache} (statuses ${[first, second, withCookie, rsc].map((r) => r.status).join("/")})`,
  );
  const leaked = [...second.response.headers.keys()].filter(
    (name) =>
      name === "x-nextjs-cache" || name === "x-nextjs-matched-path" || name === "x-powered-by",
  );
  check(
    "(d) nginx hides Next's internal cache headers",
    leaked.length === 0,
    leaked.length === 0
      ? "no x-nextjs-cache, x-nextjs-matched-path or x-powered-by"
      : leaked.join(", "),
  );

  // The forged client address: nginx overwrites it with the one it saw.
  const { rateLimitKeyHash } = await import("@/lib/data/rate-limits");
  const ipCount = async (ip: string) =>
    (
      await db.rateLimit.findUnique({
        where: { key: rateLimitKeyHash(`sign-in:ip:${ip}`) },
        select: { count: true },
      })
    )?.count ?? 0;
  const before = await ipCount("127.0.0.1");
  const forged = ["203.0.113.7", "198.51.100.23", "192.0.2.99"];
  for (const ip of forged) {
    await postAction(
      nginx.url,
      SIGN_IN,
      { email: `forged.${randomBytes(3).toString("hex")}@example.com` },
      { headers: { "x-forwarded-for": ip, "x-real-ip": ip } },
    );
  }
  const after = await ipCount("127.0.0.1");
  const forgedCounts = await Promise.all(forged.map(ipCount));
  check(
    "(d) a forged X-Forwarded-For through nginx does not change the rate-limit key",
    after - before === forged.length && forgedCounts.every((n) => n === 0),
    `${forged.length} sign-ins through nginx with forged X-Forwarded-For/X-Real-IP: the counter ` +
      `of 127.0.0.1 (the address nginx saw) went ${before} -> ${after}; counters of the forged ` +
      `addresses: ${forgedCounts.join(", ")}`,
  );

  // /_next/static: immutable, and served by nginx from disk (still there with both instances stopped).
  const asset = /\/_next\/static\/[^"']+\.js/.exec(first.body)?.[0];
  const assetHeaders = asset ? (await fetch(`${nginx.url}${asset}`)).headers : undefined;
  const immutable = assetHeaders?.get("cache-control") ?? "(none)";
  await Promise.all(instances.map((instance) => instance.stop("SIGTERM")));
  const instancesDown = await fetch(`${nginx.url}${ARTICLE}`, { headers: { rsc: "1" } })
    .then((r) => r.status)
    .catch(() => 0);
  const assetWhileDown = asset ? (await fetch(`${nginx.url}${asset}`)).status : 0;
  check(
    "(d) nginx serves /_next/static from disk with a long immutable cache",
    immutable === "public, max-age=31536000, immutable" &&
      assetWhileDown === 200 &&
      instancesDown >= 500,
    `${asset ?? "(no asset found in the article)"}: Cache-Control "${immutable}"; with both ` +
      `instances stopped: the asset ${assetWhileDown}, an uncached page ${instancesDown}`,
  );
  await cleanUp();
});

/** Sum of the worker's "email.sent" batch counts in each instance's log. */
function countSentBatches(instances: Instance[]): number[] {
  return instances.map((instance) =>
    instance
      .output()
      .split("\n")
      .filter((line) => line.includes('"email.sent"'))
      .reduce((sum, line) => {
        try {
          return sum + Number((JSON.parse(line) as { count?: number }).count ?? 0);
        } catch {
          return sum;
        }
      }, 0),
  );
}
