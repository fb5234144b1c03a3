// `npm run bench:booking`: booking the first session (issue 15) on a fresh
// PostgreSQL database with 1,000 counselors and 50,000 booked sessions.
//
// 1. Taking a time: 20 concurrent takers (takeOfferedTime, the app's own data
//    function, in this process) on 2,000 more referrals, each person taking
//    both of their two offered times at once (two tabs), and every counselor
//    offering the same two times to two referrals, so both database rules are
//    raced: one live session per referral, no counselor in two sessions at
//    once. Prints p50/p95/max per take (target: p95 <= 100 ms, printed
//    met/MISSED like the other benches' targets) and counts double bookings
//    with SQL afterwards (a check: must be 0).
// 2. Reminders: 10,000 of the sessions have their next reminder due in the
//    same minute; two scheduler instances (the job runner with
//    queue-due-session-reminders, as child processes) race for them. Prints how
//    long until every email (one per participant: the person and the
//    counselor) was queued (bound: 60 s after the minute), duplicates and
//    misses (both must be 0). 1,000 counselors cannot hold 10,000 sessions that
//    start in one minute (the exclusion constraint forbids it), so the bench
//    sets those sessions' next reminder to that minute directly: the same rows
//    the scheduler would find after a backlog.
//
// `-- --smoke` (CI): 100 counselors, 5,000 sessions, 200 taking referrals,
// 1,000 due. TEST_DATABASE_URL as for the other benches (else the local server);
// the database is dropped and both instances stopped on every way out.
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { check, onCleanup, runDrill } from "../drills/support/drill-run";
import { requirePostgres } from "../support/owned-process";
import { createPostgresDatabase } from "../support/test-database";
import { report } from "../support/report";
import { startTwoSchedulers, watchQueueing } from "./support/scheduler-race";

const smoke = process.argv.includes("--smoke");
const COUNSELORS = smoke ? 100 : 1_000;
const SESSIONS = smoke ? 5_000 : 50_000;
const TAKING = smoke ? 200 : 2_000;
const DUE = smoke ? 1_000 : 10_000;
const TAKERS = 20;
const TAKE_P95_MS = 100;
const QUEUE_BOUND_MS = 60_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

process.env.TEST_DATABASE_URL ??= "postgres://postgres@127.0.0.1:5432/postgres";
Object.assign(process.env, {
  LOG_LEVEL: "silent",
  FIELD_ENCRYPTION_KEYS: `bench:${randomBytes(32).toString("base64")}`,
  AUTH_SECRET: randomBytes(32).toString("base64url"),
});

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

await runDrill("bench:booking", (smoke ? 5 : 20) * 60_000, async () => {
  requirePostgres(process.env.TEST_DATABASE_URL!);
  const database = await createPostgresDatabase("heartwork_bench_booking");
  onCleanup("drop the database", () => database.drop());
  process.env.DATABASE_URL = database.url;

  const { withSqlExecutor } = await import("@/lib/db/connection");
  const { migrate } = await import("@/lib/db/migrate");
  const { disconnectDatabase } = await import("@/lib/db");
  onCleanup("close the pool", () => disconnectDatabase());
  const { takeOfferedTime } = await import("@/lib/data/session-booking");
  const { seal, sealedField } = await import("@/lib/counseling/sealed-fields");
  await withSqlExecutor((sql) => migrate(sql));

  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  onCleanup("close the bench client", () => client.end());

  // ---------------------------------------------------------------- seed --
  // Whole hours, two days on: counselor c's j-th session starts j * 2 hours
  // after `base` (50 sessions each, none overlapping).
  const base = new Date(Math.ceil((Date.now() + 2 * DAY) / HOUR) * HOUR);
  report(
    `Seeding ${COUNSELORS.toLocaleString("en-US")} counselors and ${SESSIONS.toLocaleString("en-US")} booked sessions...`,
  );
  const seedStart = performance.now();
  await client.query(
    `INSERT INTO "User" ("id", "email", "name", "updatedAt")
       SELECT 'c' || g, 'c' || g || '@bench.test', 'c', now() FROM generate_series(0, $1::int - 1) g`,
    [COUNSELORS],
  );
  await client.query(
    `INSERT INTO "TeamMember" ("userId", "role", "timeZone", "updatedAt")
       SELECT 'c' || g, 'counselor', 'America/New_York', now() FROM generate_series(0, $1::int - 1) g`,
    [COUNSELORS],
  );
  const people = (prefix: string, count: number) =>
    client.query(
      `INSERT INTO "User" ("id", "email", "name", "updatedAt")
         SELECT $1 || g, $1 || g || '@bench.test', 'p', now() FROM generate_series(0, $2::int - 1) g`,
      [prefix, count],
    );
  const referrals = (prefix: string, count: number) =>
    client.query(
      `INSERT INTO "CounselingReferral" ("id", "userId", "screenOutcome", "screenedAt",
              "intakeSubmittedAt", "state", "claimedById", "claimedAt", "updatedAt")
         SELECT $1 || 'r' || g, $1 || g, 'CLEAR', now(), now(), 'CLAIMED',
                'c' || (g % $3::int), now(), now()
           FROM generate_series(0, $2::int - 1) g`,
      [prefix, count, COUNSELORS],
    );
  await people("p", SESSIONS);
  await referrals("p", SESSIONS);
  await client.query(
    `INSERT INTO "TrackerSettings" ("userId", "timeZone", "updatedAt")
       SELECT 'p' || g, (ARRAY['Europe/Berlin','Australia/Adelaide','America/Los_Angeles','Asia/Kolkata'])[1 + g % 4], now()
         FROM generate_series(0, $1::int - 1) g`,
    [SESSIONS],
  );
  await client.query(
    `INSERT INTO "CounselingSession" ("id", "referralId", "counselorId", "startsAt", "lengthMinutes",
            "icsUid", "updatedAt", "nextReminderAt", "nextReminderHours")
       SELECT 's' || g, 'pr' || g, 'c' || (g % $2::int),
              $3::timestamp(3) + ((g / $2::int) * 2) * interval '1 hour', 50,
              's' || g || '@bench', now(),
              $3::timestamp(3) + ((g / $2::int) * 2) * interval '1 hour' - interval '24 hours', 24
         FROM generate_series(0, $1::int - 1) g`,
    [SESSIONS, COUNSELORS, base.toISOString()],
  );

  // The taking referrals: person t<i>, referral tr<i>, counselor c<i % COUNSELORS>;
  // two offered times each, the same two for every referral of a counselor,
  // after all of its seeded sessions.
  await people("t", TAKING);
  await referrals("t", TAKING);
  const slotA = new Date(base.getTime() + 10 * DAY);
  const slotB = new Date(slotA.getTime() + 2 * HOUR);
  const offers: {
    id: string;
    userId: string;
    referralId: string;
    counselorId: string;
    startsAt: Date;
  }[] = [];
  for (let i = 0; i < TAKING; i++) {
    for (const [k, startsAt] of [slotA, slotB].entries()) {
      offers.push({
        id: `o${i}-${k}`,
        userId: `t${i}`,
        referralId: `tr${i}`,
        counselorId: `c${i % COUNSELORS}`,
        startsAt,
      });
    }
  }
  await client.query(
    `INSERT INTO "OfferedTime" ("id", "referralId", "counselorId", "startsAt", "lengthMinutes",
            "joinKind", "joinDetail")
       SELECT o.id, o.referral_id, o.counselor_id, o.starts_at, 50, 'video', o.join_detail
         FROM json_to_recordset($1::json)
           AS o(id text, referral_id text, counselor_id text, starts_at timestamp(3), join_detail text)`,
    [
      JSON.stringify(
        offers.map((o) => ({
          id: o.id,
          referral_id: o.referralId,
          counselor_id: o.counselorId,
          starts_at: o.startsAt.toISOString(),
          join_detail: seal(
            `https://video.example/${o.id}`,
            sealedField.offeredTimeJoinDetail(o.userId, o.referralId, o.id),
          ),
        })),
      ),
    ],
  );
  await client.query(`ANALYZE`);
  report(`  seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

  // ---------------------------------------------------------- 1. taking --
  // Every person takes both of their times at once; shuffled, so the two
  // referrals of a counselor race too.
  const attempts = offers.map((o) => ({ userId: o.userId, offeredTimeId: o.id }));
  for (let i = attempts.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [attempts[i], attempts[j]] = [attempts[j]!, attempts[i]!];
  }
  // A warm-up on another counselor's first referral would book it: warm up
  // with a refusal instead (a time that does not exist).
  for (let i = 0; i < 20; i++) await takeOfferedTime({ userId: "t0", offeredTimeId: "none" });

  report(
    `Taking: ${attempts.length.toLocaleString("en-US")} takes, ${TAKERS} takers sharing this process's pool of ${process.env.DATABASE_POOL_MAX ?? 10} connections (DATABASE_POOL_MAX)...`,
  );
  const times: number[] = [];
  const outcomes = new Map<string, number>();
  let next = 0;
  const takeStart = performance.now();
  await Promise.all(
    Array.from({ length: TAKERS }, async () => {
      while (next < attempts.length) {
        const attempt = attempts[next++]!;
        const started = performance.now();
        const result = await takeOfferedTime(attempt);
        times.push(performance.now() - started);
        const outcome = result.ok ? "booked" : result.reason;
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      }
    }),
  );
  const takeSeconds = (performance.now() - takeStart) / 1000;
  times.sort((a, b) => a - b);
  report(
    `  ${attempts.length.toLocaleString("en-US")} takes by ${TAKERS} concurrent takers in ${takeSeconds.toFixed(1)} s: ` +
      [...outcomes].map(([k, v]) => `${k} ${v}`).join(", "),
  );
  const p95 = percentile(times, 0.95);
  report(
    `  take latency: p50 ${percentile(times, 0.5).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms`,
  );
  // A target, printed met/MISSED, not a check (docs/benchmarks.md): on a shared
  // 2-core machine it measures the machine too. The counts below are checks.
  report(
    `  target: taking a time p95 <= ${TAKE_P95_MS} ms: ${p95.toFixed(1)} ms ${p95 <= TAKE_P95_MS ? "met" : "MISSED"}`,
  );

  const {
    rows: [doubles],
  } = await client.query<{ referrals: string; counselors: string; sessions: string }>(
    `SELECT
       (SELECT COUNT(*) FROM (SELECT "referralId" FROM "CounselingSession"
          WHERE "state" <> 'cancelled' GROUP BY "referralId" HAVING COUNT(*) > 1) AS r) AS referrals,
       (SELECT COUNT(*) FROM "CounselingSession" a JOIN "CounselingSession" b
          ON a."counselorId" = b."counselorId" AND a."id" < b."id"
         AND a."state" <> 'cancelled' AND b."state" <> 'cancelled'
         AND a."startsAt" < b."startsAt" + b."lengthMinutes" * interval '1 minute'
         AND b."startsAt" < a."startsAt" + a."lengthMinutes" * interval '1 minute') AS counselors,
       (SELECT COUNT(*) FROM "CounselingSession" WHERE "referralId" LIKE 'tr%') AS sessions`,
  );
  report(`  ${doubles!.sessions} sessions booked by the takers`);
  check(
    "double bookings (a referral with two live sessions, a counselor in two at once)",
    Number(doubles!.referrals) === 0 && Number(doubles!.counselors) === 0,
    `${doubles!.referrals} referrals, ${doubles!.counselors} counselor overlaps`,
  );
  check(
    "every booking the rules allow was made (each counselor's two times, once each)",
    Number(doubles!.sessions) === Math.min(TAKING, 2 * COUNSELORS),
    `${doubles!.sessions} of ${Math.min(TAKING, 2 * COUNSELORS)}`,
  );

  // ------------------------------------------------------- 2. reminders --
  const dueAt = new Date(Math.ceil((Date.now() + 45_000) / 60_000) * 60_000);
  await client.query(
    `UPDATE "CounselingSession" SET "nextReminderAt" = $2::timestamp(3), "nextReminderHours" = 24
      WHERE "id" IN (SELECT 's' || g FROM generate_series(0, $1::int - 1) g)`,
    [DUE, dueAt.toISOString()],
  );
  const expected = DUE * 2; // the person and the counselor
  report(
    `${DUE.toLocaleString("en-US")} sessions' reminders due at ${dueAt.toISOString()} (${expected.toLocaleString("en-US")} emails)...`,
  );
  await startTwoSchedulers("session-reminders");
  const { queued, allQueuedMs } = await watchQueueing(client, {
    template: "session-reminder",
    expected: expected,
    dueAt,
    boundMs: QUEUE_BOUND_MS,
  });
  const {
    rows: [counts],
  } = await client.query<{ rows: string; distinct: string; sessions: string; wrong: string }>(
    `SELECT COUNT(*) AS rows,
            COUNT(DISTINCT ("data"->>'sessionId', "userId")) AS distinct,
            COUNT(DISTINCT "data"->>'sessionId') AS sessions,
            COUNT(*) FILTER (WHERE substring("data"->>'sessionId' from 2)::int >= $1::int) AS wrong
       FROM "OutboxMessage" WHERE "template" = 'session-reminder'`,
    [DUE],
  );
  report(`  queued ${counts!.rows} emails for ${counts!.sessions} sessions`);
  check(
    `all reminders of ${DUE.toLocaleString("en-US")} sessions due in one minute queued within ${QUEUE_BOUND_MS / 1000} s by two instances`,
    allQueuedMs !== null && allQueuedMs <= QUEUE_BOUND_MS,
    allQueuedMs === null
      ? `only ${queued} after ${QUEUE_BOUND_MS / 1000 + 5} s`
      : `all queued ${(allQueuedMs / 1000).toFixed(1)} s after the minute`,
  );
  const duplicates = Number(counts!.rows) - Number(counts!.distinct);
  check("duplicates", duplicates === 0, String(duplicates));
  const misses = expected - Number(counts!.distinct) + Number(counts!.wrong);
  check("misses (due and not queued, or queued and not due)", misses === 0, String(misses));
});
