import type { SuiteCoverage } from "./types";

// The access control matrix (SECURITY.md items 8 and 9): every action and route
// that touches user data, called signed out, as another person and as the
// owner's linked partner, with the owner's ids, with and without the
// `x-middleware-subrequest` header. The spec's table is keyed by these ids and
// asserts that its keys equal `covers`.
export const coverage: SuiteCoverage = {
  suite: "tests/e2e/security-access.spec.ts",
  kinds: ["action", "route"],
  covers: [
    "action:lib/actions/account.ts#saveDisplayName",
    "action:lib/actions/account.ts#signOutEverywhere",
    "action:lib/actions/account.ts#requestFreshSignIn",
    "action:lib/actions/account.ts#deleteMyAccount",
    "action:lib/actions/auth.ts#requestSignInLink",
    "action:lib/actions/auth.ts#signOutAction",
    "action:lib/actions/check-ins.ts#recordCheckIn",
    "action:lib/actions/counseling.ts#submitSafetyScreen",
    "action:lib/actions/counseling.ts#submitPartnerSafetyScreen",
    "action:lib/actions/counseling.ts#submitIntake",
    "action:lib/actions/counseling.ts#invitePartner",
    "action:lib/actions/counseling.ts#resendInvitation",
    "action:lib/actions/counseling.ts#revokeInvitation",
    // The person's side of a sent request (issue 14, team-person).
    "action:lib/actions/counseling.ts#changeContactDetails",
    "action:lib/actions/counseling.ts#withdrawRequest",
    "action:lib/actions/goals.ts#addGoal",
    "action:lib/actions/goals.ts#markGoal",
    "action:lib/actions/goals.ts#removeGoal",
    "action:lib/actions/goals.ts#editGoal",
    "action:lib/actions/goals.ts#editActivity",
    "action:lib/actions/goals.ts#addActivity",
    "action:lib/actions/goals.ts#removeActivity",
    "action:lib/actions/hard-dates.ts#addHardDate",
    "action:lib/actions/hard-dates.ts#answerValentines",
    "action:lib/actions/hard-dates.ts#removeHardDate",
    "action:lib/actions/hard-dates.ts#editHardDate",
    "action:lib/actions/invitations.ts#acceptInvitation",
    "action:lib/actions/invitations.ts#declineInvitation",
    "action:lib/actions/invitations.ts#optOutOfAllInvitations",
    "action:lib/actions/invitations.ts#switchAccountForInvitation",
    "action:lib/actions/memories.ts#addMemory",
    "action:lib/actions/memories.ts#removeMemory",
    "action:lib/actions/memories.ts#editMemory",
    "action:lib/actions/reach-outs.ts#addReachOut",
    "action:lib/actions/reach-outs.ts#removeReachOut",
    "action:lib/actions/reach-outs.ts#editReachOut",
    // Undo after a removal (issue 16 item 5).
    "action:lib/actions/removals.ts#undoRemove",
    "action:lib/actions/reminders.ts#updateReminderSettings",
    "action:lib/actions/reminders.ts#pauseRemindersForAWeek",
    "action:lib/actions/reminders.ts#resumeRemindersNow",
    "action:lib/actions/text-pauses.ts#beginTextPause",
    "action:lib/actions/text-pauses.ts#finishTextPause",
    "action:lib/actions/text-pauses.ts#removeTextPauseDraft",
    "action:lib/actions/tracker-export.ts#requestExportSignIn",
    "action:lib/actions/tracker-settings.ts#updateTrackerSettings",
    "action:lib/actions/team-passkey.ts#teamPasskeyOptions",
    "action:lib/actions/team-passkey.ts#finishTeamPasskeyAction",
    "action:lib/actions/team-referrals.ts#claimTeamReferral",
    "action:lib/actions/team-referrals.ts#reassignTeamReferral",
    "action:lib/actions/team-referrals.ts#closeTeamReferral",
    "action:lib/actions/team-referrals.ts#sendTeamMessage",
    "action:lib/actions/counseling-messages.ts#sendCounselingMessage",
    "action:lib/actions/welcome.ts#answerWelcome",
    "route:app/api/auth/[...nextauth]/route.ts#GET",
    "route:app/api/auth/[...nextauth]/route.ts#POST",
    "route:app/progress/export/[format]/route.ts#POST",
    "route:app/api/reminders/stop/route.ts#GET",
    "route:app/api/reminders/stop/route.ts#POST",
  ],
  exempt: {
    "route:app/api/health/live/route.ts#GET":
      "answers that the process is up; reads no session, no database, no user data",
    "route:app/api/health/ready/route.ts#GET":
      "answers whether the database responds (a SELECT 1); reads no session and no user data",
  },
};
