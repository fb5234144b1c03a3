// `npm run bench:reminders`: 100,000 people with the daily reminder on, in 40
// time zones, on a fresh PostgreSQL database; 10,000 of them due in the same
// minute. Two scheduler instances (the job runner with queue-due-reminders, as
// child processes) race for them. Prints how long until all 10,000 were queued
// (bound: 30 s after the minute), duplicates and misses (both must be 0), and
// the scheduler's SQL statements in a minute with nobody due, for 1,000 and
// 100,000 people (must be equal: one indexed UPDATE per run).
// `-- --smoke` (CI): 5,000 people, 1,000 due. TEST_DATABASE_URL as for the
// other benches; the database is dropped and both instances stopped on every way out.
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { check, onCleanup, runDrill } from "../drills/support/drill-run";
import { requirePostgres } from "../support/owned-process";
import { createPostgresDatabase } from "../support/test-database";
import { report } from "../support/report";
import { startTwoSchedulers, watchQueueing } from "./support/scheduler-race";

const smoke = process.argv.includes("--smoke");
const PEOPLE = smoke ? 5_000 : 100_000;
const DUE = smoke ? 1_000 : 10_000;
const SMALL = 1_000;
const QUEUE_BOUND_MS = 30_000;
const ZONES = [
  "UTC",
  "Europe/London",
  "Europe/Berlin",
  "Europe/Athens",
  "Europe/Moscow",
  "Africa/Lagos",
  "Africa/Johannesburg",
  "Africa/Nairobi",
  "Asia/Dubai",
  "Asia/Karachi",
  "Asia/Kolkata",
  "Asia/Kathmandu",
  "Asia/Dhaka",
  "Asia/Yangon",
  "Asia/Bangkok",
  "Asia/Shanghai",
  "Asia/Tokyo",
  "Australia/Adelaide",
  "Australia/Sydney",
  "Australia/Lord_Howe",
  "Pacific/Auckland",
  "Pacific/Chatham",
  "Pacific/Tongatapu",
  "Pacific/Kiritimati",
  "Pacific/Honolulu",
  "America/Anchorage",
  "America/Los_Angeles",
  "America/Denver",
  "America/Chicago",
  "America/New_York",
  "America/Halifax",
  "America/St_Johns",
  "America/Sao_Paulo",
  "America/Santiago",
  "America/Bogota",
  "America/Mexico_City",
  "Atlantic/Azores",
  "Atlantic/Cape_Verde",
  "Asia/Tehran",
  "Australia/Eucla",
];
process.env.TEST_DATABASE_URL ??= "postgres://postgres@127.0.0.1:5432/postgres";
Object.assign(process.env, {
  LOG_LEVEL: "silent",
  DB_QUERY_LOG: "true", // counts statements in this process; prints nothing at silent
  FIELD_ENCRYPTION_KEYS: `bench:${randomBytes(32).toString("base64")}`,
  AUTH_SECRET: randomBytes(32).toString("base64url"),
});

await runDrill("bench:reminders", (smoke ? 4 : 15) * 60_000, async () => {
  requirePostgres(process.env.TEST_DATABASE_URL!);
  const database = await createPostgresDatabase("heartwork_bench");
  onCleanup("drop the database", () => database.drop());
  process.env.DATABASE_URL = database.url;

  const { withSqlExecutor } = await import("@/lib/db/connection");
  const { migrate } = await import("@/lib/db/migrate");
  const { disconnectDatabase } = await import("@/lib/db");
  onCleanup("close the pool", () => disconnectDatabase());
  const { sqlStatementCount } = await import("@/lib/db/query-log");
  const { queueDueRemindersJob } = await import("@/lib/jobs/definitions/queue-due-reminders");
  const { localDayOf, nextDailyDue, zoneOffsetMinutes } = await import("@/lib/reminders/next-due");
  await withSqlExecutor((sql) => migrate(sql));

  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  onCleanup("close the bench client", () => client.end());

  /** Seeds `count` people with the daily reminder on; the first `due` are due at `dueAt`. */
  async function seed(count: number, due: number, dueAt: Date) {
    await client.query(`TRUNCATE "User" CASCADE`);
    // Per zone: the local minute and day of `dueAt` (the due ones), and, for
    // everyone else, a time 6 hours later with its next due instant.
    const perZone = ZONES.map((zone) => {
      const local = new Date(dueAt.getTime() + zoneOffsetMinutes(zone, dueAt) * 60_000);
      const minute = local.getUTCHours() * 60 + local.getUTCMinutes();
      const laterMinute = (minute + 6 * 60) % 1440;
      const later = nextDailyDue({ minuteOfDay: laterMinute, timeZone: zone, now: dueAt });
      return {
        zone,
        minute,
        day: localDayOf(zone, dueAt),
        laterMinute,
        laterAt: later.at.toISOString(),
        laterDay: later.day,
      };
    });
    await client.query(
      `CREATE TEMP TABLE IF NOT EXISTS zones (i int, zone text, minute int, day date,
         later_minute int, later_at timestamp(3), later_day date); TRUNCATE zones`,
    );
    await client.query(
      `INSERT INTO zones SELECT * FROM json_to_recordset($1::json) AS z(i int, zone text,
         minute int, day date, later_minute int, later_at timestamp(3), later_day date)`,
      [
        JSON.stringify(
          perZone.map((z, i) => ({
            i,
            zone: z.zone,
            minute: z.minute,
            day: z.day,
            later_minute: z.laterMinute,
            later_at: z.laterAt,
            later_day: z.laterDay,
          })),
        ),
      ],
    );
    await client.query(
      `INSERT INTO "User" ("id", "email", "name", "updatedAt")
         SELECT 'p' || g, 'p' || g || '@bench.test', 'p', now() FROM generate_series(1, $1::int) g`,
      [count],
    );
    await client.query(
      `INSERT INTO "TrackerSettings" ("userId", "timeZone", "updatedAt")
         SELECT 'p' || g, z.zone, now() FROM generate_series(1, $1::int) g JOIN zones z ON z.i = g % 40`,
      [count],
    );
    await client.query(
      `INSERT INTO "ReminderSettings" ("userId", "dailyEnabled", "dailyMinute", "updatedAt")
         SELECT 'p' || g, true, CASE WHEN g <= $2::int THEN z.minute ELSE z.later_minute END, now()
           FROM generate_series(1, $1::int) g JOIN zones z ON z.i = g % 40`,
      [count, due],
    );
    await client.query(
      `INSERT INTO "Reminder" ("id", "userId", "dueAt", "dueDay")
         SELECT 'daily:p' || g, 'p' || g,
                CASE WHEN g <= $2::int THEN $3::timestamp(3) ELSE z.later_at END,
                CASE WHEN g <= $2::int THEN z.day ELSE z.later_day END
           FROM generate_series(1, $1::int) g JOIN zones z ON z.i = g % 40`,
      [count, due, dueAt.toISOString()],
    );
    await client.query(`ANALYZE`);
  }

  async function statementsPerIdleMinute(): Promise<number> {
    // A minute of the job's schedule (every 10 s) with nobody due.
    const runs = Math.round(60_000 / queueDueRemindersJob.schedule.everyMs);
    const before = sqlStatementCount();
    for (let i = 0; i < runs; i++) await queueDueRemindersJob.run();
    return sqlStatementCount() - before;
  }

  // 1. The same minute: two instances race for DUE reminders among PEOPLE.
  const dueAt = new Date(Math.ceil((Date.now() + 45_000) / 60_000) * 60_000);
  report(
    `Seeding ${PEOPLE.toLocaleString("en-US")} people, ${DUE.toLocaleString("en-US")} due at ${dueAt.toISOString()} across ${ZONES.length} zones...`,
  );
  const seedStart = performance.now();
  await seed(PEOPLE, DUE, dueAt);
  report(`  seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

  await startTwoSchedulers("reminders", { DB_QUERY_LOG: "false" });
  const { queued, allQueuedMs } = await watchQueueing(client, {
    template: "reminder",
    expected: DUE,
    dueAt,
    boundMs: QUEUE_BOUND_MS,
  });
  const {
    rows: [counts],
  } = await client.query<{
    rows: string;
    people: string;
    duplicates: string;
    wrong: string;
  }>(
    `SELECT COUNT(*) AS rows,
            COUNT(DISTINCT "userId") AS people,
            COUNT(*) - COUNT(DISTINCT "userId") AS duplicates,
            COUNT(*) FILTER (WHERE substring("userId" from 2)::int > $1::int) AS wrong
       FROM "OutboxMessage" WHERE "template" = 'reminder'`,
    [DUE],
  );
  const misses = DUE - Number(counts!.people) + Number(counts!.wrong);
  report(`  queued ${counts!.rows} emails for ${counts!.people} people`);
  check(
    `all ${DUE.toLocaleString("en-US")} due reminders queued within ${QUEUE_BOUND_MS / 1000} s by two instances`,
    allQueuedMs !== null && allQueuedMs <= QUEUE_BOUND_MS,
    allQueuedMs === null
      ? `only ${queued} after ${QUEUE_BOUND_MS / 1000 + 5} s`
      : `all queued ${(allQueuedMs / 1000).toFixed(1)} s after the minute`,
  );
  check("duplicates", Number(counts!.duplicates) === 0, String(counts!.duplicates));
  check("misses (due and not queued, or queued and not due)", misses === 0, String(misses));

  // 2. A minute with nobody due, for a small and the full population.
  const quietAt = new Date(Date.now() + 6 * 3_600_000);
  const figures: Record<number, number> = {};
  for (const count of [SMALL, PEOPLE]) {
    await seed(count, 0, quietAt);
    figures[count] = await statementsPerIdleMinute();
    report(
      `  ${count.toLocaleString("en-US")} people, nobody due: ${figures[count]} SQL statements per minute`,
    );
  }
  check(
    "the scheduler's statements per minute with nobody due do not grow with the number of people",
    figures[SMALL] === figures[PEOPLE],
    `${figures[SMALL]} for ${SMALL.toLocaleString("en-US")}, ${figures[PEOPLE]} for ${PEOPLE.toLocaleString("en-US")}`,
  );
});
