// `npm run bench:load`: a mixed workload against the production setup, on
// loopback, with autocannon:
//   - guests reading the article              GET  /articles/why-do-i-miss-him
//   - signed-in people loading their dashboard GET  /progress
//   - signed-in people saving today's check-in POST /progress (server action)
//   - people inviting their partner            POST /counseling/invite (server
//     action; each inviter passed the safety screen and the intake; paced)
// first through nginx in front of ONE instance, then through nginx in front of
// TWO (same config, lib/deploy/nginx), and the article alone through
// `next start`, through nginx, and as a same-size static file served by nginx
// (the ceiling of this machine for that response). Prints per route
// requests/s, p50/p95/p99 latency and errors, the ratios the targets
// name (not asserted: a benchmark), and CPU seconds per process.
//
// A fresh PostgreSQL database (heartwork_bench_*) on TEST_DATABASE_URL (default
// the local server), dropped at the end. Builds unless .next holds a fresh
// build for the nginx origin (REUSE_BUILD=1 skips the check).
// Measurements are interleaved rounds (a burst of other work on this shared
// machine then hits every contender alike): BENCH_ROUNDS (default 2) rounds of
// BENCH_SECONDS (10) per setup for the mixed workload, 3 rounds of
// BENCH_ARTICLE_SECONDS (4) for the article. BENCH_PORT (default 4100): ports
// BENCH_PORT+11, +12 (instances), +80, +81 (nginx), +91 (SMTP). `-- --smoke`
// (CI): one short round of each, on any fresh build in .next.
// BENCH_CPU_PROF=<dir>: each instance runs under `node --cpu-prof` and writes
// its profile there as it stops (read them with tests/bench/profile-top.ts;
// instance 2 serves only the mixed workload and the article through nginx).
//
// Scaling is reported as requests per second per busy instance-core (what the
// instances did with the CPU they got), two instances against one: on two
// cores shared with nginx, PostgreSQL and autocannon, total req/s measures the
// machine. nginx missing, PostgreSQL down: a clear message and exit 2 before
// anything starts. A route that answered nothing, or only errors, fails the run.
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon, { type AutocannonRequest, type Result } from "autocannon";
import { startNginx, type Instance } from "../support/cluster";
import { requireNginx, requirePostgres } from "../support/owned-process";
import { ensureProductionBuild, staleBuildReason } from "../support/production-build";
import { actionHeaders, encodeActionBody } from "../support/server-action-fetch";
import {
  check,
  childPids,
  cores,
  cpuSeconds,
  onCleanup,
  prepareRun,
  requirePrerequisites,
  runDrill,
  startInstances,
} from "../drills/support/drill-run";
import { report, reportTable } from "../support/report";

const BASE_PORT = Number(process.env.BENCH_PORT ?? 4100);
const NGINX_PORT = BASE_PORT + 80; // the origin the build is made for (shared with drill:multi)
const NGINX_ONE_PORT = BASE_PORT + 81;
const APP_URL = `http://localhost:${NGINX_PORT}`;
const smoke = process.argv.includes("--smoke");
// Smoke rounds stay long enough for a slow first render to complete: requests
// still in flight when a round ends are not counted at all.
// A smoke round must let a paced invitation (seconds each on a loaded machine) finish.
const SECONDS = smoke ? 12 : Number(process.env.BENCH_SECONDS ?? 10);
const MIXED_ROUNDS = smoke ? 1 : Number(process.env.BENCH_ROUNDS ?? 2);
const ARTICLE_SECONDS = smoke ? 3 : Number(process.env.BENCH_ARTICLE_SECONDS ?? 4);
const ARTICLE_ROUNDS = smoke ? 1 : 3;
const WARM_UP_SECONDS = 3;
const ARTICLE = "/articles/why-do-i-miss-him";
const TRACKER_USERS = 40;
const INVITES_PER_SECOND = 5;
const TARGETS = { perInstanceCore: 0.9, articleVsStatic: 0.8, perCore: 140 };
const CHECK_IN = { page: "/progress", file: "lib/actions/check-ins.ts", action: "recordCheckIn" };
const INVITE = {
  page: "/counseling/invite",
  file: "lib/actions/counseling.ts",
  action: "invitePartner",
};
process.env.TEST_DATABASE_URL ??= "postgresql://postgres@127.0.0.1:5432/postgres";

const ROUTES = ["article", "progress", "check-in", "invite"] as const;
type RouteName = (typeof ROUTES)[number];
const DYNAMIC: Array<RouteName | "static file"> = ["progress", "check-in"];
type RouteRun = {
  route: RouteName | "static file";
  result: Result;
  latencies: number[];
  /** Answers with the wrong status or body (counted by this script). */
  wrong: number;
};

requirePrerequisites("bench:load", requireNginx, () =>
  requirePostgres(process.env.TEST_DATABASE_URL!),
);
// The build comes first, outside the time limit (it takes minutes on a busy machine).
if (smoke && staleBuildReason(null) === null) report("reusing the production build in .next");
else ensureProductionBuild(APP_URL, process.env.REUSE_BUILD === "1");

await runDrill("bench:load", (smoke ? 3 : 8) * 60_000, async () => {
  const { dataDir, smtp, secrets, db } = await prepareRun({
    name: "bench",
    appUrl: APP_URL,
    smtpPort: BASE_PORT + 91,
  });

  const seedStarted = Date.now();
  const { createSignedInUser } = await import("../support/sign-in");
  const { createInviter } = await import("../support/counseling");
  const { todayIn } = await import("@/lib/tracker/calendar-day");
  const { saveTrackerSettings } = await import("@/lib/data/tracker-settings");
  const trackerCookies: string[] = [];
  for (let i = 0; i < TRACKER_USERS; i++) {
    const { cookie, user } = await createSignedInUser({ email: `tracker${i}@bench.example` });
    // Past the first-visit welcome, as a returning person is: /progress is their dashboard.
    await saveTrackerSettings({ userId: user.id, timeZone: "UTC", breakupDate: undefined });
    trackerCookies.push(`${cookie.name}=${cookie.value}`);
  }
  // Each inviter invites once (one open invitation per referral): enough for
  // the paced invitation stream of both scenarios, plus the warm-up.
  const inviterCount = Math.ceil(
    INVITES_PER_SECOND * (SECONDS * MIXED_ROUNDS * 2 + WARM_UP_SECONDS * 3) * 1.2,
  );
  const inviterCookies: string[] = [];
  // A few at a time: each inviter is several transactions, and this process's
  // pool is small (16 at once waited past Prisma's 2 s transaction start).
  for (let start = 0; start < inviterCount; start += 4) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(4, inviterCount - start) }, async () => {
        const inviter = await createInviter("inviter");
        const { cookie } = await createSignedInUser({ email: inviter.email });
        return `${cookie.name}=${cookie.value}`;
      }),
    );
    inviterCookies.push(...batch);
  }
  report(
    `seeded ${TRACKER_USERS} tracker users and ${inviterCount} inviters (screen and intake done) ` +
      `with sessions in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s`,
  );

  const instanceEnv = {
    ...secrets,
    SMTP_URL: smtp.url,
    EMAIL_WORKER: "true",
    TRUST_PROXY: "true",
    // nginx compresses (lib/deploy/nginx), as in production (docs/operations.md).
    // autocannon asks for no encoding, so this changes nothing measured here.
    PROXY_COMPRESSES: "true",
    DATA_DIR: dataDir,
    // A benchmark's traffic comes from one address: limits must not be what is measured.
    SIGNIN_LIMIT_PER_IP: "1000000",
    SIGNIN_LIMIT_PER_ADDRESS: "1000000",
    INVITE_LIMIT_PER_DAY: "1000",
    INVITE_LIMIT_PER_RECIPIENT_WEEK: "1000",
  };
  const instances = await startInstances([BASE_PORT + 11, BASE_PORT + 12], instanceEnv);
  const [one, two] = instances as [Instance, Instance];
  const nginxTwo = await startNginx({ port: NGINX_PORT, upstreamPorts: [one.port, two.port] });
  onCleanup("stop nginx (two instances)", () => nginxTwo.stop());
  const nginxOne = await startNginx({ port: NGINX_ONE_PORT, upstreamPorts: [one.port] });
  onCleanup("stop nginx (one instance)", () => nginxOne.stop());

  // A static file as large as the article's HTML, served by nginx from the
  // same /_next/static location: the fastest this machine answers that response.
  const articleHtml = await (await fetch(`${one.url}${ARTICLE}`)).text();
  const staticName = `bench-article-${randomBytes(4).toString("hex")}.html`;
  const staticFile = path.join(".next", "static", staticName);
  fs.writeFileSync(staticFile, articleHtml);
  onCleanup("remove the static copy", () => fs.rmSync(staticFile, { force: true }));

  const inviterQueue = [...inviterCookies];
  const today = todayIn("UTC");
  let trackerTurn = 0;
  const nextTracker = () => trackerCookies[trackerTurn++ % trackerCookies.length]!;

  /** One autocannon run of one route at `base` (loopback IP: nginx listens on 127.0.0.1 only). */
  function load(
    base: string,
    route: RouteName | "static file",
    { seconds, connections, rate }: { seconds: number; connections: number; rate?: number },
  ): Promise<RouteRun> {
    const url = base.replace("localhost", "127.0.0.1");
    const origin = new URL(url).origin;
    let wrong = 0;
    const latencies: number[] = [];
    const expect = (ok: boolean) => {
      if (!ok) wrong++;
    };
    let request: AutocannonRequest;
    switch (route) {
      case "static file":
        request = {
          method: "GET",
          path: `/_next/static/${staticName}`,
          onResponse: (status) => expect(status === 200),
        };
        break;
      case "article":
        request = {
          method: "GET",
          path: ARTICLE,
          onResponse: (status) => expect(status === 200),
        };
        break;
      case "progress":
        request = {
          method: "GET",
          path: "/progress",
          setupRequest: (r) => ({ ...r, headers: { cookie: nextTracker() } }),
          // The dashboard's own heading (the first-visit welcome has none).
          onResponse: (status, body) =>
            expect(status === 200 && body.includes('id="today-heading"')),
        };
        break;
      case "check-in":
        request = {
          method: "POST",
          path: CHECK_IN.page,
          setupRequest: (r) => {
            const { body, contentType } = encodeActionBody({
              day: today,
              mood: String(1 + (trackerTurn % 5)),
              missing: String(trackerTurn % 11),
              contact: "NONE",
              note: "A private note written during the benchmark.",
            });
            return {
              ...r,
              body,
              headers: actionHeaders(CHECK_IN, { origin, contentType, cookie: nextTracker() }),
            };
          },
          onResponse: (status, body) => expect(status === 200 && body.includes("Saved.")),
        };
        break;
      case "invite":
        request = {
          method: "POST",
          path: INVITE.page,
          setupRequest: (r) => {
            const cookie = inviterQueue.shift();
            if (!cookie) throw new Error("bench:load ran out of seeded inviters");
            const { body, contentType } = encodeActionBody({
              email: `partner.${randomBytes(5).toString("hex")}@bench.example`,
              inviterName: "Sam",
              message: "I would like us to try this together.",
              requestKey: randomUUID(),
            });
            return { ...r, body, headers: actionHeaders(INVITE, { origin, contentType, cookie }) };
          },
          onResponse: (status, _body, _context, headers) =>
            expect(
              status === 200 &&
                String(headers["x-action-redirect"] ?? "").startsWith(
                  "/counseling?invitation=sent",
                ),
            ),
        };
        break;
    }
    return new Promise((resolve, reject) => {
      const instance = autocannon(
        {
          url,
          connections,
          duration: seconds,
          timeout: 10,
          requests: [request],
          ...(rate ? { overallRate: rate } : {}),
        },
        (error, result) => (error ? reject(error) : resolve({ route, result, latencies, wrong })),
      );
      instance.on("response", (_client, _status, _bytes, responseTime) =>
        latencies.push(responseTime),
      );
    });
  }

  /** The four routes at once against `base`, for `seconds`. */
  function mixed(base: string, seconds: number) {
    return Promise.all([
      load(base, "article", { seconds, connections: 4 }),
      load(base, "progress", { seconds, connections: 6 }),
      load(base, "check-in", { seconds, connections: 4 }),
      load(base, "invite", { seconds, connections: 8, rate: INVITES_PER_SECOND }),
    ]);
  }

  const watched = () => ({
    "instance 1": [one.process.pid],
    "instance 2": [two.process.pid],
    "nginx (2 upstreams)": [nginxTwo.pid, ...childPids(nginxTwo.pid)],
    "nginx (1 upstream)": [nginxOne.pid, ...childPids(nginxOne.pid)],
    "postgres (whole server, shared)": postgresPids(),
  });
  type CpuTally = { seconds: number; used: Map<string, number>; busy: number; total: number };
  const tallies = new Map<string, CpuTally>();
  /** Runs `work`, adding the CPU seconds each process used meanwhile to `label`'s tally. */
  async function measured<T>(label: string, work: () => Promise<T>): Promise<T> {
    const pids = watched();
    const before = new Map(Object.entries(pids).map(([name, list]) => [name, sumCpu(list)]));
    const self = process.cpuUsage();
    const machine = machineTicks();
    const started = performance.now();
    const value = await work();
    const tally = tallies.get(label) ?? { seconds: 0, used: new Map(), busy: 0, total: 0 };
    tally.seconds += (performance.now() - started) / 1000;
    for (const [name, list] of Object.entries(pids)) {
      tally.used.set(name, (tally.used.get(name) ?? 0) + sumCpu(list) - before.get(name)!);
    }
    const selfUsed = process.cpuUsage(self);
    const autocannonName = "autocannon (this process)";
    tally.used.set(
      autocannonName,
      (tally.used.get(autocannonName) ?? 0) + (selfUsed.user + selfUsed.system) / 1e6,
    );
    const machineAfter = machineTicks();
    tally.busy += machineAfter.busy - machine.busy;
    tally.total += machineAfter.total - machine.total;
    tallies.set(label, tally);
    return value;
  }
  function printCpu(label: string) {
    const tally = tallies.get(label)!;
    const usage = [...tally.used]
      .filter(([, used]) => used / tally.seconds >= 0.01)
      .map(([name, used]) => `${name} ${(used / tally.seconds).toFixed(2)}`);
    report(
      `  CPU during ${label}, in cores busy on average: ${usage.join(", ")}; the whole ` +
        `machine ${((tally.busy / tally.total) * cores).toFixed(2)} of ${cores} (other users' work included)`,
    );
  }

  report(`warming up both instances (${WARM_UP_SECONDS} s)...`);
  await Promise.all([
    mixed(nginxTwo.url, WARM_UP_SECONDS),
    mixed(one.url, WARM_UP_SECONDS),
    mixed(two.url, WARM_UP_SECONDS),
  ]);

  // Interleaved rounds, so a burst of other work on this shared machine hits
  // every contender alike; ratios are the median of the rounds' ratios.
  report(
    `\n== the article alone: ${ARTICLE_ROUNDS} interleaved rounds of ${ARTICLE_SECONDS} s each, 16 connections`,
  );
  const articleRuns = {
    static: [] as RouteRun[],
    direct: [] as RouteRun[],
    proxied: [] as RouteRun[],
  };
  for (let round = 0; round < ARTICLE_ROUNDS; round++) {
    const options = { seconds: ARTICLE_SECONDS, connections: 16 };
    articleRuns.static.push(
      await measured("the static file", () => load(nginxTwo.url, "static file", options)),
    );
    articleRuns.proxied.push(
      await measured("the article via nginx", () => load(nginxTwo.url, "article", options)),
    );
    articleRuns.direct.push(
      await measured("the article via next start", () => load(one.url, "article", options)),
    );
  }
  printTable(
    [merge(articleRuns.static), merge(articleRuns.direct), merge(articleRuns.proxied)],
    ["nginx: same-size static file", "next start (one instance)", "nginx + 2 instances"],
  );
  for (const label of ["the static file", "the article via next start", "the article via nginx"]) {
    printCpu(label);
  }

  report(
    `\n== mixed workload: ${MIXED_ROUNDS} interleaved rounds of ${SECONDS} s through nginx + ONE ` +
      `instance, then nginx + TWO (invitations paced at ${INVITES_PER_SECOND}/s)`,
  );
  const oneRounds: RouteRun[][] = [];
  const twoRounds: RouteRun[][] = [];
  for (let round = 0; round < MIXED_ROUNDS; round++) {
    oneRounds.push(await measured("ONE instance", () => mixed(nginxOne.url, SECONDS)));
    twoRounds.push(await measured("TWO instances", () => mixed(nginxTwo.url, SECONDS)));
  }
  const byRoute = (rounds: RouteRun[][]) =>
    ROUTES.map((route) => merge(rounds.map((runs) => runs.find((run) => run.route === route)!)));
  const oneRuns = byRoute(oneRounds);
  const twoRuns = byRoute(twoRounds);
  report("nginx + ONE instance:");
  printTable(oneRuns);
  printCpu("ONE instance");
  report("nginx + TWO instances:");
  printTable(twoRuns);
  printCpu("TWO instances");

  const dynamic = (runs: RouteRun[]) =>
    runs.filter((run) => DYNAMIC.includes(run.route)).reduce((sum, run) => sum + rate(run), 0);
  const appCores = (label: string) => {
    const tally = tallies.get(label)!;
    const used = (tally.used.get("instance 1") ?? 0) + (tally.used.get("instance 2") ?? 0);
    return used / tally.seconds;
  };
  // Successful dynamic requests per second for each core the instances kept busy.
  const perCoreOne = dynamic(oneRuns) / appCores("ONE instance");
  const perCoreTwo = dynamic(twoRuns) / appCores("TWO instances");
  const perCoreRatio = perCoreTwo / perCoreOne;
  const vsStatic = median(
    articleRuns.proxied.map((run, i) => rate(run) / rate(articleRuns.static[i]!)),
  );
  const directVsStatic = median(
    articleRuns.direct.map((run, i) => rate(run) / rate(articleRuns.static[i]!)),
  );
  const errors = [
    ...articleRuns.static,
    ...articleRuns.direct,
    ...articleRuns.proxied,
    ...oneRuns,
    ...twoRuns,
  ].reduce((sum, run) => sum + failures(run), 0);
  const met = (ok: boolean) => (ok ? "met" : "MISSED");
  report(
    `\n== targets (issue 7; load average now ${os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(", ")})`,
  );
  report(
    `dynamic routes (/progress + check-ins) per busy instance-core: two instances ` +
      `${perCoreTwo.toFixed(1)} req/s (${dynamic(twoRuns).toFixed(1)} req/s on ${appCores("TWO instances").toFixed(2)} cores) ` +
      `vs one ${perCoreOne.toFixed(1)} req/s (${dynamic(oneRuns).toFixed(1)} req/s on ${appCores("ONE instance").toFixed(2)} cores) ` +
      `= ${perCoreRatio.toFixed(2)}x (target >= ${TARGETS.perInstanceCore}x): ${met(perCoreRatio >= TARGETS.perInstanceCore)}`,
  );
  report(
    `the article through the production setup (nginx + 2 instances) vs nginx's same-size static ` +
      `file: ${rate(merge(articleRuns.proxied)).toFixed(0)} vs ${rate(merge(articleRuns.static)).toFixed(0)} ` +
      `req/s, median of the rounds' ratios ${vsStatic.toFixed(2)}x (target >= ${TARGETS.articleVsStatic}x): ` +
      met(vsStatic >= TARGETS.articleVsStatic),
  );
  report(
    `the article through next start alone vs the static file: ${rate(merge(articleRuns.direct)).toFixed(0)} ` +
      `req/s, ${directVsStatic.toFixed(2)}x (no target: what nginx's short cache saves)`,
  );
  report(
    `errors (wrong status or body, socket errors, timeouts): ${errors} (target 0): ${met(errors === 0)}`,
  );
  await settleOutbox(30_000);
  const invitations = await db.partnerInvitation.count();
  const invitationMail = smtp.messages.filter((m) => m.to.startsWith("partner."));
  const distinctMail = new Set(invitationMail.map((m) => m.messageId)).size;
  report(
    `invitations: ${invitations} created (warm-up included), ${invitationMail.length} invitation ` +
      `mails delivered, ${invitationMail.length - distinctMail} duplicates`,
  );
  const machineCores = (label: string) =>
    (tallies.get(label)!.busy / tallies.get(label)!.total) * cores;
  // Issue 17: dynamic requests (dashboards, check-ins, invitations) per second
  // of one busy instance's CPU, behind nginx with ONE instance. CPU time, not
  // wall time: what one core of the app buys, whatever else the machine runs.
  const allDynamic = (runs: RouteRun[]) =>
    runs.filter((run) => run.route !== "article").reduce((sum, run) => sum + rate(run), 0);
  const instanceOneCores =
    tallies.get("ONE instance")!.used.get("instance 1")! / tallies.get("ONE instance")!.seconds;
  const perCore = allDynamic(oneRuns) / instanceOneCores;
  report(
    `dynamic requests per busy instance-core (nginx + ONE instance; /progress, check-ins and ` +
      `invitations): ${allDynamic(oneRuns).toFixed(1)} req/s on ${instanceOneCores.toFixed(2)} of a ` +
      `core = ${perCore.toFixed(0)} per core-second (issue 17: >= ${TARGETS.perCore}, twice the ` +
      `${TARGETS.perCore / 2} measured when it was filed): ${met(perCore >= TARGETS.perCore)}`,
  );
  report(
    `what limits the scaling: the app instances used ${appCores("ONE instance").toFixed(2)} cores ` +
      `with one instance and ${appCores("TWO instances").toFixed(2)} with two, while the machine's ` +
      `${cores} cores were ${machineCores("ONE instance").toFixed(2)} and ` +
      `${machineCores("TWO instances").toFixed(2)} busy: nginx, PostgreSQL, autocannon (this ` +
      `process) and other users' work share them, so a second instance only gains the CPU ` +
      `nobody else is using.`,
  );

  // Figures are to read; a route that answered nothing, or only errors, is a broken bench.
  const sides: Array<[string, RouteRun[]]> = [
    ["nginx alone", articleRuns.static],
    ["next start alone", articleRuns.direct],
    ["nginx + 2 instances, the article alone", articleRuns.proxied],
    ["nginx + ONE instance", oneRuns],
    ["nginx + TWO instances", twoRuns],
  ];
  for (const [side, runs] of sides) {
    for (const run of runs) {
      const total = run.result.requests.total;
      check(
        `${side}, ${run.route}: measured successful requests`,
        total > 0 && failures(run) < total,
        `${total} requests, ${failures(run)} failed`,
      );
    }
  }

  async function settleOutbox(timeoutMs: number) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const open = await db.outboxMessage.count({
        where: { status: { in: ["pending", "sending"] } },
      });
      if (open === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
});

/** One route's runs (rounds) as one: totals add up, latencies pool. */
function merge(runs: RouteRun[]): RouteRun {
  const statusCodeStats: Record<string, { count: number }> = {};
  for (const run of runs) {
    for (const [status, { count }] of Object.entries(run.result.statusCodeStats)) {
      statusCodeStats[status] = { count: (statusCodeStats[status]?.count ?? 0) + count };
    }
  }
  const sum = (pick: (run: RouteRun) => number) =>
    runs.reduce((total, run) => total + pick(run), 0);
  return {
    route: runs[0]!.route,
    latencies: runs.flatMap((run) => run.latencies),
    wrong: sum((run) => run.wrong),
    result: {
      duration: sum((run) => run.result.duration),
      requests: { total: sum((run) => run.result.requests.total), average: 0 },
      errors: sum((run) => run.result.errors),
      timeouts: sum((run) => run.result.timeouts),
      non2xx: sum((run) => run.result.non2xx),
      statusCodeStats,
    },
  };
}

function rate(run: RouteRun): number {
  return run.result.requests.total / run.result.duration;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function failures(run: RouteRun): number {
  return run.wrong + run.result.errors + run.result.timeouts;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

function printTable(runs: RouteRun[], labels?: string[]) {
  reportTable(
    runs.map((run, i) => {
      const sorted = [...run.latencies].sort((a, b) => a - b);
      const statuses = Object.entries(run.result.statusCodeStats)
        .map(([status, { count }]) => `${status}:${count}`)
        .join(" ");
      return {
        route: labels?.[i] ?? run.route,
        "req/s": Number(rate(run).toFixed(1)),
        "p50 ms": Number(percentile(sorted, 0.5).toFixed(1)),
        "p95 ms": Number(percentile(sorted, 0.95).toFixed(1)),
        "p99 ms": Number(percentile(sorted, 0.99).toFixed(1)),
        statuses,
        errors: failures(run),
      };
    }),
  );
}

function sumCpu(pids: Array<number | undefined>): number {
  return pids.reduce<number>((sum, pid) => sum + (cpuSeconds(pid) ?? 0), 0);
}

function postgresPids(): number[] {
  return fs
    .readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return fs.readFileSync(`/proc/${pid}/comm`, "utf8").trim() === "postgres";
      } catch {
        return false;
      }
    })
    .map(Number);
}

function machineTicks(): { busy: number; total: number } {
  const fields = fs
    .readFileSync("/proc/stat", "utf8")
    .split("\n")[0]!
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  const total = fields.reduce((sum, n) => sum + n, 0);
  const idle = fields[3]! + (fields[4] ?? 0);
  return { busy: total - idle, total };
}
