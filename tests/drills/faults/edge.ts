import net from "node:net";
import { actionId } from "@/tests/e2e/support/server-actions";
import { startNginx } from "@/tests/support/cluster";
import { startSmtpCatcher } from "@/tests/support/smtp-catcher";
import { get, PORTS, startApp } from "./app";
import { percentile, seconds, sleep, type Drill } from "./harness";

// f. Bad input at the edge, through nginx (lib/deploy/nginx): an oversized
// server-action body is refused with 413 before it reaches the app, oversized
// headers and malformed requests get a 400, and slowloris-style connections
// that never finish their headers are cut off by client_header_timeout — all
// while other readers keep getting their pages without an error.

const ARTICLE = "/articles/why-do-i-miss-him";

/** Sends raw bytes and returns the status line nginx answers with (or how the socket ended). */
function rawRequest(port: number, bytes: string | Buffer, timeoutMs = 10_000): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    let received = "";
    const done = (value: string) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(value);
    };
    const timer = setTimeout(() => done(received.split("\r\n")[0] || "no answer"), timeoutMs);
    socket.on("data", (chunk) => {
      received += chunk.toString("latin1");
      if (received.includes("\r\n")) done(received.split("\r\n")[0]!);
    });
    socket.on("error", (error: NodeJS.ErrnoException) => done(error.code ?? "error"));
    socket.on("close", () => done(received.split("\r\n")[0] || "closed"));
    socket.write(bytes);
  });
}

/** Opens a request and trickles header bytes forever; resolves with how long nginx let it live. */
function slowloris(port: number, limitMs: number): Promise<{ ms: number; cut: boolean }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = net.connect(port, "127.0.0.1");
    let trickle: NodeJS.Timeout | undefined;
    const finish = (cut: boolean) => {
      clearInterval(trickle);
      clearTimeout(limit);
      socket.destroy();
      resolve({ ms: Date.now() - started, cut });
    };
    const limit = setTimeout(() => finish(false), limitMs);
    socket.on("connect", () => {
      socket.write(`GET ${ARTICLE} HTTP/1.1\r\nHost: localhost\r\n`);
      let n = 0;
      trickle = setInterval(() => socket.write(`X-Slow-${n++}: a\r\n`), 1_000);
    });
    socket.on("close", () => finish(true));
    socket.on("error", () => finish(true));
    socket.resume();
  });
}

export const badInputAtTheEdge: Drill = {
  name: "f. bad input at the edge (nginx)",
  boundMs: { short: 90_000, full: 180_000 },
  async run(context) {
    const { report, short } = context;
    const smtp = await startSmtpCatcher({ port: PORTS.smtp(6) });
    context.defer(() => smtp.close());
    const app = await startApp(context, PORTS.instance(6), { SMTP_URL: smtp.url });
    const nginx = await startNginx({ port: PORTS.nginx, upstreamPorts: [app.port] });
    context.defer(() => nginx.stop());

    const reads: { status: number; ms: number; error?: string }[] = [];
    let stopping = false;
    const reader = async (index: number) => {
      while (!stopping) {
        const path = index % 2 === 0 ? ARTICLE : "/";
        reads.push(await get(`${nginx.url}${path}`));
      }
    };
    const readers = Array.from({ length: short ? 4 : 8 }, (_, i) => reader(i));
    await sleep(1_000);

    // Slow clients first (they take client_header_timeout to be cut), the rest meanwhile.
    const slow = Array.from({ length: short ? 10 : 50 }, () => slowloris(nginx.port, 30_000));

    const checkInAction = actionId("lib/actions/check-ins.ts", "recordCheckIn");
    const oversized = await Promise.all(
      Array.from({ length: short ? 6 : 20 }, async () => {
        const form = new FormData();
        form.append("_1_note", "x".repeat(1024 * 1024)); // 1 MiB, over client_max_body_size
        form.append("0", JSON.stringify([{}, "$K1"]));
        const r = await fetch(`${nginx.url}/progress/check-in`, {
          method: "POST",
          headers: { "Next-Action": checkInAction, Accept: "text/x-component", Origin: nginx.url },
          body: form,
          redirect: "manual",
        }).catch((error: Error) => ({ status: 0, error }));
        return r.status;
      }),
    );
    report.check(
      "oversized server-action bodies (1 MiB) are refused with 413 by nginx",
      oversized.every((s) => s === 413),
      `${oversized.filter((s) => s === 413).length}/${oversized.length} answered 413`,
    );

    const hugeHeader = await rawRequest(
      nginx.port,
      `GET / HTTP/1.1\r\nHost: localhost\r\nX-Huge: ${"h".repeat(32 * 1024)}\r\n\r\n`,
    );
    report.check(
      "an oversized header (32 KiB) is refused",
      /^HTTP\/1\.1 (400|431|494)/.test(hugeHeader),
      hugeHeader,
    );
    const malformed = await rawRequest(nginx.port, "HELLO THERE\r\n\r\n");
    report.check(
      "a malformed request line is refused with 400",
      /^HTTP\/1\.1 400/.test(malformed),
      malformed,
    );

    const slowResults = await Promise.all(slow);
    const cutTimes = slowResults
      .filter((s) => s.cut)
      .map((s) => s.ms)
      .sort((a, b) => a - b);
    report.check(
      "slowloris connections (headers trickled 1 byte-line a second) are cut off by nginx's timeout",
      cutTimes.length === slowResults.length && (cutTimes.at(-1) ?? Infinity) <= 13_000,
      `${cutTimes.length}/${slowResults.length} cut, after ${seconds(cutTimes[0] ?? 0)}–${seconds(cutTimes.at(-1) ?? 0)} ` +
        `(client_header_timeout 10 s)`,
    );

    stopping = true;
    await Promise.all(readers);
    const failed = reads.filter((r) => r.status !== 200);
    const times = reads.map((r) => r.ms).sort((a, b) => a - b);
    report.check(
      "readers meanwhile saw no errors",
      reads.length > 0 && failed.length === 0,
      `${reads.length} reads, ${failed.length} not 200` +
        (failed[0] ? ` (e.g. ${failed[0].status} ${failed[0].error ?? ""})` : "") +
        `; p50 ${percentile(times, 0.5)} ms, p99 ${percentile(times, 0.99)} ms`,
    );
    report.check(
      "the instance behind stayed up",
      app.process.exitCode === null,
      `pid ${app.process.pid}`,
    );
  },
};
