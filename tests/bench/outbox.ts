// `npm run bench:outbox`: queues 5,000 messages in the outbox, delivers them
// with the real worker to a local smtp-server, and prints messages per second
// and whether every message arrived exactly once. Runs on a fresh PostgreSQL
// database on TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres);
// BENCH_DATABASE=pglite runs it on the embedded database instead.
// A baseline in the same run: the same SMTP server fed straight by nodemailer
// (no database), so the ratio shows what the outbox costs. `-- --smoke` (CI):
// 500 messages. Every message must arrive exactly once within a bound, or the
// run fails; the SMTP sink is stopped on every way out.
import { fork } from "node:child_process";
import { performance } from "node:perf_hooks";
import { check, onCleanup, runDrill } from "../drills/support/drill-run";
import { requirePostgres } from "../support/owned-process";
import { createPostgresDatabase, type TestDatabase } from "../support/test-database";
import { report } from "../support/report";

const smoke = process.argv.includes("--smoke");
const COUNT = smoke ? 500 : Number(process.env.BENCH_MESSAGES ?? 5_000);
const DELIVERY_BOUND_MS = smoke ? 60_000 : 300_000;
const onPglite = process.env.BENCH_DATABASE === "pglite";
// SMTP round trips are latency-bound: throughput grows with parallel connections.
const CONNECTIONS = Number(process.env.BENCH_SMTP_CONNECTIONS ?? 40);
const CONCURRENCY = CONNECTIONS * 2;
process.env.TEST_DATABASE_URL ??= "postgres://postgres@127.0.0.1:5432/postgres";
process.env.LOG_LEVEL ??= "warn";

const rate = (n: number, ms: number) => Math.round((n / ms) * 1000);

await runDrill("bench:outbox", (smoke ? 3 : 15) * 60_000, async () => {
  let database: TestDatabase | undefined;
  if (onPglite) {
    delete process.env.DATABASE_URL;
    process.env.PGLITE_DIR = "memory://";
  } else {
    requirePostgres(process.env.TEST_DATABASE_URL!);
    database = await createPostgresDatabase("heartwork_bench");
    onCleanup("drop the database", () => database!.drop());
    process.env.DATABASE_URL = database.url;
  }

  const { withSqlExecutor } = await import("@/lib/db/connection");
  const { migrate } = await import("@/lib/db/migrate");
  const { db, disconnectDatabase } = await import("@/lib/db");
  onCleanup("close the pool", () => disconnectDatabase());
  const { enqueueEmail } = await import("@/lib/data/enqueue-email");
  const { startEmailWorker } = await import("@/lib/email/worker");
  const { smtpTransportTo } = await import("../support/smtp-transport");

  await withSqlExecutor((sql) => migrate(sql));
  const sink = fork("tests/bench/smtp-sink.mjs");
  onCleanup("stop the SMTP sink", () => sink.kill());
  const ask = <T>(command: string) =>
    new Promise<T>((resolve) => {
      sink.once("message", (reply) => resolve(reply as T));
      sink.send(command);
    });
  const smtp = {
    port: await new Promise<number>((resolve) =>
      sink.once("message", (m) => resolve((m as { port: number }).port)),
    ),
  };

  // Baseline: nodemailer straight to the SMTP server, same pool, no database.
  const baselineCount = Math.min(COUNT, 2_000);
  const direct = smtpTransportTo(smtp.port, { connections: CONNECTIONS });
  const baselineStart = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < baselineCount) {
        const i = next++;
        await direct.send({
          id: `baseline-${i}`,
          to: `baseline${i}@example.com`,
          subject: "Baseline",
          text: "x",
          html: "<p>x</p>",
        });
      }
    }),
  );
  const baselineMs = performance.now() - baselineStart;
  direct.close();
  sink.send("reset");

  const queueStart = performance.now();
  for (let start = 0; start < COUNT; start += 100) {
    await db.$transaction(
      async (tx) => {
        for (let i = start; i < Math.min(COUNT, start + 100); i++) {
          await enqueueEmail(tx, {
            to: `bench${i}@example.com`,
            template: "sign-in",
            data: { path: `/signin/confirm?token=${i}` },
          });
        }
      },
      { timeout: 60_000 },
    );
  }
  const queueMs = performance.now() - queueStart;
  const queued = await db.outboxMessage.findMany({ select: { id: true } });

  const sendStart = performance.now();
  const worker = startEmailWorker({
    transport: smtpTransportTo(smtp.port, { connections: CONNECTIONS }),
    batchSize: 200,
    concurrency: CONCURRENCY,
    listen: false,
  });
  onCleanup("stop the worker", () => worker.stop());
  while ((await db.outboxMessage.count({ where: { status: "sent" } })) < COUNT) {
    if (performance.now() - sendStart > DELIVERY_BOUND_MS) {
      throw new Error(`not every message was sent within ${DELIVERY_BOUND_MS / 1000} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const sendMs = performance.now() - sendStart;

  const expected = new Set(queued.map((m) => `<${m.id}@localhost>`));
  const { received } = await ask<{ received: string[] }>("report");
  sink.send("stop");
  const seen = new Map<string, number>();
  for (const id of received) seen.set(id, (seen.get(id) ?? 0) + 1);
  const duplicates = [...seen.values()].filter((n) => n > 1).length;
  const missing = [...expected].filter((id) => !seen.has(id)).length;
  const unexpected = [...seen.keys()].filter((id) => !expected.has(id)).length;
  const exactlyOnce =
    duplicates === 0 && missing === 0 && unexpected === 0 && received.length === COUNT;

  const perSecond = rate(COUNT, sendMs);
  report(
    `outbox benchmark on ${onPglite ? "PGlite (embedded)" : "PostgreSQL"}, ${COUNT} messages, ` +
      `${CONNECTIONS} SMTP connections, ${CONCURRENCY} in flight, batches of 200`,
  );
  report(
    `  queued in ${Math.round(queueMs)} ms (${rate(COUNT, queueMs)} messages/s, 100 per transaction)`,
  );
  report(`  delivered in ${Math.round(sendMs)} ms: ${perSecond} messages/s (target >= 500)`);
  report(
    `  baseline, nodemailer straight to the same SMTP server: ${rate(baselineCount, baselineMs)} messages/s` +
      ` (outbox delivers at ${(perSecond / rate(baselineCount, baselineMs)).toFixed(2)}x of it)`,
  );
  report(
    `  exactly once: ${exactlyOnce ? "yes" : "NO"} (${received.length} received, ${seen.size} distinct Message-IDs, ` +
      `${duplicates} duplicated, ${missing} missing, ${unexpected} unexpected)`,
  );
  check("every message arrived exactly once", exactlyOnce, `${received.length} of ${COUNT}`);
});
