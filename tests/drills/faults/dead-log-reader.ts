import { cpuSeconds } from "@/tests/drills/support/drill-run";
import { startSmtpCatcher } from "@/tests/support/smtp-catcher";
import { get, PORTS, signedInPeople, startApp, tail } from "./app";
import { seconds, sleep, type Drill } from "./harness";

// g. Whatever reads the instance's stdout and stderr goes away after start-up
// (a log shipper restarting, a closed terminal, a killed parent): the instance
// keeps serving (and keeps logging into the void: every SQL statement is a log
// line here), stays idle while idle instead of spinning on EPIPE, and SIGTERM
// still ends it within SHUTDOWN_TIMEOUT_MS (pino's exit flush once retried the
// dead pipe forever).

export const deadLogReader: Drill = {
  name: "g. the log reader dies",
  boundMs: { short: 60_000, full: 90_000 },
  async run(context) {
    const { report } = context;
    const shutdownMs = 5_000;
    const smtp = await startSmtpCatcher({ port: PORTS.smtp(7) });
    context.defer(() => smtp.close());
    const app = await startApp(context, PORTS.instance(7), {
      SMTP_URL: smtp.url,
      SHUTDOWN_TIMEOUT_MS: String(shutdownMs),
      LOG_LEVEL: "info",
      DB_QUERY_LOG: "true",
      NEXT_MANUAL_SIG_HANDLE: "1",
    });
    const [person] = await signedInPeople(1);
    const warm = await get(`${app.url}/progress`, { cookie: person!.cookie });
    report.note(`before: /progress answered ${warm.status}`);

    // The reader dies: this process closes its ends of both pipes.
    app.process.stdout!.destroy();
    app.process.stderr!.destroy();

    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) {
      statuses.push((await get(`${app.url}/progress`, { cookie: person!.cookie })).status);
      statuses.push((await get(`${app.url}/api/health/ready`)).status);
      statuses.push((await get(`${app.url}/no-such-page-${i}`)).status);
    }
    const expected = Array.from({ length: 20 }, () => [200, 200, 404]).flat();
    report.check(
      "requests still work after the reader died",
      statuses.every((status, i) => status === expected[i]),
      `${statuses.filter((status, i) => status === expected[i]).length}/${statuses.length} answered as expected`,
    );

    await sleep(1_000);
    const pid = app.process.pid;
    const before = cpuSeconds(pid) ?? 0;
    await sleep(3_000);
    const idle = (cpuSeconds(pid) ?? 0) - before;
    report.check(
      "CPU stays idle while idle",
      idle < 0.3,
      `${idle.toFixed(2)} CPU seconds in 3 s of no requests (a spinning instance uses about 3)`,
    );

    const exited = new Promise<number | null>((resolve) => {
      if (app.process.exitCode !== null) resolve(app.process.exitCode);
      else app.process.once("exit", (code) => resolve(code));
    });
    const termAt = Date.now();
    app.process.kill("SIGTERM");
    const code = await Promise.race([
      exited,
      sleep(shutdownMs + 5_000).then(() => "hung" as const),
    ]);
    const took = Date.now() - termAt;
    report.check(
      "SIGTERM ends it within SHUTDOWN_TIMEOUT_MS",
      code !== "hung" && took <= shutdownMs + 500,
      code === "hung"
        ? `still running ${seconds(took)} after SIGTERM (bound ${seconds(shutdownMs)}); ${tail(app, 3)}`
        : `exit code ${code} after ${seconds(took)} (bound ${seconds(shutdownMs)})`,
    );
  },
};
