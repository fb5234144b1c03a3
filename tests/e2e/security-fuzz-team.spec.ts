import fc from "fast-check";
import type { Page } from "@playwright/test";
import { CLAIMED_MESSAGE } from "@/lib/counseling/team-labels";
import {
  CLOSING_OUTCOMES,
  MESSAGE_MAX_LENGTH,
  MESSAGE_THREADS,
  RESOURCES_MAX_LENGTH,
} from "@/lib/counseling/team";
import { ACTION_BODY_LIMIT_BYTES } from "@/lib/security/action-body";
import { formatDateTimeIn } from "@/lib/time/format-in-zone";
import {
  claimReferralSchema,
  closeReferralSchema,
  counselingMessageSchema,
  reassignReferralSchema,
} from "@/lib/validations/team";
import { snapshotDatabase, type DatabaseSnapshot } from "./support/database-snapshot";
import { expectAccessible } from "./support/axe";
import { expect, test } from "./support/fixtures";
import { shootAtPhoneWidth } from "./support/screenshots";
import { asObject, describeCase, formCase, XSS_PAYLOADS, type Fields } from "./support/fuzz-values";
import { expectRendersAsText, watchedPage } from "./support/renders-as-text";
import { fetchAction } from "./support/server-actions";
import {
  newTeamAppPage,
  signInAsTeamMember,
  TEAM_APP_URL,
  onTeamApp,
  coupleWithReferral,
} from "./support/team";

// The team's side past the passkey (issue 14): a counselor opens a couple's
// referral (the person then sees who opened their file, in their own zone),
// claims it (the page says so in a focused status message, though the claim
// form is gone), and writes; then the four team actions get hostile input as
// that signed-in member (refused cleanly, nothing written), and the text the
// member stores renders as text on every side; a coordinator's reassign gets
// hostile input the same way. security-fuzz.spec.ts fuzzes
// the same actions as non-members; this is the member's half.

const team = onTeamApp();
test.describe.configure({ mode: "serial" });

const SEED = 20261205;
const RUNS = 60;
// UTC+10:30 in December: a time shown in UTC would be visibly wrong. Not Kolkata: this
// Node's ICU lists it only as Asia/Calcutta, so the settings page offers no "Asia/Kolkata".
const ZONE = "Australia/Adelaide";

async function cookieOf(page: Page): Promise<string> {
  return (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
}

/** The times an instant between `from` and `to` may be shown as, minute by minute, in `zone`. */
function shownTimes(from: number, to: number, zone: string): string[] {
  const times: string[] = [];
  for (let t = from - 60_000; t <= to + 60_000; t += 30_000) {
    times.push(formatDateTimeIn(new Date(t), zone));
  }
  return [...new Set(times)];
}

const A = (action: string) => ({ file: "lib/actions/team-referrals.ts", action });
type FuzzEntry = ReturnType<typeof A> & {
  names: string[];
  valid: fc.Arbitrary<Record<string, string>>;
  /** Whether a case would really change something (those are left out). */
  acts: (fields: Fields) => boolean;
};
const strictParse = (schema: { safeParse: (v: unknown) => { success: boolean } }) => (f: Fields) =>
  schema.safeParse(asObject(f)).success;

test("a counselor opens, claims and writes; the person sees who opened their file; hostile input from the member is refused and stored text renders as text", async ({
  page,
  browser,
  mail,
}) => {
  test.setTimeout(420_000);
  const note = `Shared note ${Date.now()}`;
  const { person, partner, joinedPath } = await coupleWithReferral(browser, mail, {
    note,
    timeZone: ZONE,
  });
  await person.page.goto("/counseling");
  await expect(
    person.page.getByText("Nobody on the counseling team has opened it yet."),
  ).toBeVisible();

  // The counselor opens the referral: the opening is recorded.
  await signInAsTeamMember(page, mail, { role: "counselor", displayName: "Dana" });
  const openedFrom = Date.now();
  await page.getByRole("listitem").filter({ hasText: note }).getByRole("link").first().click();
  await page.waitForURL(/\/team\/referrals\/[A-Za-z0-9_-]+$/);
  const openedTo = Date.now();
  const referralPath = new URL(page.url()).pathname;
  const referralId = referralPath.split("/").at(-1)!;

  // Claiming: the form goes, the page says what happened and moves focus there.
  await page.getByRole("button", { name: "Claim this referral" }).click();
  await page.waitForURL(/\?claimed=1$/);
  const status = page.getByRole("status").filter({ hasText: CLAIMED_MESSAGE });
  await expect(status).toBeVisible();
  await expect(status).toBeFocused();
  await expect(page.getByRole("button", { name: "Claim this referral" })).toHaveCount(0);
  await expect(page.getByText("Claimed by you", { exact: true })).toBeVisible();
  await expectAccessible(page);
  await shootAtPhoneWidth(page, "team-referral-page-claimed");

  // Who opened my file: the counselor by name, at the time of the opening, in the person's zone.
  await person.page.goto("/counseling");
  const openings = person.page
    .getByRole("region", { name: "Who opened your file" })
    .getByRole("listitem");
  await expect(openings.first()).toContainText("Dana");
  // The first opening is the oldest entry (newest first); the claim's page view came after.
  const first = await openings.last().innerText();
  expect(first).toContain("Dana");
  expect(first).toContain(`(${ZONE} time)`);
  expect(shownTimes(openedFrom, openedTo, ZONE).some((time) => first.includes(time))).toBe(true);
  await expect(
    person.page.getByText("Nobody on the counseling team has opened it yet."),
  ).toHaveCount(0);
  await expectAccessible(person.page);

  // Threads with words in them, for the screenshots.
  await page.goto(referralPath);
  await page.getByLabel("Your message").fill("Hello, I am Dana. When would suit you for a call?");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(page.getByRole("list", { name: "Private: the person" })).toContainText("Dana");
  await person.page.goto("/counseling");
  const ownThread = person.page.getByRole("region", { name: "Just you and the counselor" });
  await ownThread
    .getByLabel("Write to your counselor")
    .fill("Saturday morning works for me, thank you.");
  await ownThread.getByRole("button", { name: "Send", exact: true }).click();
  await expect(person.page.getByRole("list", { name: "Just you and the counselor" })).toContainText(
    "Saturday morning",
  );
  await page.goto(referralPath);
  await expect(page.getByRole("list", { name: "Private: the person" })).toContainText("Saturday");
  await expectAccessible(page);
  await shootAtPhoneWidth(page, "team-referral-page-person-thread");
  await page.goto(`${referralPath}?thread=SHARED`);
  await page.getByLabel("Your message").fill("A note for you both before we meet.");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(page.getByRole("list", { name: "Shared with both" })).toContainText("you both");
  await expectAccessible(page);
  await shootAtPhoneWidth(page, "team-referral-page-shared-thread");

  // Hostile input from the member past the passkey, who holds the referral.
  const origin = TEAM_APP_URL;
  const cookie = await cookieOf(page);
  const id = fc.oneof(fc.constant(referralId), fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/));
  const text = (max: number) =>
    fc.oneof(fc.constantFrom(...XSS_PAYLOADS), fc.string({ minLength: 1, maxLength: max }));
  const onThis = (f: Fields) => asObject(f).referralId === referralId;
  const table: FuzzEntry[] = [
    {
      ...A("claimTeamReferral"),
      names: ["referralId"],
      valid: fc.record({ referralId: id }),
      // Already theirs, or not found: a claim by this member changes nothing here.
      acts: () => false,
    },
    {
      ...A("reassignTeamReferral"),
      names: ["referralId", "toUserId"],
      valid: fc.record({ referralId: id, toUserId: fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/) }),
      // A counselor never reassigns; the schema still answers first.
      acts: () => false,
    },
    {
      ...A("closeTeamReferral"),
      names: ["referralId", "outcome", "resources"],
      valid: fc.record({
        referralId: id,
        outcome: fc.constantFrom(...CLOSING_OUTCOMES),
        resources: text(RESOURCES_MAX_LENGTH),
      }),
      acts: (f: Fields) => onThis(f) && strictParse(closeReferralSchema)(f),
    },
    {
      ...A("sendTeamMessage"),
      names: ["referralId", "thread", "text", "requestKey"],
      valid: fc.record({
        referralId: id,
        thread: fc.constantFrom(...MESSAGE_THREADS),
        text: text(MESSAGE_MAX_LENGTH),
        requestKey: fc.uuid(),
      }),
      acts: (f: Fields) => onThis(f) && strictParse(counselingMessageSchema)(f),
    },
  ];
  expect(strictParse(claimReferralSchema)([["referralId", referralId]])).toBe(true);
  const dbUrl = team().databaseUrl; // the team app's own database (PostgreSQL pass)
  const snapshot = async (): Promise<DatabaseSnapshot> => (dbUrl ? snapshotDatabase(dbUrl) : {});
  // What the member's page shows (opening it is recorded, so before the database snapshot).
  await page.goto(`${referralPath}?thread=SHARED`);
  const teamViewBefore = await page.locator("main").innerText();
  /** Sends every case of each entry that must not act, as `asCookie`: each refused, nothing written. */
  const fuzzAs = async (asCookie: string, entries: FuzzEntry[], seed: number) => {
    const before = await snapshot();
    let sent = 0;
    for (const [index, entry] of entries.entries()) {
      const cases = fc
        .sample(formCase(entry.names, entry.valid), { seed: seed + index, numRuns: RUNS })
        .filter((f) => !entry.acts(f));
      for (const fields of cases) {
        const result = await fetchAction(origin, asCookie, { page: "/team", ...entry, fields });
        sent++;
        const what = `${entry.action} ${describeCase(fields)}`;
        const bytes = fields.reduce(
          (sum, [n, v]) => sum + n.length + (typeof v === "string" ? v.length * 3 : v.size),
          0,
        );
        expect(bytes > ACTION_BODY_LIMIT_BYTES * 0.9 ? [200, 303, 413] : [200], what).toContain(
          result.status,
        );
        if (result.status === 200) {
          // Refused with a reason, never "Sent." or another success.
          expect(result.state?.message, what).toBeUndefined();
          expect(result.state?.formError ?? result.state?.fieldErrors, what).toBeDefined();
        }
      }
    }
    expect(sent).toBeGreaterThan(entries.length * RUNS * 0.3);
    if (dbUrl) {
      const after = await snapshot();
      for (const [tableName, state] of Object.entries(before)) {
        expect(after[tableName], `the refused team input changed ${tableName}`).toEqual(state);
      }
    }
  };
  await fuzzAs(cookie, table, SEED);
  await page.goto(`${referralPath}?thread=SHARED`);
  expect(await page.locator("main").innerText()).toBe(teamViewBefore);

  // A coordinator's reassign, as that member past the passkey: only a real
  // member of the team on this referral may move it, so every other case (a
  // made-up member, another referral, hostile fields) is refused and moves
  // nothing. The member ids are the ones the coordinator's own select offers.
  const coordinator = await newTeamAppPage(browser);
  await signInAsTeamMember(coordinator, mail, { role: "coordinator", displayName: "Lee" });
  await coordinator.goto(referralPath);
  const memberIds = await coordinator
    .getByLabel("Give this referral to")
    .locator("option")
    .evaluateAll((options) =>
      options.map((o) => (o as HTMLOptionElement).value).filter((v) => v !== ""),
    );
  expect(memberIds.length).toBeGreaterThan(0);
  await fuzzAs(
    await cookieOf(coordinator),
    [
      {
        ...A("reassignTeamReferral"),
        names: ["referralId", "toUserId"],
        valid: fc.record({
          referralId: id,
          toUserId: fc.oneof(
            fc.constantFrom(...memberIds),
            fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/),
          ),
        }),
        acts: (f: Fields) =>
          onThis(f) &&
          memberIds.includes(String(asObject(f).toUserId)) &&
          strictParse(reassignReferralSchema)(f),
      },
    ],
    SEED + 100,
  );
  // Still the counselor's: the coordinator's refused cases moved nothing.
  await page.goto(referralPath);
  await expect(page.getByText("Claimed by you", { exact: true })).toBeVisible();
  await coordinator.context().close();

  // Stored hostile text from the member: every payload in both threads, then the close.
  for (const thread of ["PERSON", "SHARED"]) {
    for (const payload of XSS_PAYLOADS) {
      const result = await fetchAction(origin, cookie, {
        page: referralPath,
        ...A("sendTeamMessage"),
        fields: [
          ["referralId", referralId],
          ["thread", thread],
          ["text", payload],
          ["requestKey", crypto.randomUUID()],
        ],
      });
      expect(result.state?.message, `${thread} ${payload}`).toBe("Sent.");
    }
  }
  const closed = await fetchAction(origin, cookie, {
    page: referralPath,
    ...A("closeTeamReferral"),
    fields: [
      ["referralId", referralId],
      ["outcome", "REFERRED_ELSEWHERE"],
      ["resources", XSS_PAYLOADS.join("\n")],
    ],
  });
  expect(closed.state?.formError, JSON.stringify(closed.state)).toBeUndefined();
  const last = XSS_PAYLOADS.at(-1)!;
  const teamView = await watchedPage(browser, await page.context().storageState());
  await expectRendersAsText(teamView, referralPath, last);
  await expectRendersAsText(teamView, `${referralPath}?thread=SHARED`, last);
  await expectRendersAsText(teamView, "/team?filter=closed");
  const personView = await watchedPage(browser, await person.page.context().storageState());
  await expectRendersAsText(personView, "/counseling", last);
  const partnerView = await watchedPage(browser, await partner.page.context().storageState());
  await expectRendersAsText(partnerView, joinedPath, last);
});
