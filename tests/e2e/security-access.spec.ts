import fs from "node:fs";
import { randomUUID } from "node:crypto";
import { expect, test } from "./support/fixtures";
import { startAppServer } from "./support/app-server";
import { E2E_PORT, E2E_SMTP_PORT } from "./support/ports";
import { uniqueEmail } from "./support/sign-in";
import {
  pgliteAccess,
  postgresAccess,
  snapshotOwnedRows,
  type DatabaseAccess,
  type OwnerSnapshot,
  type Query,
} from "./support/owner-rows";
import { rawAction, rawRequest, signInRaw, type Fields, type RawResult } from "./support/raw-http";
import { coverage } from "../security/coverage/access";
import { findInventory } from "../security/inventory";
import { todayUtc } from "./support/tracker";
import { report } from "../support/report";
import { INVITATION_SUBJECT } from "@/lib/counseling/invitation-subject";

// The access control matrix (SECURITY.md items 8 and 9). An owner, A, has a row
// of everything (tracker, counseling referral, an accepted invitation); a second
// owner, A2, has an invitation still pending. Then every action and route that
// touches user data is called with the owners' ids:
//   - signed out,
//   - as another person, B,
//   - as A's linked partner, P (who accepted A's invitation),
// each once plainly and once with `x-middleware-subrequest` (CVE-2025-29927,
// which once let a request skip Next's middleware). Every call is refused or
// "not found" or acts only on the caller's own rows, and the owners' rows, read
// directly from the database before and after, are unchanged.
//
// The table below is keyed by the ids of tests/security/coverage/access.ts; the
// inventory test (tests/unit/security-inventory.test.ts) fails when an action or
// route exists that the coverage file does not list.
//
// Everything is plain HTTP (fetch), no browser. The spec runs its own app
// instance so that, on the embedded database, it can pause the app to read the
// database folder (PGlite serves one process).

// Its own port: E2E_PORT + 1 and + 2 belong to other specs' second servers.
const PORT = E2E_PORT + 4;
const PGLITE_DIR = `.data/access-${PORT}`;
const DATABASE_URL = process.env.E2E_DATABASE_URL;

/** Claims to be Next's own subrequest, for every name the proxy/middleware has had. */
const SUBREQUEST_HEADER = {
  "x-middleware-subrequest": [
    ...Array<string>(5).fill("middleware"),
    ...Array<string>(5).fill("src/middleware"),
    ...Array<string>(5).fill("proxy"),
    ...Array<string>(5).fill("src/proxy"),
  ].join(":"),
};
const HEADER_VARIANTS: Array<[label: string, headers: Record<string, string>]> = [
  ["plain", {}],
  ["x-middleware-subrequest", SUBREQUEST_HEADER],
];

const SECRET = `OWNER-SECRET-${randomUUID().slice(0, 8)}`;
const today = todayUtc();

type Person = { id: string; email: string; cookie: string };
type OwnerIds = {
  userId: string;
  email: string;
  memoryId: string;
  goalId: string;
  activityId: string;
  reachOutId: string;
  hardDateId: string;
  textPauseId: string;
  referralId: string;
  invitationId: string;
  /** A2's invitation, still pending: the one a missing ownership check could change. */
  pendingInvitationId: string;
  pendingInvitationToken: string;
  /** A time offered on A2's referral and a session booked on it (issue 15). */
  offeredTimeId: string;
  sessionId: string;
  /** Every id of every row A and A2 own (for "no page carries them"). */
  all: string[];
};

type CallerKind = "signedOut" | "stranger" | "partner";
type Outcome = (result: RawResult, caller: CallerKind) => void;

// ------------------------------------------------------------ outcomes --

const SIGNED_OUT = /signed out/i;

/** Refused for want of a session: the signed-out state, or sent to sign in. */
function refusedSignedOut(result: RawResult) {
  expect(result.status, result.body.slice(0, 300)).toBeLessThan(500);
  const toSignIn = /^\/(signin|signed-out)(\?|$)/.test(result.redirect ?? "");
  if (!toSignIn)
    expect(result.state?.formError ?? "", result.body.slice(0, 300)).toMatch(SIGNED_OUT);
  expect(result.state?.message).toBeUndefined();
}

/** Signed in, but the row is not theirs: the action's "not found" answer, and no success. */
function notFound(pattern: RegExp): Outcome {
  return (result) => {
    const seen = `status ${result.status}, state ${JSON.stringify(result.state)}, redirect ${result.redirect}`;
    expect(result.status, seen).toBe(200);
    expect(result.state?.formError ?? "", seen).toMatch(pattern);
    expect(result.state?.message).toBeUndefined();
    expect(result.redirect).toBeNull();
  };
}

/** Extra fields naming the owner are refused by the strict schema: nothing is saved. */
const unexpectedFields = notFound(/did not expect/);

/**
 * The action ignores the owner's ids and acts on the caller's own account (the
 * only thing it can touch); the owners' rows are checked in the database.
 */
function ownAccountOnly(result: RawResult, owner: () => OwnerIds) {
  expect(result.status, result.body.slice(0, 300)).toBeLessThan(500);
  expect(result.body).not.toContain(owner().email);
  expect(result.body).not.toContain(SECRET);
}

function sentToCheckEmail(result: RawResult) {
  expect(result.status).toBeLessThan(500);
  expect(result.redirect).toBe("/signin/check-email");
  expect(result.headers.getSetCookie().join("\n")).not.toMatch(/authjs\.session-token=[^;]/);
}

function optedOut(result: RawResult) {
  expect(result.status).toBe(200);
  expect(result.body).toContain("opted_out");
}

// ----------------------------------------------------------- the table --

type ActionRow = {
  page: string | ((ids: OwnerIds) => string);
  fields: (ids: OwnerIds) => Fields;
  /** What a signed-in caller who is not the owner gets. */
  signedIn: Outcome;
  /** What a signed-out caller gets, when it is not "refused for want of a session". */
  signedOut?: Outcome;
  /** When the partner may legitimately do something here, what they get instead. */
  partner?: Outcome;
  /** A plain `<form action={fn}>` (fn(formData)) rather than useActionState. */
  formOnly?: boolean;
  /** Ends the caller's own session (or account): called last, each with a fresh session. */
  endsSession?: boolean;
  /** Callers left out, with the reason. */
  skip?: Partial<Record<CallerKind, string>>;
};

const key = () => randomUUID();
/** A well-formed passkey answer to no challenge of anyone's. */
const PASSKEY_ANSWER = JSON.stringify({
  id: "AAAA",
  rawId: "AAAA",
  type: "public-key",
  response: { clientDataJSON: "e30", authenticatorData: "AAAA", signature: "AAAA" },
  clientExtensionResults: {},
});
const SCREEN_NO = { afraid: "no", hurt: "no", threatened: "no", controlled: "no" };

const ACTIONS: Record<string, ActionRow> = {
  "action:lib/actions/account.ts#saveDisplayName": {
    page: "/account",
    fields: (ids) => ({ name: "Not the owner", userId: ids.userId }),
    signedIn: (r) => ownAccountOnly(r, owner),
  },
  "action:lib/actions/account.ts#requestFreshSignIn": {
    page: "/account",
    fields: (ids) => ({ email: ids.email, userId: ids.userId }),
    signedIn: (r) => ownAccountOnly(r, owner),
  },
  "action:lib/actions/auth.ts#requestSignInLink": {
    // Anyone may ask for a link to any address; it goes to that inbox only and
    // signs no one in here. The caller gets the same "check your email" page.
    page: "/signin",
    fields: (ids) => ({ email: ids.email, callbackUrl: "/progress" }),
    signedIn: sentToCheckEmail,
    signedOut: sentToCheckEmail,
  },
  "action:lib/actions/check-ins.ts#recordCheckIn": {
    page: "/progress/check-in",
    fields: (ids) => ({
      day: today,
      mood: "5",
      missing: "0",
      contact: "NONE",
      note: "overwritten?",
      trigger: "",
      userId: ids.userId,
    }),
    signedIn: unexpectedFields,
  },
  "action:lib/actions/tracker-settings.ts#updateTrackerSettings": {
    page: "/progress/settings",
    fields: (ids) => ({ timeZone: "Pacific/Auckland", breakupDate: "", userId: ids.userId }),
    signedIn: unexpectedFields,
  },
  // The team's passkey steps (issue 14): "not found" for anyone who is not a
  // team member. Members (past the passkey, email link only, removed): the team
  // test below.
  "action:lib/actions/team-passkey.ts#teamPasskeyOptions": {
    page: "/team/passkey",
    fields: () => ({}),
    signedIn: notFound(/could not be found/),
  },
  "action:lib/actions/team-passkey.ts#finishTeamPasskeyAction": {
    page: "/team/passkey",
    fields: () => ({ purpose: "verify", response: PASSKEY_ANSWER }),
    signedIn: notFound(/could not be found/),
  },
  // The team's referral actions (issue 14): "not found" for anyone who is not
  // a team member past the passkey, before the form is even read. Members
  // (past the passkey, email link only, removed): the team test below.
  "action:lib/actions/team-referrals.ts#claimTeamReferral": {
    page: "/team",
    fields: (ids) => ({ referralId: ids.referralId }),
    signedIn: notFound(/could not be found/),
  },
  "action:lib/actions/team-referrals.ts#reassignTeamReferral": {
    page: "/team",
    fields: (ids) => ({ referralId: ids.referralId, toUserId: ids.userId }),
    signedIn: notFound(/could not be found/),
  },
  "action:lib/actions/team-referrals.ts#closeTeamReferral": {
    page: "/team",
    fields: (ids) => ({ referralId: ids.referralId, outcome: "OTHER", resources: "planted" }),
    signedIn: notFound(/could not be found/),
  },
  "action:lib/actions/team-referrals.ts#sendTeamMessage": {
    page: "/team",
    fields: (ids) => ({
      referralId: ids.referralId,
      thread: "PERSON",
      text: "planted",
      requestKey: key(),
    }),
    signedIn: notFound(/could not be found/),
  },
  // The counselor's calendar feed (issue 15 item 6): a team member's own link
  // only, "not found" for anyone else before the form is read; the owner's id
  // in the form names nobody's feed. Members: the team test below.
  "action:lib/actions/agenda-feed.ts#createAgendaFeedAction": {
    page: "/team/agenda",
    fields: (ids) => ({ memberId: ids.userId }),
    signedIn: notFound(/could not be found/),
  },
  "action:lib/actions/agenda-feed.ts#revokeAgendaFeedAction": {
    page: "/team/agenda",
    fields: (ids) => ({ memberId: ids.userId }),
    signedIn: notFound(/could not be found/),
  },
  // The counselor's appointment reminders on the team's side: their own
  // preference only, "not found" for anyone who is not a member past the
  // passkey; an owner's id in the form names nobody's setting.
  "action:lib/actions/team-reminders.ts#updateTeamAppointmentReminders": {
    page: "/team/agenda",
    fields: (ids) => ({ userId: ids.userId }),
    signedIn: notFound(/could not be found/),
  },
  // The first session (issue 15), aimed at A2's offered time and booked
  // session: another person and A's partner (not A2's) find nothing; the
  // team's three are "not found" for anyone who is not a member past the passkey.
  "action:lib/actions/session-booking.ts#offerSessionTimesAction": {
    page: "/team",
    fields: (ids) => ({
      referralId: ids.referralId,
      timeZone: "UTC",
      joinKind: "video",
      joinDetail: "https://planted.example/",
      date1: "2030-01-01",
      time1: "10:00",
      length1: "50",
      date2: "2030-01-02",
      time2: "10:00",
      length2: "50",
    }),
    signedIn: notFound(/could not be found/),
  },
  "action:lib/actions/session-booking.ts#cancelTeamSessionAction": {
    page: "/team",
    fields: (ids) => ({ sessionId: ids.sessionId }),
    signedIn: notFound(/could not be found/),
  },
  "action:lib/actions/session-booking.ts#markSessionAction": {
    page: "/team",
    fields: (ids) => ({ sessionId: ids.sessionId, outcome: "missed" }),
    signedIn: notFound(/could not be found/),
  },
  "action:lib/actions/session-booking.ts#takeOfferedTimeAction": {
    page: "/counseling",
    fields: (ids) => ({ offeredTimeId: ids.offeredTimeId }),
    signedIn: notFound(/could not find that appointment/),
  },
  "action:lib/actions/session-booking.ts#moveSessionAction": {
    page: "/counseling",
    fields: (ids) => ({ sessionId: ids.sessionId, offeredTimeId: ids.offeredTimeId }),
    signedIn: notFound(/could not find that appointment/),
  },
  "action:lib/actions/session-booking.ts#cancelSessionAction": {
    page: "/counseling",
    fields: (ids) => ({ sessionId: ids.sessionId }),
    signedIn: notFound(/could not find that appointment/),
  },
  // The owner's private thread: another person and the joined partner alike
  // find no such conversation (the partner's own threads are theirs to write).
  "action:lib/actions/counseling-messages.ts#sendCounselingMessage": {
    page: "/counseling",
    fields: (ids) => ({
      referralId: ids.referralId,
      thread: "PERSON",
      text: "planted",
      requestKey: key(),
    }),
    signedIn: notFound(/could not find that conversation/),
  },
  "action:lib/actions/welcome.ts#answerWelcome": {
    page: "/progress",
    fields: (ids) => ({ step: "skip", userId: ids.userId }),
    signedIn: unexpectedFields,
  },
  "action:lib/actions/memories.ts#addMemory": {
    page: "/progress/memories",
    fields: (ids) => ({ kind: "GOOD", text: "planted", requestKey: key(), userId: ids.userId }),
    signedIn: unexpectedFields,
  },
  "action:lib/actions/memories.ts#removeMemory": {
    page: "/progress/memories",
    fields: (ids) => ({ id: ids.memoryId }),
    signedIn: notFound(/could not be found/),
  },
  "action:lib/actions/goals.ts#addGoal": {
    page: "/progress/goals",
    fields: (ids) => ({
      title: "planted",
      note: "",
      targetDate: "",
      requestKey: key(),
      userId: ids.userId,
    }),
    signedIn: unexpectedFields,
  },
  "action:lib/actions/goals.ts#markGoal": {
    page: "/progress/goals",
    fields: (ids) => ({ id: ids.goalId, done: "true" }),
    signedIn: notFound(/could not be found/),
  },
  "action:lib/actions/goals.ts#removeGoal": {
    page: "/progress/goals",
    fields: (ids) => ({ id: ids.goalId }),
    signedIn: notFound(/could not be found/),
  },
  "action:lib/actions/goals.ts#addActivity": {
    page: "/progress/goals",
    fields: (ids) => ({ title: "planted", day: today, requestKey: key(), userId: ids.userId }),
    signedIn: unexpectedFields,
  },
  "action:lib/actions/goals.ts#removeActivity": {
    page: "/progress/goals",
    fields: (ids) => ({ id: ids.activityId }),
    signedIn: notFound(/could not be found/),
  },
  "action:lib/actions/reach-outs.ts#addReachOut": {
    page: "/progress/people",
    fields: (ids) => ({
      who: "planted",
      day: today,
      feeling: "SAME",
      note: "",
      requestKey: key(),
      userId: ids.userId,
    }),
    signedIn: unexpectedFields,
  },
  "action:lib/actions/reach-outs.ts#removeReachOut": {
    page: "/progress/people",
    fields: (ids) => ({ id: ids.reachOutId }),
    signedIn: notFound(/could not be found/),
  },
  "action:lib/actions/hard-dates.ts#addHardDate": {
    page: "/progress/hard-dates",
    fields: (ids) => ({
      label: "planted",
      month: "3",
      day: "3",
      plan: "",
      requestKey: key(),
      userId: ids.userId,
    }),
    signedIn: unexpectedFields,
  },
  "action:lib/actions/hard-dates.ts#answerValentines": {
    page: "/progress/hard-dates",
    fields: (ids) => ({ answer: "add", requestKey: key(), userId: ids.userId }),
    signedIn: unexpectedFields,
  },
  "action:lib/actions/hard-dates.ts#removeHardDate": {
    page: "/progress/hard-dates",
    fields: (ids) => ({ id: ids.hardDateId }),
    signedIn: notFound(/could not be found/),
  },
  // Edits name the owner's rows by id: another person finds no such row.
  "action:lib/actions/hard-dates.ts#editHardDate": {
    page: "/progress/hard-dates",
    fields: (ids) => ({ id: ids.hardDateId, label: "planted", month: "1", day: "2", plan: "" }),
    signedIn: notFound(/could not be found/),
  },
  "action:lib/actions/memories.ts#editMemory": {
    page: "/progress/memories",
    fields: (ids) => ({ id: ids.memoryId, kind: "GOOD", text: "planted" }),
    signedIn: notFound(/could not be found/),
  },
  "action:lib/actions/goals.ts#editGoal": {
    page: "/progress/goals",
    fields: (ids) => ({ id: ids.goalId, title: "planted", note: "", targetDate: "" }),
    signedIn: notFound(/could not be found/),
  },
  "action:lib/actions/goals.ts#editActivity": {
    page: "/progress/goals",
    fields: (ids) => ({ id: ids.activityId, title: "planted", day: today }),
    signedIn: notFound(/could not be found/),
  },
  "action:lib/actions/reach-outs.ts#editReachOut": {
    page: "/progress/people",
    fields: (ids) => ({
      id: ids.reachOutId,
      who: "planted",
      day: today,
      feeling: "SAME",
      note: "",
    }),
    signedIn: notFound(/could not be found/),
  },
  // An undo token lives 15 seconds, so the matrix sends one of the right shape;
  // tests/integration/edit-and-undo.test.ts refuses another person's real one.
  "action:lib/actions/removals.ts#undoRemove": {
    page: "/progress/memories",
    fields: () => ({ token: "A".repeat(22) }),
    signedIn: notFound(/removed for good/),
  },
  "action:lib/actions/reminders.ts#updateReminderSettings": {
    page: "/progress/reminders",
    fields: (ids) => ({
      dailyEnabled: "on",
      dailyTime: "07:00",
      hardDateDaysBefore: "3",
      userId: ids.userId,
    }),
    signedIn: unexpectedFields,
  },
  "action:lib/actions/reminders.ts#pauseRemindersForAWeek": {
    page: "/progress/reminders",
    fields: (ids) => ({ userId: ids.userId }),
    signedIn: unexpectedFields,
  },
  "action:lib/actions/reminders.ts#resumeRemindersNow": {
    page: "/progress/reminders",
    fields: (ids) => ({ userId: ids.userId }),
    signedIn: unexpectedFields,
  },
  "action:lib/actions/text-pauses.ts#beginTextPause": {
    page: "/progress/pause",
    fields: (ids) => ({ draft: "planted", trigger: "", requestKey: key(), userId: ids.userId }),
    signedIn: unexpectedFields,
  },
  "action:lib/actions/text-pauses.ts#finishTextPause": {
    page: "/progress/pause",
    fields: (ids) => ({ id: ids.textPauseId, outcome: "SLIPPED" }),
    signedIn: notFound(/could not be found/),
  },
  "action:lib/actions/text-pauses.ts#removeTextPauseDraft": {
    page: "/progress/pause",
    fields: (ids) => ({ id: ids.textPauseId }),
    signedIn: notFound(/could not be found/),
  },
  "action:lib/actions/tracker-export.ts#requestExportSignIn": {
    page: "/progress/export",
    fields: (ids) => ({ email: ids.email, userId: ids.userId }),
    signedIn: (r) => ownAccountOnly(r, owner),
  },
  "action:lib/actions/counseling.ts#submitSafetyScreen": {
    // The owner's ids are not part of the screen: refused, like every strict form.
    page: "/counseling/screen",
    fields: (ids) => ({ ...SCREEN_NO, userId: ids.userId, referralId: ids.referralId }),
    signedIn: unexpectedFields,
  },
  "action:lib/actions/counseling.ts#submitPartnerSafetyScreen": {
    page: (ids) => `/counseling/joined/${ids.referralId}`,
    fields: (ids) => ({ ...SCREEN_NO, afraid: "yes", referralId: ids.referralId }),
    signedIn: notFound(/could not find that counseling referral/),
    // The partner's own screen of the referral they joined: allowed, and the
    // first answer stands, so the owner's referral row does not change.
    partner: (r) => {
      expect(r.status).toBeLessThan(500);
      expect(r.redirect).toMatch(/^\/counseling\/joined\//);
    },
  },
  "action:lib/actions/counseling.ts#submitIntake": {
    page: "/counseling/intake",
    fields: (ids) => [
      ["format", "INDIVIDUAL"],
      ["focuses", "TRUST"],
      ["preferredTimes", "WEEKEND"],
      ["contactMethod", "EMAIL"],
      ["note", "planted"],
      ["userId", ids.userId],
      ["referralId", ids.referralId],
    ],
    // The owner's ids are refused, and nothing of theirs is echoed back.
    signedIn: (r, caller) => {
      unexpectedFields(r, caller);
      expect(r.body).not.toContain(SECRET);
    },
  },
  "action:lib/actions/counseling.ts#invitePartner": {
    page: "/counseling/invite",
    fields: (ids) => ({
      email: uniqueEmail("planted"),
      inviterName: "Mallory",
      message: "",
      requestKey: key(),
      referralId: ids.referralId,
      userId: ids.userId,
    }),
    signedIn: unexpectedFields,
  },
  "action:lib/actions/counseling.ts#resendInvitation": {
    page: "/counseling",
    fields: (ids) => ({ invitationId: ids.pendingInvitationId }),
    signedIn: notFound(/could not find that invitation|no longer open/),
  },
  "action:lib/actions/counseling.ts#revokeInvitation": {
    page: "/counseling",
    fields: (ids) => ({ invitationId: ids.pendingInvitationId }),
    signedIn: notFound(/could not find that invitation|no longer open/),
  },
  // The person's side of a sent request (issue 14, team-person). Neither action
  // takes an id: each finds the caller's own referral. The stranger and the
  // partner have none, so both are "not found" and the owner's row stays.
  "action:lib/actions/counseling.ts#changeContactDetails": {
    page: "/counseling",
    fields: () => [
      ["preferredTimes", "WEEKDAY_MORNING"],
      ["contactMethod", "PHONE"],
      ["phone", "+1 555 010 7777"],
      ["safeToLeaveMessage", "on"],
    ],
    signedIn: notFound(/could not find a counseling request/),
  },
  "action:lib/actions/counseling.ts#withdrawRequest": {
    page: "/counseling",
    fields: () => ({ confirm: "on" }),
    signedIn: notFound(/could not find a counseling request/),
  },
  "action:lib/actions/invitations.ts#acceptInvitation": {
    // With the real token of A2's pending invitation, which was sent to someone else.
    page: (ids) => `/invitations/${ids.pendingInvitationToken}`,
    // No planted ids (a strict form refuses them): the token alone must not be enough.
    fields: (ids) => ({ token: ids.pendingInvitationToken }),
    signedIn: notFound(/different address/),
  },
  "action:lib/actions/invitations.ts#declineInvitation": {
    // Declining needs no account but does need the emailed token: an id is not one.
    page: (ids) => `/invitations/${ids.pendingInvitationId}`,
    fields: (ids) => ({ token: ids.pendingInvitationId, note: "" }),
    signedIn: notFound(/no longer open/),
    signedOut: notFound(/no longer open/),
  },
  "action:lib/actions/invitations.ts#optOutOfAllInvitations": {
    // The same answer whatever the token; with an id instead of a token nothing happens.
    page: (ids) => `/invitations/${ids.pendingInvitationId}`,
    fields: (ids) => ({ token: ids.pendingInvitationId }),
    signedIn: optedOut,
    signedOut: optedOut,
  },
  "action:lib/actions/invitations.ts#switchAccountForInvitation": {
    page: (ids) => `/invitations/${ids.pendingInvitationToken}`,
    fields: (ids) => ({ token: ids.pendingInvitationToken }),
    signedIn: (r) => {
      expect(r.status).toBeLessThan(500);
      expect(r.redirect).toMatch(/^\/signin\?/);
    },
    formOnly: true,
    endsSession: true,
  },
  "action:lib/actions/auth.ts#signOutAction": {
    page: "/account",
    fields: (ids) => ({ userId: ids.userId }),
    signedIn: (r) => {
      expect(r.status).toBeLessThan(500);
      expect(r.redirect).toBe("/signed-out");
    },
    formOnly: true,
    endsSession: true,
  },
  "action:lib/actions/account.ts#signOutEverywhere": {
    page: "/account",
    fields: (ids) => ({ userId: ids.userId }),
    signedIn: (r) => {
      expect(r.status).toBeLessThan(500);
      expect(r.redirect).toBe("/signed-out?everywhere=1");
    },
    formOnly: true,
    endsSession: true,
  },
  "action:lib/actions/account.ts#deleteMyAccount": {
    page: "/account",
    // No planted ids (a strict form refuses them): deleting reaches only the caller's account.
    fields: () => ({ confirmation: "delete my account" }),
    signedIn: (r) => {
      expect(r.status).toBeLessThan(500);
      expect(r.redirect).toBe("/signed-out?deleted=1");
    },
    endsSession: true,
    skip: {
      partner:
        "the partner deleting their own account unlinks them from the owner's referral by design " +
        "(SECURITY.md 24; tests/integration/delete-account.test.ts); the stranger's call covers the rest",
    },
  },
};

type RouteCall = {
  label: string;
  method: "GET" | "POST";
  path: string;
  body?: () => FormData | string;
  /** Checks for the answer to `caller`; `me` is the caller's own address when signed in. */
  check: (
    result: Awaited<ReturnType<typeof rawRequest>>,
    caller: CallerKind,
    me: string | null,
  ) => void;
};

function noOwnerData(body: string) {
  expect(body).not.toContain(SECRET);
  expect(body).not.toContain(owner().email);
  for (const id of owner().all) expect(body, `carries the owner's id ${id}`).not.toContain(id);
}

function exportCall(format: "json" | "csv"): RouteCall {
  return {
    label: `POST /progress/export/${format}`,
    method: "POST",
    path: `/progress/export/${format}`,
    check: (result, caller, me) => {
      if (caller === "signedOut") {
        expect(result.status).toBe(303);
        expect(result.redirect).toMatch(/\/signin\?/);
        return;
      }
      expect(result.status, result.body.slice(0, 200)).toBe(200);
      if (format === "json") expect(result.body).toContain(me!);
      noOwnerData(result.body);
    },
  };
}

/** The one-click stop with a token that is no one's: the same answer as a real one, nothing changes. */
function stopCall(method: "GET" | "POST", oneClick: boolean): RouteCall {
  const token = randomUUID().replaceAll("-", "").padEnd(43, "x");
  return {
    label: `${method} /api/reminders/stop${oneClick ? " (one-click)" : ""}`,
    method,
    path: `/api/reminders/stop?t=${token}`,
    ...(oneClick ? { body: () => "List-Unsubscribe=One-Click" } : {}),
    check: (result) => {
      expect(result.status, result.body.slice(0, 200)).toBeLessThan(400);
      if (method === "GET") expect(result.redirect).toMatch(/\/reminders\/stop\?t=/);
      if (oneClick) expect(result.body).toBe("Reminders stopped.");
      noOwnerData(result.body);
    },
  };
}

/** A calendar feed link that is no one's: the same plain 404 for every caller, signed in or not. */
function feedCall(segment: string): RouteCall {
  return {
    label: `GET /team/agenda/feed/${segment.slice(0, 8)}…`,
    method: "GET",
    path: `/team/agenda/feed/${segment}`,
    check: (result) => {
      expect(result.status).toBe(404);
      expect(result.headers.get("content-type")).not.toContain("text/calendar");
      noOwnerData(result.body);
    },
  };
}

const ROUTES: Record<string, RouteCall[]> = {
  "route:app/team/agenda/feed/[token]/route.ts#GET": [
    feedCall(`${randomUUID().replaceAll("-", "").padEnd(43, "x")}.ics`),
    feedCall("owner.ics"),
  ],
  "route:app/api/reminders/stop/route.ts#GET": [stopCall("GET", false)],
  "route:app/api/reminders/stop/route.ts#POST": [stopCall("POST", false), stopCall("POST", true)],
  "route:app/progress/export/[format]/route.ts#POST": [exportCall("json"), exportCall("csv")],
  "route:app/api/auth/[...nextauth]/route.ts#GET": [
    {
      label: "GET /api/auth/session",
      method: "GET",
      path: "/api/auth/session",
      check: (result, caller, me) => {
        expect(result.status).toBe(200);
        if (caller === "signedOut") expect(["null", "{}"]).toContain(result.body.trim());
        else expect(result.body).toContain(me!);
        noOwnerData(result.body);
      },
    },
    {
      // An emailed link opened by anyone: only the confirmation page, no session.
      label: "GET /api/auth/callback/email",
      method: "GET",
      path: "/api/auth/callback/email?token=0123456789abcdef0123&email=owner%40example.com",
      check: (result) => {
        expect(result.status).toBe(303);
        expect(result.redirect).toMatch(/\/signin\/confirm\?/);
        expect(result.headers.getSetCookie().join("\n")).not.toContain("authjs.session-token=");
      },
    },
  ],
  "route:app/api/auth/[...nextauth]/route.ts#POST": [
    {
      // A guessed token for the owner's address signs no one in.
      label: "POST /api/auth/callback/email (the owner's address, a guessed token)",
      method: "POST",
      path: "/api/auth/callback/email",
      body: () => {
        const form = new FormData();
        form.append("token", randomUUID().replaceAll("-", ""));
        form.append("email", owner().email);
        form.append("callbackUrl", "/progress");
        return form;
      },
      check: (result) => {
        expect(result.status).toBe(303);
        expect(result.redirect).toMatch(/\/signin\/error/);
        expect(result.headers.getSetCookie().join("\n")).not.toMatch(/authjs\.session-token=[^;]/);
      },
    },
    {
      label: "POST /api/auth/signout (Auth.js's own endpoints are closed)",
      method: "POST",
      path: "/api/auth/signout",
      check: (result) => expect(result.status).toBe(404),
    },
  ],
};

/** Pages under /progress, /account and /counseling that anyone may see, and why. */
const PUBLIC_PAGES_IN_PRIVATE_AREAS: Record<string, string> = {
  "/counseling": "the counseling landing page explains the service to visitors before sign-in",
};

// ------------------------------------------------------------ the world --

let app: { url: string; stop(): Promise<void> } | null = null;
let database: DatabaseAccess;
let world: {
  owner: Person;
  owner2: Person;
  stranger: Person;
  partner: Person;
  ids: OwnerIds;
  before: OwnerSnapshot;
};
const owner = () => world.ids;

async function startApp() {
  app = await startAppServer({
    port: PORT,
    env: {
      PGLITE_DIR,
      ...(DATABASE_URL ? { DATABASE_URL } : {}),
      SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
      EMAIL_RETRY_BASE_MS: "500",
      // Rate limits are another suite's subject; this one signs people in often.
      SIGNIN_LIMIT_PER_ADDRESS: "100000",
      SIGNIN_LIMIT_PER_IP: "100000",
      // The matrix is refused dozens of times on purpose; each refusal logs a warning.
      LOG_LEVEL: "error",
    },
  });
}

async function stopApp() {
  await app?.stop();
  app = null;
}

const elapsed = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

function origin(): string {
  if (!app) throw new Error("the app is not running");
  return app.url;
}

async function userId(query: Query, email: string): Promise<string> {
  const rows = await query(`SELECT id FROM "User" WHERE email = $1`, [email.toLowerCase()]);
  if (!rows[0]) throw new Error(`no user ${email}`);
  return String(rows[0].id);
}

async function act(
  person: Person | null,
  page: string,
  file: string,
  action: string,
  fields: Fields,
) {
  return rawAction(origin(), { page, file, action, fields }, { cookie: person?.cookie });
}

/** A, with one row of everything, and their partner P linked; A2 with a pending invitation. */
async function buildWorld(mail: Parameters<typeof signInRaw>[1]) {
  const emails = {
    owner: uniqueEmail("owner"),
    owner2: uniqueEmail("owner2"),
    stranger: uniqueEmail("stranger"),
    partner: uniqueEmail("partner"),
    invitee: uniqueEmail("invitee"),
  };
  const signIn = async (email: string): Promise<Person> => ({
    id: "",
    email,
    cookie: await signInRaw(origin(), mail, email),
  });
  const a = await signIn(emails.owner);
  const a2 = await signIn(emails.owner2);
  const b = await signIn(emails.stranger);

  const setUp = async (
    person: Person,
    page: string,
    file: string,
    action: string,
    fields: Fields,
  ) => {
    const result = await act(person, page, file, action, fields);
    expect(result.status, `${action}: ${result.body.slice(0, 300)}`).toBeLessThan(400);
    expect(result.state?.fieldErrors, `${action}`).toBeUndefined();
    expect(result.state?.formError, `${action}`).toBeUndefined();
    return result;
  };
  await setUp(a, "/progress/settings", "lib/actions/tracker-settings.ts", "updateTrackerSettings", {
    timeZone: "UTC",
    breakupDate: "",
  });
  await setUp(a, "/progress/check-in", "lib/actions/check-ins.ts", "recordCheckIn", {
    day: today,
    mood: "2",
    missing: "8",
    contact: "WE_MET",
    note: `${SECRET} note`,
    trigger: `${SECRET} trigger`,
  });
  await setUp(a, "/progress/memories", "lib/actions/memories.ts", "addMemory", {
    kind: "HARD",
    text: `${SECRET} memory`,
    requestKey: key(),
  });
  await setUp(a, "/progress/goals", "lib/actions/goals.ts", "addGoal", {
    title: `${SECRET} goal`,
    note: "",
    targetDate: "",
    requestKey: key(),
  });
  await setUp(a, "/progress/goals", "lib/actions/goals.ts", "addActivity", {
    title: `${SECRET} activity`,
    day: today,
    requestKey: key(),
  });
  await setUp(a, "/progress/people", "lib/actions/reach-outs.ts", "addReachOut", {
    who: `${SECRET} friend`,
    day: today,
    feeling: "SAME",
    note: "",
    requestKey: key(),
  });
  await setUp(a, "/progress/hard-dates", "lib/actions/hard-dates.ts", "addHardDate", {
    label: `${SECRET} anniversary`,
    month: "6",
    day: "1",
    plan: "",
    requestKey: key(),
  });
  // Reminders on, at a time twelve hours away: no reminder goes out during the run.
  const farHour = String((new Date().getUTCHours() + 12) % 24).padStart(2, "0");
  await setUp(a, "/progress/reminders", "lib/actions/reminders.ts", "updateReminderSettings", {
    dailyEnabled: "on",
    dailyTime: `${farHour}:00`,
    hardDatesEnabled: "on",
    hardDateDaysBefore: "7",
  });
  await setUp(a, "/progress/pause", "lib/actions/text-pauses.ts", "beginTextPause", {
    draft: `${SECRET} draft`,
    trigger: `${SECRET} trigger`,
    requestKey: key(),
  });
  for (const [person, invitee] of [
    [a, emails.partner],
    [a2, emails.invitee],
  ] as const) {
    await setUp(
      person,
      "/counseling/screen",
      "lib/actions/counseling.ts",
      "submitSafetyScreen",
      SCREEN_NO,
    );
    await setUp(person, "/counseling/intake", "lib/actions/counseling.ts", "submitIntake", [
      ["format", "COUPLES"],
      ["focuses", "TRUST"],
      ["preferredTimes", "WEEKEND"],
      ["contactMethod", "EMAIL"],
      ["note", `${SECRET} intake`],
    ]);
    await setUp(person, "/counseling/invite", "lib/actions/counseling.ts", "invitePartner", {
      email: invitee,
      inviterName: "Sam",
      message: `${SECRET} message`,
      requestKey: key(),
    });
  }
  const tokenFor = async (address: string) => {
    const message = await mail.waitForMessage(
      (m) => m.to === address && m.subject === INVITATION_SUBJECT,
    );
    const link = message.links.find((l) => l.endsWith("?choice=accept"));
    const token = link && /\/invitations\/([A-Za-z0-9_-]+)\?/.exec(link)?.[1];
    if (!token) throw new Error(`no invitation link to ${address}`);
    return token;
  };
  const partnerToken = await tokenFor(emails.partner);
  const pendingToken = await tokenFor(emails.invitee);

  // P signs up with the invited address, accepts, and answers their own screen.
  const p = await signIn(emails.partner);
  const accepted = await act(
    p,
    `/invitations/${partnerToken}`,
    "lib/actions/invitations.ts",
    "acceptInvitation",
    {
      token: partnerToken,
    },
  );
  const referralId = /^\/counseling\/joined\/([A-Za-z0-9_-]+)$/.exec(accepted.redirect ?? "")?.[1];
  if (!referralId)
    throw new Error(`accepting did not lead to the referral: ${accepted.body.slice(0, 300)}`);
  await act(
    p,
    `/counseling/joined/${referralId}`,
    "lib/actions/counseling.ts",
    "submitPartnerSafetyScreen",
    {
      ...SCREEN_NO,
      referralId,
    },
  );

  return database.read(async (query) => {
    for (const person of [a, a2, b, p]) person.id = await userId(query, person.email);
    const one = async (table: string, owner = a.id, column = "userId") => {
      const rows = await query(`SELECT id FROM "${table}" WHERE "${column}" = $1`, [owner]);
      expect(rows, `${table} rows of the owner`).toHaveLength(1);
      return String(rows[0]!.id);
    };
    const invitations = await query(
      `SELECT id, status FROM "PartnerInvitation" WHERE "inviterId" IN ($1, $2) ORDER BY status`,
      [a.id, a2.id],
    );
    const all: string[] = [];
    for (const table of [
      "CheckIn",
      "Slip",
      "Memory",
      "Goal",
      "Activity",
      "ReachOut",
      "HardDate",
      "TextPause",
      "CounselingReferral",
    ]) {
      for (const row of await query(`SELECT id FROM "${table}" WHERE "userId" IN ($1, $2)`, [
        a.id,
        a2.id,
      ])) {
        all.push(String(row.id));
      }
    }
    // A2's first session: a counselor of the team offered a time and A2 booked
    // another, so the booking actions have real rows to aim at (rows only the
    // owner and that counselor may touch).
    const counselorId = `access-counselor-${randomUUID()}`;
    await query(`INSERT INTO "User" ("id", "email", "updatedAt") VALUES ($1, $2, now())`, [
      counselorId,
      uniqueEmail("access-counselor"),
    ]);
    await query(
      `INSERT INTO "TeamMember" ("userId", "role", "updatedAt", "timeZone") VALUES ($1, 'counselor', now(), 'UTC')`,
      [counselorId],
    );
    const a2Referral = await one("CounselingReferral", a2.id);
    const offeredTimeId = randomUUID();
    const bookedOfferId = randomUUID();
    for (const [id, days] of [
      [offeredTimeId, 5],
      [bookedOfferId, 6],
    ] as const) {
      await query(
        `INSERT INTO "OfferedTime" ("id", "referralId", "counselorId", "startsAt", "joinKind", "joinDetail")
         VALUES ($1, $2, $3, (now() AT TIME ZONE 'UTC') + make_interval(days => $4), 'video', 'planted-ciphertext')`,
        [id, a2Referral, counselorId, days],
      );
    }
    const sessionId = randomUUID();
    await query(
      `INSERT INTO "CounselingSession" ("id", "referralId", "offeredTimeId", "counselorId", "startsAt", "lengthMinutes", "icsUid", "updatedAt")
       SELECT $1, "referralId", "id", "counselorId", "startsAt", 50, $2, now() FROM "OfferedTime" WHERE "id" = $3`,
      [sessionId, `${randomUUID()}@heartwork`, bookedOfferId],
    );
    all.push(a.id, a2.id, ...invitations.map((r) => String(r.id)));
    all.push(offeredTimeId, bookedOfferId, sessionId);
    const referral = await one("CounselingReferral");
    expect(referral).toBe(referralId);
    const ids: OwnerIds = {
      userId: a.id,
      email: a.email,
      memoryId: await one("Memory"),
      goalId: await one("Goal"),
      activityId: await one("Activity"),
      reachOutId: await one("ReachOut"),
      hardDateId: await one("HardDate"),
      textPauseId: await one("TextPause"),
      referralId,
      invitationId: await one("PartnerInvitation", a.id, "inviterId"),
      pendingInvitationId: await one("PartnerInvitation", a2.id, "inviterId"),
      pendingInvitationToken: pendingToken,
      offeredTimeId,
      sessionId,
      all,
    };
    expect(invitations.map((r) => String(r.status)).sort()).toEqual(["accepted", "pending"]);
    const linked = await query(`SELECT "partnerId" FROM "CounselingReferral" WHERE id = $1`, [
      referralId,
    ]);
    expect(linked[0]?.partnerId, "P is A's linked partner").toBe(p.id);
    const before = await snapshotOwnedRows(query, [a.id, a2.id]);
    return { owner: a, owner2: a2, stranger: b, partner: p, ids, before };
  });
}

/**
 * Runs one cell's checks and keeps its failure, so a run reports every refused
 * cell of the matrix at once instead of stopping at the first.
 */
function check(failures: string[], label: string, checks: () => void) {
  try {
    checks();
  } catch (error) {
    const message = (error as Error).message.replace(/\u001b\[[0-9;]*m/g, "");
    const summary = message.split("\n").filter(Boolean).slice(0, 8).join(" | ");
    failures.push(`${label}: ${summary.length > 600 ? `${summary.slice(0, 600)}…` : summary}`);
  }
}

function expectNoFailures(failures: string[]) {
  expect(failures, `${failures.length} failing cells:\n${failures.join("\n")}`).toEqual([]);
}

// ---------------------------------------------------------------- tests --

test.describe.configure({ mode: "serial" });

test.describe("access control matrix: every action and route, with the owner's ids", () => {
  test.beforeAll(async ({ mail }) => {
    test.setTimeout(240_000);
    fs.rmSync(PGLITE_DIR, { recursive: true, force: true });
    fs.rmSync(`${PGLITE_DIR}.lock`, { force: true });
    await startApp();
    database = DATABASE_URL
      ? postgresAccess(DATABASE_URL)
      : pgliteAccess(PGLITE_DIR, { stop: stopApp, start: startApp });
    const started = Date.now();
    world = await buildWorld(mail);
    report(`access matrix: owners, stranger and partner set up in ${elapsed(started)}`);
  });

  test.afterAll(async () => {
    await stopApp();
    await database?.close();
    fs.rmSync(PGLITE_DIR, { recursive: true, force: true });
  });

  test("the tables test exactly what tests/security/coverage/access.ts lists", () => {
    const tested = [...Object.keys(ACTIONS), ...Object.keys(ROUTES)].sort();
    expect(tested).toEqual([...coverage.covers].sort());
  });

  test("every action, signed out, as another person and as the partner: refused, not found, or only the caller's own rows", async () => {
    const failures: string[] = [];
    test.setTimeout(180_000);
    const callers: Array<[CallerKind, Person | null]> = [
      ["signedOut", null],
      ["stranger", world.stranger],
      ["partner", world.partner],
    ];
    let calls = 0;
    for (const [id, row] of Object.entries(ACTIONS)) {
      if (row.endsSession) continue;
      const [, file, action] = /^action:(.+)#(.+)$/.exec(id)!;
      const page = typeof row.page === "string" ? row.page : row.page(world.ids);
      for (const [kind, person] of callers) {
        for (const [variant, headers] of HEADER_VARIANTS) {
          const result = await rawAction(
            origin(),
            { page, file: file!, action: action!, fields: row.fields(world.ids) },
            { cookie: person?.cookie, headers },
          );
          calls++;
          check(failures, `${action} as ${kind} (${variant})`, () => {
            if (kind === "signedOut") (row.signedOut ?? refusedSignedOut)(result, kind);
            else if (kind === "partner" && row.partner) row.partner(result, kind);
            else row.signedIn(result, kind);
          });
        }
      }
    }
    report(`access matrix: ${calls} action calls`);
    expectNoFailures(failures);
  });

  test("every route, signed out, as another person and as the partner: nothing of the owner's", async () => {
    const failures: string[] = [];
    const callers: Array<[CallerKind, Person | null]> = [
      ["signedOut", null],
      ["stranger", world.stranger],
      ["partner", world.partner],
    ];
    for (const [id, calls] of Object.entries(ROUTES)) {
      for (const call of calls) {
        for (const [kind, person] of callers) {
          for (const [variant, headers] of HEADER_VARIANTS) {
            const result = await rawRequest(origin(), call.path, {
              method: call.method,
              cookie: person?.cookie,
              headers: { Origin: origin(), ...headers },
              body: call.body?.(),
            });
            check(failures, `${id}: ${call.label} as ${kind} (${variant})`, () =>
              call.check(result, kind, person?.email.toLowerCase() ?? null),
            );
          }
        }
      }
    }
    expectNoFailures(failures);
  });

  test("private pages: signed out (even claiming to be a middleware subrequest) they send you to sign in; signed in they show only your own rows", async () => {
    const failures: string[] = [];
    const pages = findInventory(process.cwd())
      .pages.map((p) => p.id.slice("page:".length))
      .filter((p) => /^\/(progress|account|counseling)(\/|$)/.test(p))
      .map((p) => p.replace("[referralId]", world.ids.referralId));
    expect(pages.length).toBeGreaterThan(10);
    for (const path of pages) {
      // A page echoes its own URL (the id the caller typed); that is not the owner's data.
      const echoed = (body: string) => body.replaceAll(world.ids.referralId, "");
      for (const [variant, headers] of HEADER_VARIANTS) {
        const signedOut = await rawRequest(origin(), path, { headers });
        check(failures, `${path} signed out (${variant})`, () => {
          if (PUBLIC_PAGES_IN_PRIVATE_AREAS[path]) expect(signedOut.status, path).toBe(200);
          else {
            expect([303, 307, 308], path).toContain(signedOut.status);
            expect(signedOut.redirect).toMatch(/\/signin\?callbackUrl=/);
          }
          noOwnerData(echoed(signedOut.body));
        });
        // Signed in, the header makes no difference to who you are: checked plainly.
        if (variant !== "plain") continue;
        for (const person of [world.stranger, world.partner]) {
          const seen = await rawRequest(origin(), path, { cookie: person.cookie, headers });
          check(failures, `${path} as ${person.email} (${variant})`, () => {
            expect(seen.status, path).toBeLessThan(500);
            const isPartner = person === world.partner;
            if (path.startsWith("/counseling/joined/") && !isPartner) expect(seen.status).toBe(404);
            // The partner's pages also link to the referral they joined (their own link).
            noOwnerData(echoed(seen.body));
          });
        }
      }
    }
    expectNoFailures(failures);
  });

  test("actions that end a session end only the caller's own (each with a fresh session)", async ({
    mail,
  }) => {
    const failures: string[] = [];
    test.setTimeout(120_000);
    for (const [id, row] of Object.entries(ACTIONS)) {
      if (!row.endsSession) continue;
      const [, file, action] = /^action:(.+)#(.+)$/.exec(id)!;
      const page = typeof row.page === "string" ? row.page : row.page(world.ids);
      for (const [variant, headers] of HEADER_VARIANTS) {
        const call = (cookie?: string) =>
          rawAction(
            origin(),
            {
              page,
              file: file!,
              action: action!,
              fields: row.fields(world.ids),
              formOnly: row.formOnly,
            },
            { cookie, headers },
          );
        const signedOut = await call();
        check(failures, `${action} signed out (${variant})`, () =>
          (row.signedOut ?? refusedSignedOut)(signedOut, "signedOut"),
        );
        // Another person: a fresh account each time (the call may delete it).
        const stranger = await signInRaw(origin(), mail, uniqueEmail("stranger"));
        const asStranger = await call(stranger);
        check(failures, `${action} as another person (${variant})`, () =>
          row.signedIn(asStranger, "stranger"),
        );
        if (row.skip?.partner) continue;
        const partner = await signInRaw(origin(), mail, world.partner.email);
        const asPartner = await call(partner);
        check(failures, `${action} as the partner (${variant})`, () =>
          row.signedIn(asPartner, "partner"),
        );
      }
    }
    expectNoFailures(failures);
  });

  test("team pages and the passkey steps: past the passkey, email link only, removed, another person, the partner", async ({
    mail,
  }) => {
    test.setTimeout(180_000);
    const failures: string[] = [];
    const member = async (label: string) => {
      const email = uniqueEmail(label);
      return { id: "", email, cookie: await signInRaw(origin(), mail, email) };
    };
    const verified = await member("team-verified");
    const linkOnly = await member("team-link-only");
    const removed = await member("team-removed");
    // The partner anew: the session test above ended every session of theirs.
    const partner = {
      ...world.partner,
      cookie: await signInRaw(origin(), mail, world.partner.email),
    };
    // Granted as `npm run team:add` grants; "past the passkey" as /team/passkey
    // records it. The removed member keeps a verified session on purpose: the
    // membership check alone must refuse them.
    await database.read(async (query) => {
      for (const [person, isRemoved, isVerified] of [
        [verified, false, true],
        [linkOnly, false, false],
        [removed, true, true],
      ] as const) {
        person.id = await userId(query, person.email);
        await query(
          `INSERT INTO "TeamMember" ("userId", "role", "updatedAt", "removedAt")
           VALUES ($1, 'counselor', now(), CASE WHEN $2 THEN now() END)`,
          [person.id, isRemoved],
        );
        if (isVerified) {
          await query(
            `UPDATE "Session" SET "teamVerifiedAt" = "createdAt" + interval '1 second' WHERE "userId" = $1`,
            [person.id],
          );
        }
      }
    });

    type Expect = { team: number | RegExp; passkey: number | RegExp; actions: Outcome };
    /** The team's referral actions on the owner's referral: none may change it here. */
    const referralActions: Array<[string, Fields]> = [
      ["claimTeamReferral", { referralId: world.ids.referralId }],
      ["reassignTeamReferral", { referralId: world.ids.referralId, toUserId: world.ids.userId }],
      ["closeTeamReferral", { referralId: world.ids.referralId, outcome: "OTHER", resources: "" }],
      [
        "sendTeamMessage",
        { referralId: world.ids.referralId, thread: "PERSON", text: "planted", requestKey: key() },
      ],
    ];
    const toTeam: Outcome = (r) => expect(r.redirect).toBe("/team");
    const refusedAsNotFound = notFound(/could not be found/);
    const callers: Array<[string, Person, Expect]> = [
      ["a member past the passkey", verified, { team: 200, passkey: /\/team$/, actions: toTeam }],
      [
        "a member with only the email link",
        linkOnly,
        { team: /\/team\/passkey$/, passkey: 200, actions: () => {} },
      ],
      ["a removed member", removed, { team: 404, passkey: 404, actions: refusedAsNotFound }],
      ["another person", world.stranger, { team: 404, passkey: 404, actions: refusedAsNotFound }],
      ["the partner", partner, { team: 404, passkey: 404, actions: refusedAsNotFound }],
    ];
    for (const [who, person, expected] of callers) {
      for (const [variant, headers] of HEADER_VARIANTS) {
        for (const [path, want] of [
          ["/team", expected.team],
          ["/team/passkey", expected.passkey],
          ["/team/agenda", expected.team],
        ] as const) {
          const seen = await rawRequest(origin(), path, { cookie: person.cookie, headers });
          check(failures, `${path} as ${who} (${variant})`, () => {
            if (typeof want === "number") expect(seen.status).toBe(want);
            else expect(seen.redirect).toMatch(want);
            // The inbox lists the owner's referral to a member past the passkey
            // (what the owner shared, and its id); never the owner's address.
            if (person === verified && path !== "/team/passkey") {
              expect(seen.body).not.toContain(owner().email);
            } else noOwnerData(seen.body);
          });
        }
        // The owner's referral page: the member past the passkey sees what the
        // owner shared (never their address); everyone else finds nothing.
        const referralPage = await rawRequest(origin(), `/team/referrals/${world.ids.referralId}`, {
          cookie: person.cookie,
          headers,
        });
        check(failures, `/team/referrals/[id] as ${who} (${variant})`, () => {
          const want = expected.team;
          if (typeof want !== "number") expect(referralPage.redirect).toMatch(want);
          else if (want === 200) {
            expect(referralPage.status).toBe(200);
            expect(referralPage.body).toContain("Claim this referral");
            expect(referralPage.body).not.toContain(owner().email);
          } else {
            expect(referralPage.status).toBe(404);
            // The 404 page echoes the URL the caller typed; that is not the owner's data.
            noOwnerData(referralPage.body.replaceAll(world.ids.referralId, ""));
          }
        });
        for (const [action, fields] of referralActions) {
          // A counselor's claim would change the owner's row: only the refusals
          // are called as them here (the claim itself: team-inbox.spec.ts).
          if (person === verified && action === "claimTeamReferral") continue;
          const result = await rawAction(
            origin(),
            { page: "/team", file: "lib/actions/team-referrals.ts", action, fields },
            { cookie: person.cookie, headers },
          );
          check(failures, `${action} as ${who} (${variant})`, () => {
            if (person !== verified) return refusedAsNotFound(result, "stranger");
            // Not the holder (nobody holds it): refused with a reason, nothing changed.
            expect(result.status).toBe(200);
            expect(result.state?.formError).toBeTruthy();
            expect(result.state?.message).toBeUndefined();
          });
        }
        // The calendar feed: a member past the passkey makes and revokes their
        // own link; everyone else (the email-link-only member too) finds nothing.
        for (const action of ["createAgendaFeedAction", "revokeAgendaFeedAction"]) {
          const result = await rawAction(
            origin(),
            { page: "/team/agenda", file: "lib/actions/agenda-feed.ts", action, fields: {} },
            { cookie: person.cookie, headers },
          );
          check(failures, `${action} as ${who} (${variant})`, () => {
            if (person !== verified) return refusedAsNotFound(result, "stranger");
            expect(result.status).toBe(200);
            expect(result.state?.message).toBeTruthy();
            noOwnerData(result.body);
          });
        }
        // The appointment reminders box: a member past the passkey saves their
        // own preference; everyone else (the email-link-only member too) finds nothing.
        {
          const result = await rawAction(
            origin(),
            {
              page: "/team/agenda",
              file: "lib/actions/team-reminders.ts",
              action: "updateTeamAppointmentReminders",
              fields: { sessionRemindersEnabled: "on" },
            },
            { cookie: person.cookie, headers },
          );
          check(failures, `updateTeamAppointmentReminders as ${who} (${variant})`, () => {
            if (person !== verified) return refusedAsNotFound(result, "stranger");
            expect(result.status).toBe(200);
            expect(result.state?.message).toBeTruthy();
            noOwnerData(result.body);
          });
        }
        const passkeyAction = (action: string, fields: Fields) =>
          rawAction(
            origin(),
            { page: "/team/passkey", file: "lib/actions/team-passkey.ts", action, fields },
            { cookie: person.cookie, headers },
          );
        const options = await passkeyAction("teamPasskeyOptions", {});
        const finished = await passkeyAction("finishTeamPasskeyAction", {
          purpose: "verify",
          response: PASSKEY_ANSWER,
        });
        check(failures, `passkey actions as ${who} (${variant})`, () => {
          expected.actions(options, "stranger");
          expected.actions(finished, "stranger");
          if (person === linkOnly) {
            // A fresh challenge for this session, and a made-up answer refused.
            expect(options.state?.message).toBe("Ready");
            expect(
              JSON.parse(String((options.state as { options?: string }).options)).challenge,
            ).toMatch(/^[A-Za-z0-9_-]{20,}$/);
            expect(finished.state?.formError).toMatch(/no longer open/);
          }
        });
      }
    }
    // The email-link-only member is still outside.
    const after = await rawRequest(origin(), "/team", { cookie: linkOnly.cookie });
    expect(after.redirect).toMatch(/\/team\/passkey$/);
    expectNoFailures(failures);
  });

  test("the owners' rows, read from the database, are exactly as before", async () => {
    test.setTimeout(120_000);
    const started = Date.now();
    const after = await database.read((query) =>
      snapshotOwnedRows(query, [world.owner.id, world.owner2.id]),
    );
    report(`access matrix: owners' rows read again in ${elapsed(started)}`);
    expect(after).toEqual(world.before);
    // And the owner is still signed in: nobody ended the owner's session.
    const session = await rawRequest(origin(), "/api/auth/session", { cookie: world.owner.cookie });
    expect(session.body).toContain(world.owner.email.toLowerCase());
  });
});
