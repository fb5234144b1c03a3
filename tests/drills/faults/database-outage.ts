import { startSmtpCatcher } from "@/tests/support/smtp-catcher";
import { TcpProxy } from "@/tests/support/tcp-proxy";
import {
  callAction,
  checkIn,
  checkInConfirmed,
  describe,
  get,
  missingCheckIns,
  outcomeOf,
  pastDay,
  PORTS,
  signedInPeople,
  startApp,
  tail,
  type ActionResult,
  type CheckInWrite,
  warmUp,
  type WriteOutcome,
} from "./app";
import { poll, seconds, sleep, type Drill } from "./harness";

// a. PostgreSQL "stops" while people save check-ins: the instance reaches the
// real server through a TCP proxy we cut (connections reset, new ones
// refused) and reopen. The machine's PostgreSQL keeps running for everyone else.

// Every other kind of form, once each during the outage: the person must read
// the same "not saved, try again" on the form, not only on the check-in.
const OTHER_FORMS = [
  {
    page: "/progress/memories",
    file: "lib/actions/memories.ts",
    action: "addMemory",
    fields: { kind: "GOOD", text: "The lake in June", requestKey: "" },
  },
  {
    page: "/progress/goals",
    file: "lib/actions/goals.ts",
    action: "addGoal",
    fields: { title: "Walk every morning", note: "", targetDate: "", requestKey: "" },
  },
  {
    page: "/progress/people",
    file: "lib/actions/reach-outs.ts",
    action: "addReachOut",
    fields: { who: "My sister", day: "", feeling: "BETTER", note: "", requestKey: "" },
  },
  {
    page: "/progress/hard-dates",
    file: "lib/actions/hard-dates.ts",
    action: "addHardDate",
    fields: { label: "Our anniversary", month: "6", day: "12", plan: "", requestKey: "" },
  },
  {
    page: "/progress/settings",
    file: "lib/actions/tracker-settings.ts",
    action: "updateTrackerSettings",
    fields: { timeZone: "UTC", breakupDate: "" },
  },
  {
    page: "/account",
    file: "lib/actions/account.ts",
    action: "saveDisplayName",
    fields: { name: "Sam" },
  },
  {
    page: "/counseling/screen",
    file: "lib/actions/counseling.ts",
    action: "submitSafetyScreen",
    fields: { afraid: "no", hurt: "no", threatened: "no", controlled: "no" },
  },
] as const;
const NOT_SAVED_FORM_ERROR = /^Not saved: we cannot reach our database/;

type Write = {
  write: CheckInWrite;
  result: ActionResult;
  outcome: WriteOutcome;
  start: number;
  end: number;
};

export const databaseOutage: Drill = {
  name: "a. PostgreSQL stops during writes",
  boundMs: { short: 90_000, full: 240_000 },
  async run(context) {
    const { report, short } = context;
    const target = new URL(process.env.DATABASE_URL!);
    const proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
    await proxy.start(PORTS.proxy(0));
    let proxyOpen = true;
    context.defer(async () => {
      if (proxyOpen) await proxy.cut();
    });
    const proxied = new URL(target);
    proxied.host = `127.0.0.1:${proxy.port}`;
    const smtp = await startSmtpCatcher({ port: PORTS.smtp(0) });
    context.defer(() => smtp.close());
    const app = await startApp(context, PORTS.instance(0), {
      DATABASE_URL: proxied.toString(),
      SMTP_URL: smtp.url,
    });
    const people = await signedInPeople(short ? 4 : 8);
    await warmUp(app.url);

    const writes: Write[] = [];
    let stopping = false;
    const writer = async (person: (typeof people)[number]) => {
      for (let n = 1; !stopping; n++) {
        const write = { userId: person.id, day: pastDay(n), mood: 1 + (n % 5), missing: n % 11 };
        const start = Date.now();
        const result = await checkIn(app.url, person, write);
        const outcome = outcomeOf(result, checkInConfirmed);
        writes.push({ write, result, outcome, start, end: Date.now() });
        if (outcome !== "confirmed") await sleep(100);
      }
    };
    const writers = people.map(writer);

    await sleep(short ? 2_000 : 5_000);
    const cutAt = Date.now();
    await proxy.cut();
    proxyOpen = false;
    const outageMs = short ? 4_000 : 12_000;
    const readyDuring: number[] = [];
    const pagesDuring: { status: number; location: string | null }[] = [];
    await sleep(200);
    while (Date.now() - cutAt < outageMs) {
      readyDuring.push((await get(`${app.url}/api/health/ready`)).status);
      pagesDuring.push(await get(`${app.url}/progress`, { cookie: people[0]!.cookie }));
      await sleep(300);
    }
    const otherForms = await Promise.all(
      OTHER_FORMS.map(async (form) => ({
        action: form.action,
        result: await callAction(app.url, { ...form, cookie: people[0]!.cookie }),
      })),
    );
    const restoredAt = Date.now();
    await proxy.restore();
    proxyOpen = true;
    const readyAt = await poll(
      async () => ((await get(`${app.url}/api/health/ready`)).status === 200 ? Date.now() : null),
      { timeoutMs: 30_000, intervalMs: 100 },
    );
    const firstWriteAt = await poll(
      () => writes.find((w) => w.start >= restoredAt && w.outcome === "confirmed")?.end ?? null,
      { timeoutMs: 30_000, intervalMs: 100 },
    );
    await sleep(short ? 1_500 : 4_000);
    stopping = true;
    await Promise.all(writers);

    report.check(
      "the instance stayed up through the outage",
      app.process.exitCode === null && app.process.signalCode === null,
      app.process.exitCode === null ? `pid ${app.process.pid} still running` : tail(app),
    );
    report.check(
      "/api/health/ready answered 503 while the database was away",
      readyDuring.length > 0 && readyDuring.every((s) => s === 503),
      `${readyDuring.filter((s) => s === 503).length}/${readyDuring.length} probes 503 over ${seconds(outageMs)}`,
    );
    const signedOut = pagesDuring.filter((p) => /\/signed-out|\/signin/.test(p.location ?? ""));
    report.check(
      "a signed-in person opening /progress during the outage is shown an error, not signed out",
      signedOut.length === 0 && pagesDuring.length > 0,
      `statuses ${[...new Set(pagesDuring.map((p) => p.status))].join(",")}; ${signedOut.length} redirects to sign-in pages`,
    );

    const during = writes.filter((w) => w.start >= cutAt + 100 && w.end <= restoredAt);
    const refusedDuring = during.filter((w) => w.outcome === "refused");
    const sample = refusedDuring[0]?.result;
    report.check(
      'every write made while the database was away answered "not saved, try again"',
      during.length > 0 && refusedDuring.length === during.length,
      `${refusedDuring.length}/${during.length} refused` +
        (sample ? `, e.g. ${describe(sample)}` : "") +
        (during.length > refusedDuring.length
          ? `; other: ${describe(during.find((w) => w.outcome !== "refused")!.result)}`
          : ""),
    );
    const otherRefused = otherForms.filter((f) =>
      NOT_SAVED_FORM_ERROR.test(f.result.state?.formError ?? ""),
    );
    report.check(
      'every other form sent during the outage answered "not saved, try again" on the form',
      otherRefused.length === OTHER_FORMS.length,
      `${otherRefused.length}/${OTHER_FORMS.length}` +
        otherForms
          .filter((f) => !otherRefused.includes(f))
          .map((f) => `; ${f.action}: ${describe(f.result)}`)
          .join(""),
    );
    const unclear = writes.filter((w) => w.outcome === "unclear" || w.outcome === "no answer");
    report.check(
      "no write anywhere in the run got a misleading answer (a false success, 'signed out', no answer)",
      unclear.length === 0,
      unclear.length
        ? `${unclear.length}, e.g. ${describe(unclear[0]!.result)}`
        : `${writes.length} writes`,
    );
    const recoveryMs = firstWriteAt === null ? null : firstWriteAt - restoredAt;
    report.check(
      "the service recovered by itself within 10 s of the database returning",
      recoveryMs !== null && recoveryMs <= 10_000,
      `ready again after ${readyAt === null ? "never" : seconds(readyAt - restoredAt)}, ` +
        `first confirmed write after ${recoveryMs === null ? "never" : seconds(recoveryMs)}`,
    );
    const confirmed = writes.filter((w) => w.outcome === "confirmed").map((w) => w.write);
    const { missing, rows } = await missingCheckIns(confirmed);
    report.check(
      "every write the client saw confirmed is in the database exactly once, as saved",
      confirmed.length > 0 && missing.length === 0,
      `${confirmed.length} confirmed, ${missing.length} missing or different; ` +
        `${rows} check-in rows for ${writes.length} attempts (${writes.length - confirmed.length} not confirmed)`,
    );
  },
};
