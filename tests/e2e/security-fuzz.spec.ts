import fc from "fast-check";
import { JOIN_DETAIL_MAX_LENGTH, JOIN_KINDS, SESSION_OUTCOMES } from "@/lib/booking/rules";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { coverage } from "../security/coverage/fuzz";
import type { SmtpCatcher } from "../support/smtp-catcher";
import { databaseUrl, snapshotDatabase, type DatabaseSnapshot } from "./support/database-snapshot";
import { expect, test } from "./support/fixtures";
import {
  asObject,
  describeCase,
  formCase,
  hostileString,
  XSS_PAYLOADS,
  type Fields,
} from "./support/fuzz-values";
import { expectRendersAsText, watchedPage } from "./support/renders-as-text";
import { fetchAction } from "./support/server-actions";
import { signInWithEmail, uniqueEmail } from "./support/sign-in";
import { dayOffset, exportJson, todayUtc } from "./support/tracker";
import {
  COUNSELING_CONTACTS,
  COUNSELING_FOCUSES,
  COUNSELING_FORMATS,
  COUNSELING_TIMES,
} from "@/lib/counseling/intake";
import { SAFETY_ANSWERS, SAFETY_QUESTIONS } from "@/lib/counseling/safety-screen";
import {
  CLOSING_OUTCOMES,
  MESSAGE_MAX_LENGTH,
  MESSAGE_THREADS,
  RESOURCES_MAX_LENGTH,
} from "@/lib/counseling/team";
import { ACTION_BODY_LIMIT_BYTES } from "@/lib/security/action-body";
import { CONTACT_KINDS, MEMORY_KINDS, REACH_OUT_FEELINGS } from "@/lib/tracker/scales";
import { deleteAccountSchema, displayNameSchema } from "@/lib/validations/account";
import { checkInSchema } from "@/lib/validations/check-in";
import {
  counselingContactSchema,
  counselingIntakeSchema,
  invitePartnerSchema,
  ownSafetyScreenSchema,
  withdrawRequestSchema,
} from "@/lib/validations/counseling";
import { activitySchema, goalSchema } from "@/lib/validations/goal";
import { hardDateSchema, valentinesOfferSchema } from "@/lib/validations/hard-date";
import { memorySchema } from "@/lib/validations/memory";
import { noInputSchema } from "@/lib/validations/no-input";
import { reachOutSchema } from "@/lib/validations/reach-out";
import { reminderSettingsSchema } from "@/lib/validations/reminders";
import { startTextPauseSchema } from "@/lib/validations/text-pause";
import { signInRequestSchema } from "@/lib/validations/sign-in";
import { trackerSettingsSchema } from "@/lib/validations/tracker-settings";
import { WELCOME_STEPS, welcomeSchema } from "@/lib/validations/welcome";
import { report } from "../support/report";
import { INVITATION_SUBJECT } from "@/lib/counseling/invitation-subject";

// Issue 8, item 3: every server action and route handler gets random, invalid,
// oversized and hostile input (fast-check, fixed seed) over raw HTTP against
// the production server, many requests in flight at once. For each: never a
// 500, the server stays healthy, refused input writes nothing (database row
// counts and checksums on PostgreSQL; the person's own export and pages on
// both databases), and stored hostile text renders as text in a real browser.
//
// The table below is keyed by the ids of tests/security/coverage/fuzz.ts, which
// the inventory test (issue 8, item 1) checks against the code: a new action
// fails the inventory until it is listed there, and once listed it fails here
// until it has a row in this table.

const SEED = 20261126;
/** Cases per action with a session, and without one. */
const RUNS_SIGNED_IN = 120;
const RUNS_SIGNED_OUT = 40;
const CONCURRENCY = 8;

/**
 * React's reply encoding lets anyone call an action with any arguments, not
 * only (previous state, FormData): none, a string, a number, an object, the
 * form where the state goes. "$K1" is the FormData of the request.
 */
const WRONG_ARGUMENTS = [
  [],
  ["$K1"],
  ["$K1", "$K1"],
  [{}, "name=x"],
  [{}, 42],
  [{}, null],
  [{}, { name: "x", get: "x" }],
  [{}, ["name", "x"]],
  [null, {}],
  ["$K1", { __proto__: { polluted: 1 } }],
].map((args) => JSON.stringify(args));

const today = todayUtc(); // fresh accounts follow UTC until they choose a zone
const ANY_TOKEN = "A".repeat(43);

// ----------------------------------------------------------- valid values --

const text = (max: number) =>
  fc.oneof(
    fc.constantFrom(...XSS_PAYLOADS),
    fc.string({ minLength: 1, maxLength: Math.min(max, 60) }),
  );
const requestKey = fc.uuid();
const pastDay = fc.integer({ min: 0, max: 3_000 }).map((n) => dayOffset(-n));
const rowId = fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/);
const token = fc.stringMatching(/^[A-Za-z0-9_-]{43}$/);
const email = fc.emailAddress().filter((a) => a.length < 200);
const keysOf = (record: Record<string, string>) => Object.keys(record) as [string, ...string[]];

// ---------------------------------------------------------------- the table --

/** Who calls the action in the signed-in pass: the tracker person, the counseling inviter, or nobody. */
type Caller = "tracker" | "counseling" | "nobody";

type ActionEntry = {
  /** A page that uses the action (any page dispatches any action; this one is the natural one). */
  page: string;
  /** The fields the action's form has. */
  names: readonly string[];
  /** Values its form would send (hostile text included wherever text is allowed). */
  valid: fc.Arbitrary<Record<string, string>>;
  /** True when the action acts on this input (and so may write); false: it must write nothing. */
  acts: (fields: Fields) => boolean;
  caller: Caller;
  /** Also acts without a session (the sign-in form, the invitation page's buttons). */
  public?: boolean;
  /** Never send input it acts on (deleting the account would end the run). */
  onlyRefused?: boolean;
  /**
   * The one answer it gives every caller, link real or not, so that nobody can
   * learn whether an address or a link exists (SECURITY.md 4): refused input
   * may carry this message and no other.
   */
  answersAlike?: string;
  /** A plain <form action={fn}>: the FormData is the only argument (no previous state). */
  formOnly?: boolean;
};

const strictParse = (schema: { safeParse: (v: unknown) => { success: boolean } }) => (f: Fields) =>
  schema.safeParse(asObject(f)).success;
const never = () => false;
const SCREEN = ["afraid", "hurt", "threatened", "controlled"] as const;
const screenAnswers = fc.record(
  Object.fromEntries(SCREEN.map((q) => [q, fc.constantFrom(...SAFETY_ANSWERS)])) as Record<
    (typeof SCREEN)[number],
    fc.Arbitrary<string>
  >,
);
const INTAKE_SCALARS = [
  "format",
  "note",
  "contactMethod",
  "phone",
  "safeToLeaveMessage",
  "shareFocuses",
  "shareNote",
] as const;
const INVITE = ["email", "inviterName", "message", "requestKey"] as const;

const A = (file: string, name: string) => `action:lib/actions/${file}#${name}`;

const ACTIONS: Record<string, ActionEntry> = {
  [A("account.ts", "saveDisplayName")]: {
    page: "/account",
    names: ["name"],
    valid: fc.record({ name: text(80) }),
    acts: strictParse(displayNameSchema),
    caller: "tracker",
  },
  [A("account.ts", "signOutEverywhere")]: {
    page: "/account",
    names: [],
    valid: fc.constant({}),
    acts: never,
    formOnly: true,
    caller: "nobody", // with a session it ends every session: fuzzed without one
  },
  [A("account.ts", "requestFreshSignIn")]: {
    page: "/account",
    names: [],
    valid: fc.constant({}),
    acts: strictParse(noInputSchema), // takes no input: a form with fields is refused
    caller: "tracker",
  },
  [A("account.ts", "deleteMyAccount")]: {
    page: "/account",
    names: ["confirmation"],
    valid: fc.record({ confirmation: fc.constantFrom("delete my account", " DELETE MY ACCOUNT ") }),
    acts: strictParse(deleteAccountSchema),
    caller: "tracker",
    onlyRefused: true,
  },
  [A("auth.ts", "requestSignInLink")]: {
    page: "/signin",
    names: ["email", "callbackUrl"],
    valid: fc.record({
      email,
      callbackUrl: fc.constantFrom("/progress", "//evil.example", "javascript:alert(1)"),
    }),
    acts: strictParse(signInRequestSchema),
    caller: "tracker",
    public: true,
  },
  [A("auth.ts", "signOutAction")]: {
    page: "/account",
    names: [],
    valid: fc.constant({}),
    acts: never,
    formOnly: true,
    caller: "nobody",
  },
  [A("check-ins.ts", "recordCheckIn")]: {
    page: "/progress/check-in",
    names: ["day", "mood", "missing", "contact", "note", "trigger"],
    valid: fc.record({
      day: pastDay,
      mood: fc.integer({ min: 1, max: 5 }).map(String),
      missing: fc.integer({ min: 0, max: 10 }).map(String),
      contact: fc.constantFrom(...CONTACT_KINDS),
      note: text(5000),
      trigger: text(500),
    }),
    acts: strictParse(checkInSchema(today)),
    caller: "tracker",
  },
  [A("counseling.ts", "submitSafetyScreen")]: {
    page: "/counseling/screen",
    names: [...SCREEN, "for"],
    // "for": the person's own choice of counseling for me or for us, carried on.
    valid: fc
      .tuple(screenAnswers, fc.constantFrom("me", "us"))
      .map(([answers, choice]) => ({ ...answers, for: choice })),
    acts: strictParse(ownSafetyScreenSchema),
    caller: "tracker",
  },
  [A("counseling.ts", "submitPartnerSafetyScreen")]: {
    page: "/counseling",
    names: [...SCREEN, "referralId"],
    valid: fc
      .tuple(screenAnswers, rowId)
      .map(([answers, referralId]) => ({ ...answers, referralId })),
    acts: never, // random referral ids: never one this person joined
    caller: "tracker",
  },
  [A("counseling.ts", "submitIntake")]: {
    page: "/counseling/intake",
    names: [...INTAKE_SCALARS, "focuses", "preferredTimes"],
    valid: fc.record({
      format: fc.constantFrom(...keysOf(COUNSELING_FORMATS)),
      note: text(1000),
      contactMethod: fc.constantFrom(...keysOf(COUNSELING_CONTACTS)),
      phone: fc.constantFrom("+1 555 123 4567", "", "12"),
      focuses: fc.constantFrom(...keysOf(COUNSELING_FOCUSES)),
      preferredTimes: fc.constantFrom(...keysOf(COUNSELING_TIMES)),
    }),
    // The pipeline hands a checkbox group with one tick to the schema as a list.
    acts: (f) => {
      const input = asObject(f);
      for (const list of ["focuses", "preferredTimes"]) {
        if (list in input && !Array.isArray(input[list])) input[list] = [input[list]];
      }
      return counselingIntakeSchema.safeParse(input).success;
    },
    caller: "counseling",
  },
  [A("counseling.ts", "invitePartner")]: {
    page: "/counseling/invite",
    names: INVITE,
    valid: fc.record({
      email,
      inviterName: fc.constantFrom("Sam", "Zoë O'Neil", "José-María", "سارا"),
      message: text(500),
      requestKey,
    }),
    acts: strictParse(invitePartnerSchema),
    caller: "counseling",
  },
  [A("counseling.ts", "resendInvitation")]: {
    page: "/counseling",
    names: ["invitationId"],
    valid: fc.record({ invitationId: rowId }),
    acts: never,
    caller: "counseling",
  },
  [A("counseling.ts", "revokeInvitation")]: {
    page: "/counseling",
    names: ["invitationId"],
    valid: fc.record({ invitationId: rowId }),
    acts: never,
    caller: "counseling",
  },
  // The person's side of a sent request (issue 14, team-person).
  [A("counseling.ts", "changeContactDetails")]: {
    page: "/counseling",
    names: ["contactMethod", "phone", "safeToLeaveMessage", "preferredTimes"],
    valid: fc.record({
      contactMethod: fc.constantFrom(...keysOf(COUNSELING_CONTACTS)),
      phone: fc.constantFrom("+1 555 123 4567", "", "12", XSS_PAYLOADS[0]!),
      preferredTimes: fc.constantFrom(...keysOf(COUNSELING_TIMES)),
    }),
    acts: (f) => {
      const input = asObject(f);
      if ("preferredTimes" in input && !Array.isArray(input.preferredTimes)) {
        input.preferredTimes = [input.preferredTimes];
      }
      return counselingContactSchema.safeParse(input).success;
    },
    caller: "counseling",
  },
  [A("counseling.ts", "withdrawRequest")]: {
    page: "/counseling",
    names: ["confirm"],
    valid: fc.constant({ confirm: "on" }),
    acts: strictParse(withdrawRequestSchema),
    caller: "counseling",
    // Withdrawing closes the inviter's referral, which the later cases need open;
    // tests/e2e/counseling-person.spec.ts withdraws through the page.
    onlyRefused: true,
  },
  [A("goals.ts", "addGoal")]: {
    page: "/progress/goals",
    names: ["title", "note", "targetDate", "requestKey"],
    valid: fc.record({
      title: text(200),
      note: text(2000),
      targetDate: fc.oneof(pastDay, fc.constant("")),
      requestKey,
    }),
    acts: strictParse(goalSchema),
    caller: "tracker",
  },
  [A("goals.ts", "markGoal")]: {
    page: "/progress/goals",
    names: ["id", "done"],
    valid: fc.record({ id: rowId, done: fc.constantFrom("true", "false") }),
    acts: never, // random ids: never one of this person's goals
    caller: "tracker",
  },
  [A("goals.ts", "removeGoal")]: {
    page: "/progress/goals",
    names: ["id"],
    valid: fc.record({ id: rowId }),
    acts: never,
    caller: "tracker",
  },
  [A("goals.ts", "addActivity")]: {
    page: "/progress/goals",
    names: ["title", "day", "requestKey"],
    valid: fc.record({ title: text(200), day: pastDay, requestKey }),
    acts: strictParse(activitySchema(today)),
    caller: "tracker",
  },
  [A("goals.ts", "removeActivity")]: {
    page: "/progress/goals",
    names: ["id"],
    valid: fc.record({ id: rowId }),
    acts: never,
    caller: "tracker",
  },
  [A("hard-dates.ts", "addHardDate")]: {
    page: "/progress/hard-dates",
    names: ["label", "month", "day", "plan", "requestKey"],
    valid: fc.record({
      label: text(100),
      month: fc.integer({ min: 1, max: 12 }).map(String),
      day: fc.integer({ min: 1, max: 31 }).map(String),
      plan: text(1000),
      requestKey,
    }),
    acts: strictParse(hardDateSchema),
    caller: "tracker",
  },
  [A("welcome.ts", "answerWelcome")]: {
    page: "/progress",
    names: ["step", "timeZone", "breakupDate", "reminders"],
    valid: fc.record({
      step: fc.constantFrom(...WELCOME_STEPS, "skip"),
      timeZone: fc.constantFrom("UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata"),
      breakupDate: fc.oneof(pastDay, fc.constant("")),
      reminders: fc.constantFrom("yes", "no"),
    }),
    acts: strictParse(welcomeSchema(today)),
    caller: "tracker",
  },
  [A("hard-dates.ts", "answerValentines")]: {
    page: "/progress/hard-dates",
    names: ["answer", "requestKey"],
    valid: fc.record({ answer: fc.constantFrom("add", "decline"), requestKey }),
    acts: strictParse(valentinesOfferSchema),
    caller: "tracker",
  },
  [A("hard-dates.ts", "removeHardDate")]: {
    page: "/progress/hard-dates",
    names: ["id"],
    valid: fc.record({ id: rowId }),
    acts: never,
    caller: "tracker",
  },
  [A("reminders.ts", "updateReminderSettings")]: {
    page: "/progress/reminders",
    names: ["dailyEnabled", "dailyTime", "hardDatesEnabled", "hardDateDaysBefore"],
    valid: fc.record({
      dailyEnabled: fc.constant("on"),
      dailyTime: fc.constantFrom("00:00", "07:30", "20:00", "23:59"),
      hardDatesEnabled: fc.constant("on"),
      hardDateDaysBefore: fc.integer({ min: 1, max: 30 }).map(String),
    }),
    acts: strictParse(reminderSettingsSchema),
    caller: "tracker",
  },
  [A("reminders.ts", "pauseRemindersForAWeek")]: {
    page: "/progress/reminders",
    names: [],
    valid: fc.constant({}),
    acts: strictParse(noInputSchema),
    caller: "tracker",
  },
  [A("reminders.ts", "resumeRemindersNow")]: {
    page: "/progress/reminders",
    names: [],
    valid: fc.constant({}),
    acts: strictParse(noInputSchema),
    caller: "tracker",
  },
  [A("text-pauses.ts", "beginTextPause")]: {
    page: "/progress/pause",
    names: ["draft", "trigger", "requestKey"],
    valid: fc.record({ draft: text(5000), trigger: text(500), requestKey }),
    acts: strictParse(startTextPauseSchema),
    caller: "tracker",
  },
  [A("text-pauses.ts", "finishTextPause")]: {
    page: "/progress/pause",
    names: ["id", "outcome"],
    valid: fc.record({
      id: rowId,
      outcome: fc.constantFrom("REACHED_OUT", "SLIPPED", "KEPT_DRAFT"),
    }),
    acts: never, // random ids: never one of this person's pauses
    caller: "tracker",
  },
  [A("text-pauses.ts", "removeTextPauseDraft")]: {
    page: "/progress/pause",
    names: ["id"],
    valid: fc.record({ id: rowId }),
    acts: never,
    caller: "tracker",
  },
  [A("invitations.ts", "acceptInvitation")]: {
    page: `/invitations/${ANY_TOKEN}`,
    names: ["token"],
    valid: fc.record({ token }),
    acts: never, // random tokens: never an open invitation
    caller: "tracker",
    public: true,
  },
  [A("invitations.ts", "declineInvitation")]: {
    page: `/invitations/${ANY_TOKEN}`,
    names: ["token", "note"],
    valid: fc.record({ token, note: text(500) }),
    acts: never,
    caller: "tracker",
    public: true,
  },
  [A("invitations.ts", "optOutOfAllInvitations")]: {
    page: `/invitations/${ANY_TOKEN}`,
    names: ["token"],
    valid: fc.record({ token }),
    acts: never,
    answersAlike: "Done. Heartwork will not send you invitations again, from anyone.",
    caller: "tracker",
    public: true,
  },
  [A("invitations.ts", "switchAccountForInvitation")]: {
    page: `/invitations/${ANY_TOKEN}`,
    names: ["token"],
    valid: fc.record({ token }),
    acts: never,
    formOnly: true,
    caller: "nobody", // with a session it signs out: fuzzed without one
  },
  [A("memories.ts", "addMemory")]: {
    page: "/progress/memories",
    names: ["kind", "text", "requestKey"],
    valid: fc.record({ kind: fc.constantFrom(...MEMORY_KINDS), text: text(2000), requestKey }),
    acts: strictParse(memorySchema),
    caller: "tracker",
  },
  [A("memories.ts", "removeMemory")]: {
    page: "/progress/memories",
    names: ["id"],
    valid: fc.record({ id: rowId }),
    acts: never,
    caller: "tracker",
  },
  // Edits: random ids are never one of this person's rows, so nothing may change.
  [A("memories.ts", "editMemory")]: {
    page: "/progress/memories",
    names: ["id", "kind", "text"],
    valid: fc.record({ id: rowId, kind: fc.constantFrom(...MEMORY_KINDS), text: text(2000) }),
    acts: never,
    caller: "tracker",
  },
  [A("goals.ts", "editGoal")]: {
    page: "/progress/goals",
    names: ["id", "title", "note", "targetDate"],
    valid: fc.record({
      id: rowId,
      title: text(200),
      note: text(2000),
      targetDate: fc.oneof(pastDay, fc.constant("")),
    }),
    acts: never,
    caller: "tracker",
  },
  [A("goals.ts", "editActivity")]: {
    page: "/progress/goals",
    names: ["id", "title", "day"],
    valid: fc.record({ id: rowId, title: text(200), day: pastDay }),
    acts: never,
    caller: "tracker",
  },
  [A("reach-outs.ts", "editReachOut")]: {
    page: "/progress/people",
    names: ["id", "who", "day", "feeling", "note"],
    valid: fc.record({
      id: rowId,
      who: text(100),
      day: pastDay,
      feeling: fc.constantFrom(...REACH_OUT_FEELINGS),
      note: text(2000),
    }),
    acts: never,
    caller: "tracker",
  },
  [A("hard-dates.ts", "editHardDate")]: {
    page: "/progress/hard-dates",
    names: ["id", "label", "month", "day", "plan"],
    valid: fc.record({
      id: rowId,
      label: text(100),
      month: fc.integer({ min: 1, max: 12 }).map(String),
      day: fc.integer({ min: 1, max: 28 }).map(String),
      plan: text(1000),
    }),
    acts: never,
    caller: "tracker",
  },
  // Undo: random tokens are never this person's removal.
  [A("removals.ts", "undoRemove")]: {
    page: "/progress/memories",
    names: ["token"],
    valid: fc.record({ token: rowId }),
    acts: never,
    caller: "tracker",
  },
  [A("reach-outs.ts", "addReachOut")]: {
    page: "/progress/people",
    names: ["who", "day", "feeling", "note", "requestKey"],
    valid: fc.record({
      who: text(100),
      day: pastDay,
      feeling: fc.constantFrom(...REACH_OUT_FEELINGS),
      note: text(2000),
      requestKey,
    }),
    acts: strictParse(reachOutSchema(today)),
    caller: "tracker",
  },
  [A("reach-outs.ts", "removeReachOut")]: {
    page: "/progress/people",
    names: ["id"],
    valid: fc.record({ id: rowId }),
    acts: never,
    caller: "tracker",
  },
  [A("tracker-export.ts", "requestExportSignIn")]: {
    page: "/progress/export",
    names: [],
    valid: fc.constant({}),
    acts: strictParse(noInputSchema),
    caller: "tracker",
  },
  [A("tracker-settings.ts", "updateTrackerSettings")]: {
    page: "/progress/settings",
    names: ["timeZone", "breakupDate"],
    valid: fc.record({
      timeZone: fc.constantFrom("UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata"),
      breakupDate: fc.oneof(pastDay, fc.constant("")),
    }),
    acts: strictParse(trackerSettingsSchema),
    caller: "tracker",
  },
  // The team's referral actions and the people's messages (issue 14). The
  // fuzzing callers are no team members and hold no referral by a fuzzed id,
  // so whatever they send is "not found" and writes nothing (a member's own
  // answers: tests/integration/team-inbox-actions.test.ts).
  [A("team-referrals.ts", "claimTeamReferral")]: {
    page: "/team",
    names: ["referralId"],
    valid: fc.record({ referralId: rowId }),
    acts: never,
    caller: "tracker",
  },
  [A("team-referrals.ts", "reassignTeamReferral")]: {
    page: "/team",
    names: ["referralId", "toUserId"],
    valid: fc.record({ referralId: rowId, toUserId: rowId }),
    acts: never,
    caller: "tracker",
  },
  [A("team-referrals.ts", "closeTeamReferral")]: {
    page: "/team",
    names: ["referralId", "outcome", "resources"],
    valid: fc.record({
      referralId: rowId,
      outcome: fc.constantFrom(...CLOSING_OUTCOMES),
      resources: text(RESOURCES_MAX_LENGTH),
    }),
    acts: never,
    caller: "tracker",
  },
  // The first session (issue 15): the fuzzing caller is no team member and is
  // none of the people of any referral, so every booking act is "not found"
  // and writes nothing (the real acts: tests/integration/session-booking.test.ts).
  [A("session-booking.ts", "offerSessionTimesAction")]: {
    page: "/team",
    names: [
      "referralId",
      "timeZone",
      "joinKind",
      "joinDetail",
      "date1",
      "time1",
      "length1",
      "date2",
      "time2",
      "length2",
    ],
    valid: fc.record({
      referralId: rowId,
      timeZone: fc.constantFrom("UTC", "America/New_York", "Australia/Adelaide"),
      joinKind: fc.constantFrom(...JOIN_KINDS),
      joinDetail: text(JOIN_DETAIL_MAX_LENGTH),
      date1: fc.constant("2030-03-04"),
      time1: fc.constantFrom("09:00", "18:30"),
      length1: fc.constantFrom("15", "50", "240"),
      date2: fc.constant("2030-03-05"),
      time2: fc.constantFrom("09:00", "18:30"),
      length2: fc.constantFrom("15", "50", "240"),
    }),
    acts: never,
    caller: "tracker",
  },
  [A("session-booking.ts", "cancelTeamSessionAction")]: {
    page: "/team",
    names: ["sessionId"],
    valid: fc.record({ sessionId: rowId }),
    acts: never,
    caller: "tracker",
  },
  [A("session-booking.ts", "markSessionAction")]: {
    page: "/team",
    names: ["sessionId", "outcome"],
    valid: fc.record({ sessionId: rowId, outcome: fc.constantFrom(...SESSION_OUTCOMES) }),
    acts: never,
    caller: "tracker",
  },
  [A("session-booking.ts", "takeOfferedTimeAction")]: {
    page: "/counseling",
    names: ["offeredTimeId"],
    valid: fc.record({ offeredTimeId: rowId }),
    acts: never,
    caller: "tracker",
  },
  [A("session-booking.ts", "moveSessionAction")]: {
    page: "/counseling",
    names: ["sessionId", "offeredTimeId"],
    valid: fc.record({ sessionId: rowId, offeredTimeId: rowId }),
    acts: never,
    caller: "tracker",
  },
  [A("session-booking.ts", "cancelSessionAction")]: {
    page: "/counseling",
    names: ["sessionId"],
    valid: fc.record({ sessionId: rowId }),
    acts: never,
    caller: "tracker",
  },
  [A("team-referrals.ts", "sendTeamMessage")]: {
    page: "/team",
    names: ["referralId", "thread", "text", "requestKey"],
    valid: fc.record({
      referralId: rowId,
      thread: fc.constantFrom(...MESSAGE_THREADS),
      text: text(MESSAGE_MAX_LENGTH),
      requestKey: fc.uuid(),
    }),
    acts: never,
    caller: "tracker",
  },
  [A("counseling-messages.ts", "sendCounselingMessage")]: {
    page: "/counseling",
    names: ["referralId", "thread", "text", "requestKey"],
    valid: fc.record({
      referralId: rowId,
      thread: fc.constantFrom(...MESSAGE_THREADS),
      text: text(MESSAGE_MAX_LENGTH),
      requestKey: fc.uuid(),
    }),
    acts: never,
    caller: "counseling",
  },
  // The counselor's calendar feed (issue 15 item 6): the fuzzing caller is no
  // team member, so making or revoking a link is "not found" and writes nothing
  // (a member's own answers: tests/integration/team-agenda.test.ts).
  [A("agenda-feed.ts", "createAgendaFeedAction")]: {
    page: "/team/agenda",
    names: [],
    valid: fc.constant({}),
    acts: never,
    caller: "tracker",
  },
  [A("agenda-feed.ts", "revokeAgendaFeedAction")]: {
    page: "/team/agenda",
    names: [],
    valid: fc.constant({}),
    acts: never,
    caller: "tracker",
  },
  // The counselor's appointment reminders on the team's side: the fuzzing
  // caller is no team member, so it is "not found" and writes nothing (a
  // member's own answers: tests/integration/team-reminders-action.test.ts).
  [A("team-reminders.ts", "updateTeamAppointmentReminders")]: {
    page: "/team/agenda",
    names: ["sessionRemindersEnabled"],
    valid: fc.record({ sessionRemindersEnabled: fc.constant("on") }),
    acts: never,
    caller: "tracker",
  },
  // The team's passkey steps (issue 14). The fuzzing caller is no team member,
  // so whatever they send, the data layer answers "not found" and writes nothing
  // (a member's own answers: tests/integration/team-passkeys.test.ts).
  [A("team-passkey.ts", "teamPasskeyOptions")]: {
    page: "/team/passkey",
    names: [],
    valid: fc.constant({}),
    acts: never,
    caller: "tracker",
  },
  [A("team-passkey.ts", "finishTeamPasskeyAction")]: {
    page: "/team/passkey",
    names: ["purpose", "response"],
    valid: fc.record({
      purpose: fc.constantFrom("register", "verify"),
      response: fc.oneof(
        text(200),
        fc
          .record({
            id: rowId,
            rawId: rowId,
            type: fc.constant("public-key"),
            response: fc.record({
              clientDataJSON: rowId,
              attestationObject: rowId,
              authenticatorData: rowId,
              signature: rowId,
            }),
            clientExtensionResults: fc.constant({}),
          })
          .map((r) => JSON.stringify(r)),
      ),
    }),
    acts: never,
    caller: "tracker",
  },
};

// ------------------------------------------------------------------ routes --

type RouteCase = { path: string; init: RequestInit };
type RouteEntry = { cases: fc.Arbitrary<RouteCase> };

// Lone surrogates cannot be percent-encoded; invalid UTF-8 is sent as raw escapes instead.
const hostilePath = fc.oneof(
  hostileString.map((s) =>
    encodeURIComponent(s.slice(0, 300).replace(/[\uD800-\uDFFF]/g, "\uFFFD")),
  ),
  fc.constantFrom(
    "%ED%A0%80",
    "%00",
    "%E0%A4%A",
    "%",
    "..%2F..%2F",
    "%252e%252e",
    "%C0%AE",
    "a/b/c",
  ),
);
const hostileQuery = fc
  .dictionary(
    fc.constantFrom("callbackUrl", "token", "email", "error", "format", "x"),
    hostileString,
    {
      maxKeys: 3,
    },
  )
  .map((q) => {
    const params = new URLSearchParams();
    // Capped so redirects that carry the query (the emailed sign-in link) stay under
    // fetch's 16 KB header limit; the action fuzz above sends the oversized values.
    for (const [k, v] of Object.entries(q)) params.append(k, v.slice(0, 600));
    return `?${params}`;
  });
const hostileBody = fc.oneof(
  hostileString.map((s) => s as BodyInit),
  fc
    .dictionary(fc.constantFrom("token", "email", "callbackUrl", "csrfToken"), hostileString)
    .map((d) => new URLSearchParams(d) as BodyInit),
);
const headersFor = (origin: string) =>
  fc.constantFrom<Record<string, string>>(
    { Origin: origin },
    { Origin: "https://evil.example" },
    {},
    { Origin: origin, "Content-Type": "application/json" },
    { Origin: origin, "Content-Type": "application/x-www-form-urlencoded" },
    { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" },
    { Origin: origin, Cookie: "authjs.callback-url=%%%ZZ; authjs.csrf-token=<script>" },
    {
      Origin: origin,
      Cookie: "authjs.session-token=' OR '1'='1; authjs.callback-url=javascript:alert(1)",
    },
  );

function routes(origin: string): Record<string, RouteEntry> {
  const get = (paths: fc.Arbitrary<string>) =>
    fc
      .record({ path: paths, query: hostileQuery, headers: headersFor(origin) })
      .map(({ path, query, headers }) => ({
        path: path + query,
        init: { method: "GET", headers },
      }));
  const post = (paths: fc.Arbitrary<string>) =>
    fc
      .record({ path: paths, query: hostileQuery, body: hostileBody, headers: headersFor(origin) })
      .map(({ path, query, body, headers }) => ({
        path: path + query,
        init: { method: "POST", headers, body },
      }));
  const authActions = fc.oneof(
    fc.constantFrom(
      "session",
      "csrf",
      "callback/nodemailer",
      "callback/email",
      "signin",
      "signout",
      "providers",
    ),
    hostilePath,
  );
  return {
    "route:app/api/auth/[...nextauth]/route.ts#GET": {
      cases: get(authActions.map((a) => `/api/auth/${a}`)),
    },
    "route:app/api/auth/[...nextauth]/route.ts#POST": {
      cases: post(authActions.map((a) => `/api/auth/${a}`)),
    },
    "route:app/api/health/live/route.ts#GET": { cases: get(fc.constant("/api/health/live")) },
    "route:app/api/health/ready/route.ts#GET": { cases: get(fc.constant("/api/health/ready")) },
    // The one-click stop: random tokens are no one's, so nothing may change.
    "route:app/api/reminders/stop/route.ts#GET": {
      cases: get(fc.constant("/api/reminders/stop")),
    },
    "route:app/api/reminders/stop/route.ts#POST": {
      cases: post(fc.constant("/api/reminders/stop")),
    },
    // The counselor's calendar feed: random and hostile tokens are no one's.
    "route:app/team/agenda/feed/[token]/route.ts#GET": {
      cases: get(
        fc
          .oneof(
            fc.string({ unit: fc.constantFrom(..."AZaz09_-"), minLength: 43, maxLength: 43 }),
            hostilePath,
          )
          .map((t) => `/team/agenda/feed/${t}.ics`),
      ),
    },
    "route:app/progress/export/[format]/route.ts#POST": {
      cases: post(
        fc
          .oneof(fc.constantFrom("json", "csv", "JSON", "xml", "..%2f..%2fetc"), hostilePath)
          .map((f) => `/progress/export/${f}`),
      ),
    },
  };
}

// ---------------------------------------------------------------- helpers --

let casesRun = 0;

async function pool<T>(items: T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const runners = Array.from({ length: Math.min(CONCURRENCY, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(runners);
}

async function cookieOf(context: BrowserContext): Promise<string> {
  return (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
}

function idParts(id: string): { file: string; action: string } {
  const [, file, action] = /^action:(.+)#(.+)$/.exec(id)!;
  return { file: file!, action: action! };
}

function call(id: string, entry: ActionEntry, fields: Fields) {
  const args = entry.formOnly ? JSON.stringify(["$K1"]) : undefined;
  return { page: entry.page, ...idParts(id), fields, args };
}

function casesFor(id: string, entry: ActionEntry, runs: number, seedOffset: number): Fields[] {
  const cases = fc.sample(formCase(entry.names, entry.valid), {
    seed: SEED + seedOffset,
    numRuns: runs,
  });
  return entry.onlyRefused ? cases.filter((f) => !entry.acts(f)) : cases;
}

async function expectHealthy(baseURL: string, after: string): Promise<void> {
  const response = await fetch(new URL("/api/health/ready", baseURL));
  expect(response.status, `server unhealthy after ${after}`).toBe(200);
}

/** About how many bytes a case's form body carries (names and values, UTF-8). */
function caseBytes(fields: Fields): number {
  return fields.reduce(
    (sum, [name, value]) =>
      sum +
      Buffer.byteLength(name) +
      (typeof value === "string" ? Buffer.byteLength(value) : value.size),
    0,
  );
}

/** Sends refused input: every answer is calm (200, or a redirect) and says nothing was saved. */
async function sendRefused(
  baseURL: string,
  cookie: string,
  id: string,
  entry: ActionEntry,
  cases: Fields[],
) {
  await pool(cases, async (fields) => {
    const result = await fetchAction(baseURL, cookie, call(id, entry, fields));
    casesRun++;
    const what = `${id} ${describeCase(fields)}`;
    // A body past the server-action limit is refused whole (413) before any
    // parsing: as calm as a field error, and the snapshots still prove nothing
    // was written. Anything smaller must reach the action.
    const calm = caseBytes(fields) > ACTION_BODY_LIMIT_BYTES * 0.9 ? [200, 303, 413] : [200, 303];
    expect(calm, what).toContain(result.status);
    if (result.status === 200) {
      expect([undefined, entry.answersAlike], what).toContain(result.state?.message);
    }
  });
}

/** The wrong-arguments calls of an action (no form fields, odd argument lists). */
function wrongArgumentCalls(id: string, entry: ActionEntry) {
  return WRONG_ARGUMENTS.map((args) => ({ page: entry.page, ...idParts(id), fields: [], args }));
}

async function sendRaw(
  baseURL: string,
  cookie: string,
  calls: ReturnType<typeof wrongArgumentCalls>,
  refused: boolean,
  answersAlike?: string,
) {
  await pool(calls, async (raw) => {
    const result = await fetchAction(baseURL, cookie, raw);
    casesRun++;
    const what = `${raw.action}(${raw.args})`;
    expect([200, 303], what).toContain(result.status);
    if (refused && result.status === 200) {
      expect([undefined, answersAlike], what).toContain(result.state?.message);
    }
  });
}

async function sendAccepted(
  baseURL: string,
  cookie: string,
  id: string,
  entry: ActionEntry,
  cases: Fields[],
) {
  await pool(cases, async (fields) => {
    const result = await fetchAction(baseURL, cookie, call(id, entry, fields));
    casesRun++;
    expect([200, 303], `${id} ${describeCase(fields)}`).toContain(result.status);
  });
}

function expectSameDatabase(before: DatabaseSnapshot, after: DatabaseSnapshot, what: string) {
  for (const [table, state] of Object.entries(before)) {
    expect(after[table], `${what} changed table ${table}`).toEqual(state);
  }
  expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
}

/** What the app itself shows of a person's data: works on both databases. */
async function visibleState(tracker: Page, counseling: Page) {
  await tracker.goto("/account");
  const account = await tracker.locator("main").innerText();
  await counseling.goto("/counseling");
  const dashboard = await counseling.locator("main").innerText();
  return { tracker: await exportJson(tracker), account, dashboard };
}

// -------------------------------------------------------------- the tests --

/** Shared between the serial tests below. */
const people: { tracker?: Page; counseling?: Page; invitationPath?: string } = {};

async function signedInPage(
  browser: Browser,
  mail: SmtpCatcher,
  label: string,
  callbackUrl: string,
) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInWithEmail(page, mail, uniqueEmail(label), { callbackUrl });
  return page;
}

/** An inviter through the real UI: screened clear, intake in, one invitation sent with a hostile message. */
async function counselingInviter(browser: Browser, mail: SmtpCatcher) {
  const page = await signedInPage(browser, mail, "fuzz-inviter", "/counseling/screen");
  for (const question of SAFETY_QUESTIONS) {
    await page
      .getByRole("group", { name: question.text })
      .getByLabel("No", { exact: true })
      .check();
  }
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/counseling$/);
  await page.goto("/counseling/intake");
  await page.getByLabel("Trust").check();
  await page.getByLabel("Weekends").check();
  await page.getByLabel("Anything else you would like a counselor to know?").fill(XSS_PAYLOADS[0]!);
  await page.getByRole("button", { name: "Send my request" }).click();
  await expect(page.getByRole("heading", { name: "Your request is in" })).toBeVisible();
  const partner = uniqueEmail("fuzz-partner");
  await page.goto("/counseling/invite");
  await page.getByLabel("Your partner's email address").fill(partner);
  await page.getByLabel("Your name, as your partner knows you").fill("Sam");
  await page.getByLabel("A short personal message (optional)").fill(XSS_PAYLOADS[4]!);
  await page.getByRole("button", { name: "Send the invitation" }).click();
  await expect(page.getByText("Your invitation is on its way.")).toBeVisible();
  const message = await mail.waitForMessage(
    (m) => m.to === partner && m.subject === INVITATION_SUBJECT,
  );
  const link = message.links.find((l) => l.includes("/invitations/"));
  if (!link) throw new Error("no invitation link in the email");
  return { page, invitationPath: new URL(link).pathname };
}

test.describe.configure({ mode: "serial" });

test.describe("security fuzz: every action and route, hostile input over HTTP", () => {
  test("the table fuzzes exactly the ids listed in tests/security/coverage/fuzz.ts", () => {
    const tabled = [...Object.keys(ACTIONS), ...Object.keys(routes("http://x"))].sort();
    expect(tabled).toEqual([...coverage.covers].sort());
    expect(coverage.kinds).toEqual(["action", "route"]);
  });

  test("every action: no 500, server healthy, refused input writes nothing (signed in and out)", async ({
    browser,
    mail,
    baseURL,
  }) => {
    test.setTimeout(480_000);
    const started = Date.now();
    const origin = baseURL!;
    const tracker = await signedInPage(browser, mail, "fuzz-tracker", "/progress");
    const inviter = await counselingInviter(browser, mail);
    people.tracker = tracker;
    people.counseling = inviter.page;
    people.invitationPath = inviter.invitationPath;
    const cookies: Record<Caller, string> = {
      tracker: await cookieOf(tracker.context()),
      counseling: await cookieOf(inviter.page.context()),
      nobody: "",
    };
    const dbUrl = databaseUrl();
    const snapshot = async () => {
      if (!dbUrl) return {};
      const tables = await snapshotDatabase(dbUrl);
      expect(Object.keys(tables)).toEqual(
        expect.arrayContaining(["User", "Memory", "PartnerInvitation"]),
      );
      return tables;
    };
    const databaseBefore = await snapshot();

    // Refused input first, while the database is quiet, action by action.
    const visibleBefore = await visibleState(tracker, inviter.page);
    const accepted: Array<[string, Fields[]]> = [];
    let index = 0;
    for (const [id, entry] of Object.entries(ACTIONS)) {
      index++;
      const cases = entry.caller === "nobody" ? [] : casesFor(id, entry, RUNS_SIGNED_IN, index);
      const refused = cases.filter((f) => !entry.acts(f));
      accepted.push([id, cases.filter((f) => entry.acts(f))]);
      const before = await snapshot();
      await sendRefused(origin, cookies[entry.caller], id, entry, refused);
      // Without a session: only what an anonymous visitor may do acts.
      const anonymous = casesFor(id, entry, RUNS_SIGNED_OUT, 1_000 + index).filter(
        (f) => !(entry.public && entry.acts(f)),
      );
      await sendRefused(origin, "", id, entry, anonymous);
      // Odd argument lists: refused by every action that takes input.
      if (!entry.acts([])) {
        const calls = wrongArgumentCalls(id, entry);
        await sendRaw(origin, cookies[entry.caller], calls, true, entry.answersAlike);
        await sendRaw(origin, "", calls, true, entry.answersAlike);
      }
      expectSameDatabase(before, await snapshot(), id);
      await expectHealthy(origin, id);
    }
    expect(await visibleState(tracker, inviter.page)).toEqual(visibleBefore);
    const refusedCount = casesRun;

    // Then input each action accepts, hostile text included: answered calmly too.
    for (const [id, cases] of accepted) {
      const entry = ACTIONS[id]!;
      await sendAccepted(origin, cookies[entry.caller], id, entry, cases);
      if (entry.acts([]))
        await sendRaw(origin, cookies[entry.caller], wrongArgumentCalls(id, entry), false);
      await expectHealthy(origin, id);
    }
    // The instruments see writes: the accepted input did write, on both databases.
    expect(await visibleState(tracker, inviter.page)).not.toEqual(visibleBefore);
    if (dbUrl) expect(await snapshot()).not.toEqual(databaseBefore);
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    report(
      `security fuzz (${dbUrl ? "PostgreSQL" : "PGlite"}): ${Object.keys(ACTIONS).length} actions, ` +
        `${casesRun} action cases (${refusedCount} refused, ${casesRun - refusedCount} accepted) in ${seconds} s`,
    );
    expect(refusedCount).toBeGreaterThan(Object.keys(ACTIONS).length * RUNS_SIGNED_OUT * 0.9);
  });

  test("stored hostile text renders as text: no script runs, no CSP violation", async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const tracker = people.tracker!;
    const origin = new URL(tracker.url()).origin;
    const cookie = await cookieOf(tracker.context());
    // Two days back: a day in the past in whatever time zone the fuzz left the settings in.
    const earlier = dayOffset(-2);
    // Every text field of every form gets every payload (the fuzz above stored more at random).
    const stores: Array<[string, (p: string, key: string) => Record<string, string>]> = [
      [
        A("check-ins.ts", "recordCheckIn"),
        (p) => ({ day: earlier, mood: "2", missing: "7", contact: "WE_MET", note: p, trigger: p }),
      ],
      [A("memories.ts", "addMemory"), (p, key) => ({ kind: "HARD", text: p, requestKey: key })],
      [
        A("goals.ts", "addGoal"),
        (p, key) => ({ title: p, note: p, targetDate: "", requestKey: key }),
      ],
      [A("goals.ts", "addActivity"), (p, key) => ({ title: p, day: earlier, requestKey: key })],
      [
        A("reach-outs.ts", "addReachOut"),
        (p, key) => ({
          who: p.slice(0, 100),
          day: earlier,
          feeling: "SAME",
          note: p,
          requestKey: key,
        }),
      ],
      [
        A("hard-dates.ts", "addHardDate"),
        (p, key) => ({ label: p.slice(0, 100), month: "6", day: "1", plan: p, requestKey: key }),
      ],
      [
        A("text-pauses.ts", "beginTextPause"),
        (p, key) => ({ draft: p, trigger: p.slice(0, 500), requestKey: key }),
      ],
      [A("account.ts", "saveDisplayName"), (p) => ({ name: p.slice(0, 80) })],
    ];
    for (const [id, fieldsOf] of stores) {
      for (const payload of XSS_PAYLOADS) {
        const fields = Object.entries(fieldsOf(payload, crypto.randomUUID()));
        const result = await fetchAction(origin, cookie, {
          page: ACTIONS[id]!.page,
          ...idParts(id),
          fields,
        });
        casesRun++;
        expect(result.status, id).toBe(200);
        expect(
          result.state?.message,
          `${id} stores ${payload}: ${JSON.stringify(result.state)}`,
        ).toBeDefined();
      }
    }
    const trackerView = await watchedPage(browser, await tracker.context().storageState());
    const last = XSS_PAYLOADS.at(-1)!;
    for (const path of [
      "/progress",
      "/progress/history",
      "/progress/memories",
      "/progress/goals",
      "/progress/people",
      "/progress/hard-dates",
      "/progress/settings",
      "/progress/reminders",
      "/progress/pause",
      "/progress/export",
    ]) {
      await expectRendersAsText(
        trackerView,
        path,
        ["/progress/memories", "/progress/goals"].includes(path) ? last : undefined,
      );
    }
    await expectRendersAsText(trackerView, `/progress/check-in?day=${earlier}`);
    await expectRendersAsText(trackerView, "/account");

    const counselingView = await watchedPage(
      browser,
      await people.counseling!.context().storageState(),
    );
    for (const path of ["/counseling", "/counseling/next", "/counseling/invite"]) {
      await expectRendersAsText(counselingView, path);
    }
    // The invitee's page shows the inviter's message (a payload) to someone signed out.
    const invitee = await watchedPage(browser);
    await expectRendersAsText(invitee, people.invitationPath!, "window.__pwned");
    report(
      `security fuzz: ${stores.length * XSS_PAYLOADS.length} payloads stored and rendered on 14 pages`,
    );
  });

  test("every route handler: no 500 and the server stays healthy", async ({ baseURL }) => {
    test.setTimeout(120_000);
    const table = routes(baseURL!);
    let index = 0;
    let count = 0;
    for (const [id, entry] of Object.entries(table)) {
      index++;
      const cases = fc.sample(entry.cases, { seed: SEED + 2_000 + index, numRuns: 150 });
      await pool(cases, async ({ path, init }) => {
        const response = await fetch(new URL(path, baseURL), { ...init, redirect: "manual" });
        await response.arrayBuffer();
        count++;
        expect(response.status, `${id} ${init.method} ${path.slice(0, 200)}`).toBeLessThan(500);
      });
      await expectHealthy(baseURL!, id);
    }
    casesRun += count;
    report(
      `security fuzz: ${Object.keys(table).length} routes, ${count} route cases; ${casesRun} fuzz cases in all`,
    );
  });
});
