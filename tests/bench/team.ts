// `npm run bench:team`: what the counseling team's pages cost to load with a
// busy inbox: 10,000 referrals and 100,000 messages on PostgreSQL.
//
// It creates a database of its own on the server in TEST_DATABASE_URL (or the
// local server at postgresql://postgres@127.0.0.1:5432/postgres), seeds it, and
// drops it at the end, on failure and on Ctrl-C alike. It times, in this
// process, through the app's own data functions:
//   - the inbox (a counselor's "new" page, a coordinator's "claimed by others"
//     page), first with 100 referrals, then with 10,000;
//   - one referral's data as its page needs it (openTeamReferral: the
//     referral, the access record, its busiest thread);
//   - beside each call, a baseline: one primary-key lookup just before it, the
//     floor on this machine at that moment (shared machines drift by minutes);
// and counts the SQL statements each sends (lib/db/query-log.ts).
//
// The targets (p95 <= 50 ms, <= 6 queries) are for rendered pages:
// these figures include every statement a render sends, but not the time
// React takes to turn the data into HTML.
import { randomBytes, randomUUID } from "node:crypto";
import os from "node:os";
import pg from "pg";
import { report, reportProblem, reportTable } from "../support/report";

const LOCAL_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres";
const REFERRALS = Number(process.env.BENCH_REFERRALS ?? 10_000);
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 100_000);
const SMALL = 100;
const WARMUP = Number(process.env.BENCH_WARMUP ?? 50);
const RUNS = Number(process.env.BENCH_RUNS ?? 400);
const COUNSELORS = 20;
const TARGETS = { p95Ms: 50, queries: 6, ratio: 1.5 };
const DAY = 24 * 60 * 60 * 1000;

process.env.TEST_DATABASE_URL ??= LOCAL_SERVER;
if (!(await reachable(process.env.TEST_DATABASE_URL))) {
  reportProblem(
    `bench:team needs PostgreSQL, and none answered at ${redacted(process.env.TEST_DATABASE_URL)}.\n` +
      "Set TEST_DATABASE_URL to a server it may create a database on, or start the local one.",
  );
  process.exit(2);
}

const { createPostgresDatabase } = await import("../support/test-database");
const database = await createPostgresDatabase("heartwork_bench_team");
Object.assign(process.env, {
  DATABASE_URL: database.url!,
  AUTH_SECRET: randomBytes(32).toString("base64url"),
  FIELD_ENCRYPTION_KEYS: `bench:${randomBytes(32).toString("base64")}`,
  DB_QUERY_LOG: "true", // counts statements; nothing is printed at LOG_LEVEL=silent
  LOG_LEVEL: "silent",
});

let cleaning: Promise<void> | undefined;
function cleanUp(): Promise<void> {
  return (cleaning ??= (async () => {
    try {
      const { disconnectDatabase } = await import("@/lib/db");
      await disconnectDatabase();
    } finally {
      await database.drop();
    }
  })());
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    reportProblem(`\n${signal}: dropping the benchmark database...`);
    void cleanUp().finally(() => process.exit(130));
  });
}

async function run() {
  const { listTeamInbox } = await import("@/lib/data/team-inbox");
  const { openTeamReferral } = await import("@/lib/data/team-referral");
  const { findActiveTeamMember } = await import("@/lib/data/team-members");
  const { createAuthAdapter, hashSessionToken } = await import("@/lib/data/auth-adapter");
  const { findTeamSession } = await import("@/lib/data/team-passkeys");
  const { sqlStatementCount } = await import("@/lib/db/query-log");
  const { db } = await import("@/lib/db");
  const adapter = createAuthAdapter();

  const seeder = await Seeder.open(database.url!);
  try {
    const team = await seeder.team();
    const [counselor, coordinator] = [team.counselors[0]!, team.coordinator];
    const tokens = new Map<string, string>();
    for (const userId of [counselor, coordinator]) {
      const token = randomBytes(32).toString("base64url");
      await db.session.create({
        data: {
          sessionToken: hashSessionToken(token),
          userId,
          expires: new Date(Date.now() + DAY),
          // Past the passkey, as /team/passkey records it.
          createdAt: new Date(Date.now() - 60_000),
          teamVerifiedAt: new Date(),
        },
      });
      tokens.set(userId, token);
    }

    /**
     * What a team page runs before it renders, in the order it runs it: the
     * session lookup (Auth.js through our adapter, as getCurrentUser does),
     * requireTeamPage's check of membership and passkey (findTeamSession),
     * then the page's own data function (which checks membership again),
     * under the per-request cache the server renderer installs for cache().
     */
    const page = <T>(userId: string, load: () => Promise<T>) =>
      inOneRender(async () => {
        const token = tokens.get(userId)!;
        const session = await adapter.getSessionAndUser!(token);
        if (!session) throw new Error("the benchmark session was not found");
        const team = await findTeamSession({ userId, sessionKey: hashSessionToken(token) });
        if (team?.status !== "verified") throw new Error("not a verified team session");
        const loaded = await load();
        if (!loaded) throw new Error("the page would answer 404");
        return loaded;
      });

    report(`Seeding ${SMALL} referrals...`);
    await seeder.referrals(SMALL, team);
    await seeder.analyze();
    // Each timed call follows a baseline call (one primary-key lookup through the
    // same client), so the figures can be read against the machine's load at
    // that very moment: on a shared machine, absolute times drift by minutes.
    const baseline = () => findActiveTeamMember({ userId: counselor });
    const measure = async (label: string, call: () => Promise<unknown>) => {
      for (let i = 0; i < WARMUP; i++) await call();
      const times: number[] = [];
      const floor: number[] = [];
      const queries: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        let started = performance.now();
        await baseline();
        floor.push(performance.now() - started);
        const before = sqlStatementCount();
        started = performance.now();
        await call();
        times.push(performance.now() - started);
        queries.push(sqlStatementCount() - before);
      }
      for (const list of [times, floor, queries]) list.sort((a, b) => a - b);
      return {
        label,
        p50: percentile(times, 0.5),
        p95: percentile(times, 0.95),
        floorP50: percentile(floor, 0.5),
        queries:
          queries[0] === queries.at(-1) ? `${queries[0]}` : `${queries[0]}-${queries.at(-1)}`,
        maxQueries: queries.at(-1)!,
      };
    };
    const inboxNew = () =>
      page(counselor, () => listTeamInbox({ userId: counselor, filter: "new" }));
    const inboxOthers = () =>
      page(coordinator, () => listTeamInbox({ userId: coordinator, filter: "others" }));
    const small = [
      await measure("/team, counselor, new", inboxNew),
      await measure("/team, coordinator, claimed by others", inboxOthers),
    ];

    report(`Seeding ${REFERRALS - SMALL} more referrals and ${MESSAGES} messages...`);
    const started = Date.now();
    await seeder.referrals(REFERRALS - SMALL, team);
    const busiest = await seeder.messages(MESSAGES, counselor);
    await seeder.analyze();
    report(`Seeded in ${((Date.now() - started) / 1000).toFixed(1)} s.`);

    const large = [
      await measure("/team, counselor, new", inboxNew),
      await measure("/team, coordinator, claimed by others", inboxOthers),
    ];
    const referralPage = (userId: string) => async () => {
      const opened = await page(userId, () => openTeamReferral({ userId, referralId: busiest.id }));
      if (!opened.thread.messages.length) throw new Error("the benchmark thread is empty");
    };
    const referrals = [
      await measure(
        "/team/referrals/[id], its holder (records the access, busiest thread)",
        referralPage(counselor),
      ),
      await measure(
        "/team/referrals/[id], coordinator (also the members to reassign to)",
        referralPage(coordinator),
      ),
    ];

    report(
      `\nThe counseling team's pages' data path on PostgreSQL (session lookup, requireTeamPage, ` +
        `the page's data function), in-process, ${RUNS} sequential calls each (after ${WARMUP} warm-up calls)`,
    );
    reportTable([
      ...small.map((row) => figures(`${SMALL} referrals`, row)),
      ...large.map((row) => figures(`${REFERRALS} referrals`, row)),
      ...referrals.map((row) =>
        figures(`${REFERRALS} referrals, ${busiest.messages} messages in its thread`, row),
      ),
    ]);
    const ratios = large.map((row, i) => row.p95 / small[i]!.p95);
    const worstP95 = Math.max(...large.map((r) => r.p95), ...referrals.map((r) => r.p95));
    const worstQueries = Math.max(
      ...large.map((r) => r.maxQueries),
      ...referrals.map((r) => r.maxQueries),
    );
    const check = (ok: boolean) => (ok ? "ok" : "MISSED");
    const relative = large.map(
      (row, i) => row.p50 / row.floorP50 / (small[i]!.p50 / small[i]!.floorP50),
    );
    report(
      `inbox at ${REFERRALS} / at ${SMALL} referrals: ` +
        large
          .map(
            (row, i) =>
              `${row.label}: p95 ${ratios[i]!.toFixed(2)}x, p50 against the baseline ${relative[i]!.toFixed(2)}x`,
          )
          .join("; "),
    );
    report(
      `baseline: one primary-key lookup through the same client, timed just before each call ` +
        `(load average now ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores)`,
    );
    report(
      `targets (the pages' data path; rendering the HTML is not included): ` +
        `p95 <= ${TARGETS.p95Ms} ms: ${worstP95.toFixed(1)} ${check(worstP95 <= TARGETS.p95Ms)}; ` +
        `<= ${TARGETS.queries} queries: ${worstQueries} ${check(worstQueries <= TARGETS.queries)}; ` +
        `inbox within ${TARGETS.ratio}x: ${Math.max(...ratios).toFixed(2)} ${check(Math.max(...ratios) <= TARGETS.ratio)}`,
    );
  } finally {
    await seeder.close();
  }
}

/**
 * Runs `work` under a per-request cache for React's cache(), as the server
 * renderer provides one for each render: the same dispatcher slot React reads
 * (`ReactSharedInternals.A`), with a fresh cache each time.
 */
async function inOneRender<T>(work: () => Promise<T>): Promise<T> {
  const React = await import("react");
  const internals = (
    React as unknown as {
      __SERVER_INTERNALS_DO_NOT_USE_OR_WARN_USERS_THEY_CANNOT_UPGRADE: { A: unknown };
    }
  ).__SERVER_INTERNALS_DO_NOT_USE_OR_WARN_USERS_THEY_CANNOT_UPGRADE;
  const caches = new Map<() => unknown, unknown>();
  internals.A = {
    getCacheForType: (create: () => unknown) => {
      if (!caches.has(create)) caches.set(create, create());
      return caches.get(create);
    },
    cacheSignal: () => null,
  };
  try {
    return await work();
  } finally {
    internals.A = null;
  }
}

function figures(
  data: string,
  row: { label: string; p50: number; p95: number; floorP50: number; queries: string },
): Record<string, string> {
  return {
    data,
    call: row.label,
    "p50 ms": row.p50.toFixed(2),
    "p95 ms": row.p95.toFixed(2),
    "SQL per call": row.queries,
    "baseline p50 ms": row.floorP50.toFixed(2),
    "p50 / baseline": (row.p50 / row.floorP50).toFixed(2),
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

function redacted(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}

type Team = { counselors: string[]; coordinator: string };

/**
 * Writes the synthetic data straight into the tables in large batches (the
 * data functions would take an hour for this much), with the same shapes the
 * app writes: ciphertext from the app's own field encryption, bound to the
 * same owner, column and row.
 */
class Seeder {
  private made = 0;
  private claimedIds: Array<{ id: string; userId: string; couples: boolean }> = [];

  private constructor(
    private readonly client: pg.Client,
    private readonly seal: (text: string, userId: string, field: string, row: string) => string,
  ) {}

  static async open(url: string): Promise<Seeder> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { encryptField } = await import("@/lib/crypto/field-encryption");
    return new Seeder(client, (text, userId, field, row) =>
      encryptField(text, { userId, field, row }),
    );
  }

  async close() {
    await this.client.end();
  }

  async analyze() {
    await this.client.query("ANALYZE");
  }

  private async users(count: number, label: string): Promise<string[]> {
    const ids = Array.from({ length: count }, () => randomUUID());
    for (let i = 0; i < ids.length; i += 5_000) {
      const chunk = ids.slice(i, i + 5_000);
      await this.client.query(
        `INSERT INTO "User" ("id", "email", "updatedAt")
         SELECT id, $2 || '-' || id || '@bench.example', now() FROM unnest($1::text[]) AS id`,
        [chunk, label],
      );
    }
    return ids;
  }

  async team(): Promise<Team> {
    const counselors = await this.users(COUNSELORS, "counselor");
    const [coordinator] = await this.users(1, "coordinator");
    await this.client.query(
      `INSERT INTO "TeamMember" ("userId", "role", "displayName", "updatedAt")
       SELECT id, CASE WHEN id = $2 THEN 'coordinator' ELSE 'counselor' END::"TeamRole",
              'Member', now()
         FROM unnest($1::text[]) AS id`,
      [[...counselors, coordinator], coordinator],
    );
    return { counselors, coordinator: coordinator! };
  }

  /** Referrals: 40% new, 40% claimed (spread over the counselors), 20% closed; a third couples with the partner joined. */
  async referrals(count: number, team: Team) {
    const owners = await this.users(count, "person");
    const partners = await this.users(Math.ceil(count / 3), "partner");
    const now = Date.now();
    const rows = owners.map((userId, i) => {
      const n = this.made + i;
      const id = randomBytes(16).toString("base64url");
      const couples = n % 3 === 0;
      const phone = n % 3 === 1;
      const state = n % 5 < 2 ? "NEW" : n % 5 < 4 ? "CLAIMED" : "CLOSED";
      const claimedBy = state === "NEW" ? null : team.counselors[Math.floor(n / 5) % COUNSELORS]!;
      if (state !== "NEW") this.claimedIds.push({ id, userId, couples });
      return {
        id,
        userId,
        format: couples ? "COUPLES" : "INDIVIDUAL",
        contact: phone ? "PHONE" : "EMAIL",
        phone: phone ? this.seal("+1 555 010 0000", userId, "CounselingReferral.phone", id) : null,
        note: this.seal(
          `Referral ${n}: what brought us here, in a few sentences of private words.`,
          userId,
          "CounselingReferral.note",
          id,
        ),
        shareNote: n % 2 === 0,
        // Spread over a year, newest last, so the inbox's order is the seeding order reversed.
        submittedAt: new Date(now - (REFERRALS - n) * 50 * 60 * 1000).toISOString(),
        partnerId: couples ? partners[Math.floor(i / 3)]! : null,
        state,
        claimedBy,
        closedAt: state === "CLOSED" ? new Date(now - (n % 60) * DAY).toISOString() : null,
      };
    });
    this.made += count;
    for (let i = 0; i < rows.length; i += 2_000) {
      const chunk = rows.slice(i, i + 2_000);
      const column = <K extends keyof (typeof rows)[number]>(key: K) => chunk.map((r) => r[key]);
      await this.client.query(
        `INSERT INTO "CounselingReferral"
           ("id", "userId", "screenOutcome", "screenedAt", "format", "focuses", "preferredTimes",
            "contactMethod", "phone", "safeToLeaveMessage", "note", "shareFocuses", "shareNote",
            "intakeSubmittedAt", "partnerId", "partnerLinkedAt", "partnerScreenOutcome",
            "partnerScreenedAt", "state", "claimedById", "claimedAt", "closedAt", "closeOutcome",
            "updatedAt")
         SELECT r.id, r.user_id, 'CLEAR', r.submitted_at, r.format::"CounselingFormat",
                '{COMMUNICATION,TRUST}', '{WEEKDAY_EVENING,WEEKEND}',
                r.contact::"CounselingContact", r.phone, r.contact = 'PHONE', r.note, true,
                r.share_note, r.submitted_at, r.partner_id,
                CASE WHEN r.partner_id IS NULL THEN NULL ELSE r.submitted_at END,
                CASE WHEN r.partner_id IS NULL THEN NULL ELSE 'CLEAR'::"SafetyScreenOutcome" END,
                CASE WHEN r.partner_id IS NULL THEN NULL ELSE r.submitted_at END,
                r.state::"ReferralState", r.claimed_by,
                CASE WHEN r.claimed_by IS NULL THEN NULL ELSE r.submitted_at END,
                r.closed_at,
                CASE WHEN r.closed_at IS NULL THEN NULL ELSE 'COUNSELING_STARTED'::"ReferralOutcome" END,
                now()
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                       $7::bool[], $8::timestamp[], $9::text[], $10::text[], $11::text[],
                       $12::timestamp[])
             AS r(id, user_id, format, contact, phone, note, share_note, submitted_at,
                  partner_id, state, claimed_by, closed_at)`,
        [
          column("id"),
          column("userId"),
          column("format"),
          column("contact"),
          column("phone"),
          column("note"),
          column("shareNote"),
          column("submittedAt"),
          column("partnerId"),
          column("state"),
          column("claimedBy"),
          column("closedAt"),
        ],
      );
    }
  }

  /**
   * Messages over the claimed and closed referrals; the newest referral the
   * benchmark counselor holds gets a long thread of its own (the heavy page).
   */
  async messages(count: number, counselor: string) {
    const held = await this.client.query<{ id: string; userId: string }>(
      `SELECT "id", "userId" FROM "CounselingReferral"
        WHERE "claimedById" = $1 AND "state" = 'CLAIMED'
        ORDER BY "intakeSubmittedAt" DESC LIMIT 1`,
      [counselor],
    );
    const busiest = held.rows[0]!;
    const busiestMessages = 150;
    const targets = this.claimedIds.filter((r) => r.id !== busiest.id);
    let written = 0;
    let batch: Array<[string, string, string, string, string, string]> = [];
    const flush = async () => {
      if (batch.length === 0) return;
      await this.client.query(
        `INSERT INTO "CounselingMessage"
           ("id", "referralId", "thread", "authorKind", "text", "requestKey", "createdAt")
         SELECT m.id, m.referral_id, m.thread::"MessageThread", m.author::"MessageAuthor", m.text,
                m.id, m.created_at
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamp[])
             AS m(id, referral_id, thread, author, text, created_at)`,
        [0, 1, 2, 3, 4, 5].map((k) => batch.map((row) => row[k])),
      );
      batch = [];
    };
    const add = async (referral: { id: string; userId: string }, thread: string, k: number) => {
      const id = `${(Date.now() + written).toString(36).padStart(9, "0")}${randomBytes(8).toString("hex")}`;
      const author = k % 2 === 0 ? "TEAM" : thread === "PARTNER" ? "PARTNER" : "PERSON";
      const text = this.seal(
        `Message ${k}: a few sentences of a private conversation about how things are going.`,
        referral.userId,
        "CounselingMessage.text",
        `${referral.id}:${id}`,
      );
      batch.push([
        id,
        referral.id,
        thread,
        author,
        text,
        new Date(Date.now() - (count - written) * 1000).toISOString(),
      ]);
      written++;
      if (batch.length >= 2_000) await flush();
    };
    for (let k = 0; k < busiestMessages; k++) await add(busiest, "PERSON", k);
    for (let i = 0; written < count; i++) {
      const referral = targets[i % targets.length]!;
      const threads = referral.couples ? ["PERSON", "PARTNER", "SHARED"] : ["PERSON"];
      await add(referral, threads[i % threads.length]!, i);
    }
    await flush();
    return { id: busiest.id, messages: busiestMessages };
  }
}

// Last: the class above must be initialized before the run uses it.
try {
  const { withSqlExecutor } = await import("@/lib/db/connection");
  const { migrate } = await import("@/lib/db/migrate");
  await withSqlExecutor((sql) => migrate(sql));
  await run();
} finally {
  await cleanUp();
}
