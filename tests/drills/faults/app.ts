import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { addDays, todayIn, type CalendarDay } from "@/lib/tracker/calendar-day";
import { startInstance, type Instance } from "@/tests/support/cluster";
import { createInviter, uniqueAddress } from "@/tests/support/counseling";
import { createSignedInUser } from "@/tests/support/sign-in";
import { actionId, findState, type ActionState } from "@/tests/e2e/support/server-actions";
import type { DrillContext } from "./harness";

// The app as the drills drive it: production instances (`next start`) on the
// drill's PostgreSQL database, people signed in with real database sessions,
// and server actions called over HTTP exactly as the browser's forms call them.
// main.ts sets the environment (database, secrets) before this module loads.

export { PORTS } from "./ports";

/** What every instance gets beyond process.env (main.ts put the secrets there). */
const INSTANCE_ENV = {
  LOG_LEVEL: "warn",
  // The drills make many sign-ins and invitations from one address in seconds.
  SIGNIN_LIMIT_PER_IP: "100000",
  SIGNIN_LIMIT_PER_ADDRESS: "1000",
  INVITE_LIMIT_PER_DAY: "1000",
  INVITE_LIMIT_PER_RECIPIENT_WEEK: "1000",
  EMAIL_RETRY_BASE_MS: "200",
  EMAIL_MAX_ATTEMPTS: "40",
};

export async function startApp(
  context: DrillContext,
  port: number,
  env: Record<string, string>,
): Promise<Instance> {
  const instance = await startInstance({ port, env: { ...INSTANCE_ENV, ...env } });
  context.defer(async () => {
    await instance.stop("SIGKILL");
  });
  return instance;
}

/** The last lines an instance printed (for a failed check's detail). */
export function tail(instance: Instance, lines = 15): string {
  return instance.output().trim().split("\n").slice(-lines).join("\n");
}

export type Person = { id: string; email: string; cookie: string };

export async function signedInPeople(count: number): Promise<Person[]> {
  return Promise.all(
    Array.from({ length: count }, async () => {
      const { user, cookie } = await createSignedInUser({ email: uniqueAddress("drill") });
      return { id: user.id, email: user.email, cookie: `${cookie.name}=${cookie.value}` };
    }),
  );
}

/** People whose safety screen was clear and whose couples intake is in: ready to invite. */
export async function signedInInviters(count: number): Promise<Person[]> {
  const inviters: Person[] = [];
  // A few at a time: each is several transactions, and this process's pool is small.
  while (inviters.length < count) {
    const batch = Math.min(4, count - inviters.length);
    inviters.push(
      ...(await Promise.all(
        Array.from({ length: batch }, async () => {
          const inviter = await createInviter("inviter");
          const { cookie } = await createSignedInUser({ email: inviter.email });
          return { id: inviter.id, email: inviter.email, cookie: `${cookie.name}=${cookie.value}` };
        }),
      )),
    );
  }
  return inviters;
}

export type ActionResult = {
  status: number;
  state: ActionState | null;
  location: string | null;
  /** The request got no HTTP answer at all (connection refused or reset). */
  error?: string;
  ms: number;
};

export async function callAction(
  baseUrl: string,
  {
    page,
    file,
    action,
    fields,
    cookie,
  }: {
    page: string;
    file: string;
    action: string;
    fields: Record<string, string>;
    cookie?: string;
  },
  timeoutMs = 20_000,
): Promise<ActionResult> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(`_1_${name}`, value);
  form.append("0", JSON.stringify([{}, "$K1"]));
  const started = Date.now();
  try {
    const response = await fetch(`${baseUrl}${page}`, {
      method: "POST",
      headers: {
        "Next-Action": actionId(file, action),
        Accept: "text/x-component",
        Origin: baseUrl,
        ...(cookie ? { Cookie: cookie } : {}),
      },
      body: form,
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    const raw = Buffer.from(await response.arrayBuffer());
    return {
      status: response.status,
      state: findState(raw),
      location: response.headers.get("location") ?? response.headers.get("x-action-redirect"),
      ms: Date.now() - started,
    };
  } catch (error) {
    const cause = (error as Error & { cause?: { code?: string } }).cause;
    return {
      status: 0,
      state: null,
      location: null,
      error: cause?.code ?? (error as Error).name,
      ms: Date.now() - started,
    };
  }
}

/** How a write ended, as the person who pressed the button would see it. */
export type WriteOutcome =
  | "confirmed" // the success message (or redirect) came back
  | "refused" // "not saved, try again": the form's error, or the error page (500)
  | "no answer" // the connection failed: the browser shows its own error, nothing claims success
  | "unclear"; // anything else: a wrong message (e.g. "you are signed out") or an odd status

const NOT_SAVED = /not saved|nothing was saved|try again/i;

export function outcomeOf(result: ActionResult, confirmed: (r: ActionResult) => boolean) {
  if (confirmed(result)) return "confirmed" as const;
  if (result.status === 0) return "no answer" as const;
  if (
    result.state?.formError &&
    NOT_SAVED.test(result.state.formError) &&
    !/signed out/i.test(result.state.formError)
  )
    return "refused" as const;
  // A thrown action answers 500 and the page shows app/error.tsx ("Nothing was
  // saved ... Please try again"); nginx in front answers 502/503/504.
  if (result.status >= 500 && !result.state?.message) return "refused" as const;
  return "unclear" as const;
}

export function describe(result: ActionResult): string {
  return result.error
    ? `no answer (${result.error})`
    : `${result.status} ${JSON.stringify(result.state ?? result.location ?? "")}`.slice(0, 200);
}

// ---------------------------------------------------------------- check-ins --

export type CheckInWrite = { userId: string; day: CalendarDay; mood: number; missing: number };

/** The n-th distinct past day of a person (check-ins are keyed by person and day). */
export function pastDay(n: number): CalendarDay {
  return addDays(todayIn("UTC"), -n);
}

export function checkIn(baseUrl: string, person: Person, write: CheckInWrite) {
  return callAction(baseUrl, {
    page: "/progress/check-in",
    file: "lib/actions/check-ins.ts",
    action: "recordCheckIn",
    cookie: person.cookie,
    fields: {
      day: write.day,
      mood: String(write.mood),
      missing: String(write.missing),
      contact: "NONE",
      note: "",
      trigger: "",
    },
  });
}

export const checkInConfirmed = (r: ActionResult) =>
  r.status === 200 && /^Saved\./.test(r.state?.message ?? "");

/** Confirmed check-ins that are not in the database with the values the person saw saved. */
export async function missingCheckIns(
  confirmed: CheckInWrite[],
): Promise<{ missing: CheckInWrite[]; rows: number }> {
  const userIds = [...new Set(confirmed.map((w) => w.userId))];
  const rows = await db.checkIn.findMany({
    where: { userId: { in: userIds } },
    select: { userId: true, day: true, mood: true, missing: true },
  });
  const byKey = new Map<string, { mood: number; missing: number }[]>();
  for (const row of rows) {
    const key = `${row.userId}|${row.day.toISOString().slice(0, 10)}`;
    byKey.set(key, [...(byKey.get(key) ?? []), row]);
  }
  const missing = confirmed.filter((w) => {
    const found = byKey.get(`${w.userId}|${w.day}`) ?? [];
    return !(found.length === 1 && found[0]!.mood === w.mood && found[0]!.missing === w.missing);
  });
  return { missing, rows: rows.length };
}

// -------------------------------------------------------------- invitations --

export function invitePartner(baseUrl: string, inviter: Person, partnerEmail: string) {
  return callAction(baseUrl, {
    page: "/counseling/invite",
    file: "lib/actions/counseling.ts",
    action: "invitePartner",
    cookie: inviter.cookie,
    fields: {
      email: partnerEmail,
      inviterName: "Drill",
      message: "",
      requestKey: randomUUID(),
    },
  });
}

export const invitationConfirmed = (r: ActionResult) =>
  (r.status === 303 || r.status === 200) && (r.location ?? "").includes("invitation=sent");

export function revokeInvitation(baseUrl: string, inviter: Person, invitationId: string) {
  return callAction(baseUrl, {
    page: "/counseling",
    file: "lib/actions/counseling.ts",
    action: "revokeInvitation",
    cookie: inviter.cookie,
    fields: { invitationId },
  });
}

/**
 * Invitations of these inviters without the outbox row of their first email
 * (none of the drill's invitees is on the do-not-contact list, so every
 * invitation must have one: they are written in one transaction).
 */
export async function halfWrittenInvitations(inviterIds: string[]): Promise<number> {
  const invitations = await db.partnerInvitation.findMany({
    where: { inviterId: { in: inviterIds } },
    select: { id: true },
  });
  const mail = await db.outboxMessage.findMany({
    where: { dedupeKey: { in: invitations.map((i) => `partner-invitation:${i.id}:0`) } },
    select: { dedupeKey: true },
  });
  return invitations.length - new Set(mail.map((m) => m.dedupeKey)).size;
}

export async function invitationsOf(inviterIds: string[]) {
  return db.partnerInvitation.findMany({
    where: { inviterId: { in: inviterIds } },
    select: { id: true, inviterId: true, status: true },
  });
}

// ------------------------------------------------------------------ sign-in --

export function requestSignIn(baseUrl: string, email: string) {
  return callAction(baseUrl, {
    page: "/signin",
    file: "lib/actions/auth.ts",
    action: "requestSignInLink",
    fields: { email, callbackUrl: "/progress" },
  });
}

export const signInConfirmed = (r: ActionResult) =>
  (r.status === 303 || r.status === 200) && (r.location ?? "").includes("/signin/check-email");

/** Plain GET through an instance or nginx, for readers and probes. */
export async function get(
  url: string,
  { cookie, timeoutMs = 10_000 }: { cookie?: string; timeoutMs?: number } = {},
): Promise<{ status: number; location: string | null; error?: string; ms: number }> {
  const started = Date.now();
  try {
    const response = await fetch(url, {
      headers: cookie ? { Cookie: cookie } : {},
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.arrayBuffer();
    return {
      status: response.status,
      location: response.headers.get("location"),
      ms: Date.now() - started,
    };
  } catch (error) {
    const cause = (error as Error & { cause?: { code?: string } }).cause;
    return {
      status: 0,
      location: null,
      error: cause?.code ?? (error as Error).name,
      ms: Date.now() - started,
    };
  }
}

/**
 * First requests to a fresh `next start` are slow (routes load, code warms up):
 * one of each kind before the drill's clock starts, so a short window of writes
 * measures the fault, not the cold start.
 */
export async function warmUp(
  baseUrl: string,
  { invitations = false }: { invitations?: boolean } = {},
): Promise<void> {
  const [person] = await signedInPeople(1);
  await checkIn(baseUrl, person!, { userId: person!.id, day: pastDay(1), mood: 3, missing: 3 });
  await get(`${baseUrl}/progress`, { cookie: person!.cookie });
  if (invitations) {
    const [inviter] = await signedInInviters(1);
    await invitePartner(baseUrl, inviter!, uniqueAddress("warm-partner"));
  }
}
