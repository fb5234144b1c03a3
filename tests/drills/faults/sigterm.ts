import http from "node:http";
import { startSmtpCatcher } from "@/tests/support/smtp-catcher";
import {
  checkIn,
  checkInConfirmed,
  get,
  missingCheckIns,
  outcomeOf,
  pastDay,
  PORTS,
  signedInPeople,
  startApp,
  tail,
  warmUp,
  type CheckInWrite,
} from "./app";
import { percentile, seconds, sleep, type Drill } from "./harness";

// e. SIGTERM while signed-in people load /progress and save check-ins: every
// request already in flight finishes without a 5xx, readiness turns 503 at
// once, and the instance exits 0 within SHUTDOWN_TIMEOUT_MS.

type Request = {
  kind: "page" | "check-in";
  start: number;
  end: number;
  status: number;
  error?: string;
  write?: CheckInWrite;
  confirmed?: boolean;
};

function probeReady(port: number, agent: http.Agent): Promise<number | string> {
  return new Promise((resolve) => {
    const request = http.get(
      { host: "localhost", port, path: "/api/health/ready", agent, timeout: 2_000 },
      (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
      },
    );
    request.on("timeout", () => request.destroy());
    request.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? "error"));
  });
}

export const sigtermUnderLoad: Drill = {
  name: "e. SIGTERM under load",
  boundMs: { short: 90_000, full: 180_000 },
  async run(context) {
    const { report, short } = context;
    const shutdownMs = short ? 10_000 : 20_000;
    const smtp = await startSmtpCatcher({ port: PORTS.smtp(5) });
    context.defer(() => smtp.close());
    const app = await startApp(context, PORTS.instance(5), {
      SMTP_URL: smtp.url,
      SHUTDOWN_TIMEOUT_MS: String(shutdownMs),
    });
    const people = await signedInPeople(short ? 6 : 12);
    await warmUp(app.url);
    const exit = new Promise<{ code: number | null; at: number }>((resolve) =>
      app.process.once("exit", (code) => resolve({ code, at: Date.now() })),
    );

    const requests: Request[] = [];
    let stopping = false;
    const client = async (person: (typeof people)[number], index: number) => {
      for (let n = 1; !stopping; n++) {
        const start = Date.now();
        if ((n + index) % 2 === 0) {
          const r = await get(`${app.url}/progress`, { cookie: person.cookie });
          requests.push({ kind: "page", start, end: Date.now(), status: r.status, error: r.error });
          if (r.error) return;
        } else {
          const write = { userId: person.id, day: pastDay(n), mood: 1 + (n % 5), missing: n % 11 };
          const r = await checkIn(app.url, person, write);
          requests.push({
            kind: "check-in",
            start,
            end: Date.now(),
            status: r.status,
            error: r.error,
            write,
            confirmed: outcomeOf(r, checkInConfirmed) === "confirmed",
          });
          if (r.error) return;
        }
      }
    };
    // A load balancer's health check: one keep-alive connection of its own,
    // polled every 20 ms, so it sees what the instance answers after the signal.
    const probeAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    context.defer(() => probeAgent.destroy());
    const readiness: { at: number; status: number | string }[] = [];
    const probe = (async () => {
      while (!stopping) {
        const status = await probeReady(app.port, probeAgent);
        readiness.push({ at: Date.now(), status });
        if (typeof status === "string") return;
        await sleep(20);
      }
    })();
    const clients = people.map(client);

    await sleep(short ? 2_500 : 6_000);
    const termAt = Date.now();
    app.process.kill("SIGTERM");
    const exited = await Promise.race([exit, sleep(shutdownMs + 10_000).then(() => null)]);
    stopping = true;
    await Promise.all([...clients, probe]);

    const inFlight = requests.filter((r) => r.start < termAt);
    const during = inFlight.filter((r) => r.end >= termAt);
    const bad = inFlight.filter((r) => r.error || r.status >= 500);
    const latencies = inFlight.map((r) => r.end - r.start).sort((a, b) => a - b);
    report.check(
      "no request already in flight at SIGTERM failed or got a 5xx",
      inFlight.length > 0 && bad.length === 0,
      `${inFlight.length} requests before the signal (${during.length} still running when it came), ` +
        `${bad.length} failed` +
        (bad[0] ? ` e.g. ${bad[0].kind} ${bad[0].status} ${bad[0].error ?? ""}` : "") +
        `; p50 ${percentile(latencies, 0.5)} ms, p99 ${percentile(latencies, 0.99)} ms`,
    );
    const after = readiness.filter((r) => r.at > termAt);
    const firstNot200 = after.find((r) => r.status !== 200);
    const readyAfterDown = after.filter(
      (r) => firstNot200 && r.at > firstNot200.at && r.status === 200,
    );
    report.check(
      "readiness turned 503 at once and stayed down",
      !!firstNot200 && firstNot200.at - termAt < 1_000 && readyAfterDown.length === 0,
      firstNot200
        ? `first answer after the signal: ${firstNot200.status} after ${firstNot200.at - termAt} ms; ` +
            `${after.filter((r) => r.status === 503).length} probes answered 503 before the listener closed`
        : "readiness never went down",
    );
    report.check(
      "the instance exited 0 within SHUTDOWN_TIMEOUT_MS",
      exited !== null && exited.code === 0 && exited.at - termAt <= shutdownMs + 1_000,
      exited
        ? `exit code ${exited.code} after ${seconds(exited.at - termAt)} (bound ${seconds(shutdownMs)})`
        : `still running after ${seconds(shutdownMs + 10_000)}\n${tail(app)}`,
    );
    const late = requests.filter((r) => r.start >= termAt);
    report.note(
      `${late.length} requests sent after the signal: ${late.filter((r) => r.status > 0 && r.status < 500).length} served ` +
        `(on open keep-alive connections, told "Connection: close"), ${late.filter((r) => r.error).length} refused (listener closed)`,
    );
    const confirmed = requests.filter((r) => r.confirmed).map((r) => r.write!);
    const { missing } = await missingCheckIns(confirmed);
    report.check(
      "every check-in confirmed before or during shutdown is in the database",
      confirmed.length > 0 && missing.length === 0,
      `${confirmed.length} confirmed, ${missing.length} missing`,
    );
  },
};
