import ICAL from "ical.js";
import { expectAccessible } from "./support/axe";
import { claimAndOffer, daysAhead, sendIndividualRequest, takeFirstTime } from "./support/booking";
import { expect, test } from "./support/fixtures";
import { uniqueEmail } from "./support/sign-in";
import { shootAtPhoneWidth } from "./support/screenshots";
import { newTeamAppPage, signInAsTeamMember, onTeamApp } from "./support/team";

// The counselor's agenda (issue 15 item 6) on the team app: a booked session
// listed on its day in the counselor's zone, linking to its referral; the
// private calendar feed made on the page, fetched without a session and read
// with ical.js (the same instant, the bland summary, no join link), then
// revoked, after which the same link is a plain 404. axe in light and dark
// mode; 390 px screenshots in both.

onTeamApp();

const JOIN = "https://video.example/agenda-room-e2e";
const ZONE = "America/New_York";

function inZone(instant: Date, options: Intl.DateTimeFormatOptions) {
  return new Intl.DateTimeFormat("en-US", { timeZone: ZONE, ...options }).format(instant);
}

test("the agenda lists a booked session in the counselor's zone, and its feed link works until revoked", async ({
  page,
  browser,
  mail,
  playwright,
}) => {
  test.setTimeout(300_000);
  const person = await newTeamAppPage(browser);
  await sendIndividualRequest(person, mail, uniqueEmail("agenda-person"));

  await signInAsTeamMember(page, mail, { role: "counselor", displayName: "Dana" });
  // The inbox links to the agenda; nothing is booked yet.
  await page.getByRole("link", { name: /^Your agenda/ }).click();
  await expect(page).toHaveURL(/\/team\/agenda$/);
  await expect(page.getByText("No sessions are booked with you yet.")).toBeVisible();
  await page.goto("/team");
  await claimAndOffer(page, {
    timeZone: ZONE,
    times: [
      [daysAhead(8), "18:00"],
      [daysAhead(9), "09:30"],
    ],
    joinDetail: JOIN,
  });
  const referralPath = new URL(page.url()).pathname;
  await takeFirstTime(person);
  await person.context().close();

  // The agenda: the day in New York, the time with the zone named, a link to the referral.
  await page.goto("/team");
  await page.getByRole("link", { name: /^Your agenda/ }).click();
  await expect(page.getByText(/Times are in New York time \(America\/New_York\)/)).toBeVisible();
  const session = page.getByRole("link", { name: "18:00–18:50, New York time" });
  await expect(session).toBeVisible();
  const dayHeading = (await page.getByRole("heading", { level: 2 }).first().innerText()).trim();
  await expect(page.getByText("50 minutes · Video call · Individual")).toBeVisible();
  await expect(page.getByText(JOIN)).toHaveCount(0);
  await session.click();
  await expect(page).toHaveURL((url) => url.pathname === referralPath);
  await page.goBack();

  // The feed link: shown once, copied, fetched with no session at all.
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByRole("button", { name: "Make a calendar link" }).click();
  const linkBox = page.getByRole("textbox", { name: "Your calendar link" });
  await expect(linkBox).toBeVisible();
  const feedUrl = await linkBox.inputValue();
  expect(feedUrl).toMatch(/\/team\/agenda\/feed\/[A-Za-z0-9_-]{43}\.ics$/);
  await page.getByRole("button", { name: "Copy the link" }).click();
  await expect(page.getByText("Copied.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(feedUrl);
  await expectAccessible(page);
  await shootAtPhoneWidth(page, "team-agenda-agenda-with-link");

  const calendarApp = await playwright.request.newContext();
  const fetched = await calendarApp.get(feedUrl);
  expect(fetched.status()).toBe(200);
  expect(fetched.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  expect(fetched.headers()["cache-control"]).toBe("no-store");
  const text = await fetched.text();
  expect(text).not.toContain(JOIN);
  const events = new ICAL.Component(ICAL.parse(text))
    .getAllSubcomponents("vevent")
    .map((c) => new ICAL.Event(c));
  expect(events).toHaveLength(1);
  const event = events[0]!;
  expect(event.summary).toBe("Heartwork appointment");
  const start = event.startDate.toJSDate();
  // The instant in the feed is the one the page showed: its New York time and day.
  expect(inZone(start, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" })).toBe("18:00");
  expect(inZone(start, { weekday: "long", month: "long", day: "numeric", year: "numeric" })).toBe(
    dayHeading,
  );
  expect(event.endDate.toJSDate().getTime() - start.getTime()).toBe(50 * 60_000);

  // Revoked: the same link is a plain 404 at once; the page offers a new one.
  await page.reload();
  await expect(page.getByText(/^Your link was made on/)).toBeVisible();
  await shootAtPhoneWidth(page, "team-agenda-agenda");
  await page.getByRole("button", { name: "Revoke the link" }).click();
  await expect(page.getByText(/^Revoked\. The link has stopped working/)).toBeVisible();
  const revoked = await calendarApp.get(feedUrl);
  expect(revoked.status()).toBe(404);
  expect(await revoked.text()).toBe("Not found");
  await calendarApp.dispose();
  await page.reload();
  await expect(page.getByRole("button", { name: "Make a calendar link" })).toBeVisible();
  await expectAccessible(page);
  // Made and revoked on one page view: the revoked link leaves the page with its message.
  await page.getByRole("button", { name: "Make a calendar link" }).click();
  await expect(linkBox).toBeVisible();
  await page.getByRole("button", { name: "Revoke the link" }).click();
  await expect(page.getByText(/^Revoked\. The link has stopped working/)).toBeVisible();
  await expect(linkBox).toHaveCount(0);
  await expect(page.getByText(/Your calendar link is ready/)).toHaveCount(0);
});

test("the counselor turns appointment reminders off on the agenda page, the same setting as on /progress/reminders", async ({
  page,
  mail,
}) => {
  test.setTimeout(180_000);
  await signInAsTeamMember(page, mail, { role: "counselor", displayName: "Lee" });
  await page.goto("/team/agenda");
  const section = page.getByRole("region", { name: "Appointment reminders" });
  const teamBox = section.getByRole("checkbox", {
    name: "Email me a reminder a day and an hour before each session",
  });
  await expect(teamBox).toBeChecked();
  await teamBox.uncheck();
  await section.getByRole("button", { name: "Save" }).click();
  await expect(section.getByText("Saved. Appointment reminders are off.")).toBeVisible();
  await expectAccessible(page);
  await shootAtPhoneWidth(page, "team-agenda-reminders-off");

  // One preference: the tracker's reminders page shows it off, and turning it
  // on there turns it on here.
  await page.goto("/progress/reminders");
  const trackerBox = page.getByRole("checkbox", {
    name: "A reminder a day and an hour before an appointment I booked",
  });
  await expect(trackerBox).not.toBeChecked();
  await trackerBox.check();
  await page.getByRole("button", { name: "Save reminders" }).click();
  await expect(page.getByText(/^Saved\./)).toBeVisible();
  await page.goto("/team/agenda");
  await expect(teamBox).toBeChecked();
});
