import type { SuiteCoverage } from "./types";

// Pages the privacy crawl (tests/e2e/security-privacy.spec.ts) visits, signed out and
// signed in, recording every request: none may leave our origin. The spec's crawl table
// is keyed by these ids and the spec fails when the two disagree.
export const coverage: SuiteCoverage = {
  suite: "tests/e2e/security-privacy.spec.ts",
  kinds: ["page"],
  covers: [
    "page:/",
    "page:/account",
    "page:/articles/[slug]",
    "page:/counseling",
    "page:/counseling/intake",
    "page:/counseling/invite",
    "page:/counseling/joined/[referralId]",
    "page:/counseling/next",
    "page:/counseling/screen",
    "page:/dev/mailbox",
    "page:/invitations/[token]",
    "page:/progress",
    "page:/progress/check-in",
    "page:/progress/export",
    "page:/progress/goals",
    "page:/progress/hard-dates",
    "page:/progress/history",
    "page:/progress/memories",
    "page:/progress/no-contact",
    "page:/progress/people",
    "page:/progress/settings",
    "page:/progress/steps",
    "page:/signed-out",
    "page:/signin",
    "page:/signin/check-email",
    "page:/signin/confirm",
    "page:/signin/error",
  ],
  exempt: {},
};
