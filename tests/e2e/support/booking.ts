import type { Page } from "@playwright/test";
import type { SmtpCatcher } from "../../support/smtp-catcher";
import { answerScreen } from "./counseling";
import { expect } from "./fixtures";
import { openRawDatabase } from "./raw-database";
import { signInWithEmail } from "./sign-in";
import type { TeamApp } from "./team";

// The first session's steps through the real UI, for specs that need a booked
// session (the counselor's agenda): the person's individual request, the
// counselor's claim and offer, the person's take.

/** A date some days ahead, as the date input takes it (the counselor's calendar day, near enough). */
export function daysAhead(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** Signs `email` in and sends an individual request ("counseling for me") with a clear screen. */
export async function sendIndividualRequest(page: Page, mail: SmtpCatcher, email: string) {
  await signInWithEmail(page, mail, email, { callbackUrl: "/counseling?for=me" });
  await page.getByRole("link", { name: "Start", exact: true }).click();
  await answerScreen(page);
  await page.getByRole("link", { name: "Continue" }).click();
  await page.getByLabel("Trust").check();
  await page.getByLabel("Weekends").check();
  await page.getByRole("button", { name: "Send my request" }).click();
  await page.waitForURL(/\/counseling/);
}

/** On /team (a counselor past the passkey): opens the newest referral and claims it. */
export async function claimNewestReferral(page: Page) {
  await page
    .getByRole("link", { name: /^Referral sent/ })
    .first()
    .click();
  await page.waitForURL(/\/team\/referrals\//);
  await page.getByRole("button", { name: "Claim this referral" }).click();
  await expect(page.getByText("Claimed by you", { exact: true })).toBeVisible();
}

/**
 * On /team (a counselor past the passkey): opens the newest referral, claims
 * it and offers these times (date, start) in `timeZone`, by video.
 */
export async function claimAndOffer(
  page: Page,
  {
    timeZone,
    times,
    joinDetail,
  }: { timeZone: string; times: [string, string][]; joinDetail: string },
) {
  await claimNewestReferral(page);
  await offerTimes(page, { timeZone, times, joinDetail });
}

/**
 * On a referral the counselor holds: offers these times (date, start) in
 * `timeZone`, by video, opening the offer form first when it is folded.
 */
export async function offerTimes(
  page: Page,
  {
    timeZone,
    times,
    joinDetail,
  }: { timeZone: string; times: [string, string][]; joinDetail: string },
) {
  const form = page.locator("details").filter({ hasText: "Offer these times" });
  if ((await form.getAttribute("open")) === null) await form.locator("summary").click();
  await page.getByLabel("Your time zone").selectOption(timeZone);
  for (const [i, [date, start]] of times.entries()) {
    const row = page.getByRole("group", { name: new RegExp(`^Time ${i + 1}`) });
    await row.getByLabel("Date").fill(date);
    await row.getByLabel("Start").fill(start);
  }
  await page.getByLabel("Video link, phone number or address").fill(joinDetail);
  await page.getByRole("button", { name: "Offer these times" }).click();
  await expect(page.getByText(`Offered ${times.length} times`, { exact: false })).toBeVisible();
}

/** On /counseling: takes the first offered time; returns its label as the page showed it. */
export async function takeFirstTime(page: Page): Promise<string> {
  await page.goto("/counseling");
  const group = page.getByRole("group", { name: "Choose a time" });
  const label = (await group.locator("label").first().innerText()).trim();
  await group.getByRole("radio").first().check();
  await page.getByRole("button", { name: "Take this time" }).click();
  await expect(
    page.getByRole("region", { name: "Your first session" }).getByText("Booked", { exact: true }),
  ).toBeVisible();
  return label;
}

/**
 * Moves the referral's booked session (and the offered time it was taken
 * from) to have started `hoursAgo` hours ago
 * (and so, at 50 minutes, ended), straight in the team app's database: a
 * session cannot be offered in the past, and the counselor may mark one held
 * or missed only once it has ended. On PGlite the app stops meanwhile.
 */
export async function startSessionHoursAgo(app: TeamApp, referralId: string, hoursAgo: number) {
  await app.withDatabase(async (env) => {
    const database = await openRawDatabase(
      env.DATABASE_URL
        ? { kind: "postgres", url: env.DATABASE_URL }
        : { kind: "pglite", dir: env.PGLITE_DIR! },
    );
    try {
      // The offered time it was booked from moves with it, as it would have passed too.
      const moved = await database.run(
        `WITH moved AS (
           UPDATE "CounselingSession" SET "startsAt" = now() - make_interval(hours => $2::int)
            WHERE "referralId" = $1 AND state = 'booked'
           RETURNING "offeredTimeId", "startsAt")
         UPDATE "OfferedTime" o SET "startsAt" = m."startsAt"
           FROM moved m WHERE o.id = m."offeredTimeId" RETURNING o.id`,
        [referralId, hoursAgo],
      );
      expect(moved).toHaveLength(1);
    } finally {
      await database.close();
    }
  });
}
