import { PEOPLE_CONFIRMATIONS } from "@/lib/booking/confirmations";
import { SESSION_SUBJECTS } from "@/lib/email/templates/session-invitation";
import { parseInvitation } from "../support/ics";
import { expectAccessible } from "./support/axe";
import { claimNewestReferral, daysAhead } from "./support/booking";
import { expect, test } from "./support/fixtures";
import { answerScreenClear } from "./support/privacy-plant";
import { signInWithEmail, uniqueEmail } from "./support/sign-in";
import { shootAtPhoneWidth } from "./support/screenshots";
import { newTeamAppPage, signInAsTeamMember, onTeamApp } from "./support/team";

// The first session end to end (issue 15), on the team app with a real SMTP
// server: a counselor in New York claims a referral and offers times; the
// person, whose tracker is on Adelaide time (a 30-minute offset), sees them in
// their zone with the zone named and takes one; the calendar file each side
// receives is parsed with ical.js and its DTSTART is the instant the page
// showed; then the person cancels and everyone gets METHOD:CANCEL.

onTeamApp();

test("a counselor offers times, the person takes one in their own zone, the .ics matches the page, and a cancel reaches everyone", async ({
  page,
  browser,
  mail,
}) => {
  test.setTimeout(300_000);
  // The person: tracker on Adelaide time (+9:30 or +10:30, southern summer time), then an
  // individual request. Not Kolkata: this Node's ICU lists it only as Asia/Calcutta.
  const person = { page: await newTeamAppPage(browser), email: uniqueEmail("booking-person") };
  await signInWithEmail(person.page, mail, person.email, { callbackUrl: "/progress/settings" });
  await person.page.getByLabel("Your time zone").selectOption("Australia/Adelaide");
  await person.page.getByRole("button", { name: "Save settings" }).click();
  await expect(person.page.getByText("Saved").first()).toBeVisible();
  await person.page.goto("/counseling?for=me");
  await person.page.getByRole("link", { name: "Start", exact: true }).click();
  await answerScreenClear(person.page);
  await person.page.getByRole("link", { name: "Continue" }).click();
  await person.page.getByLabel("Trust").check();
  await person.page.getByLabel("Weekends").check();
  await person.page.getByRole("button", { name: "Send my request" }).click();
  await person.page.waitForURL(/\/counseling/);

  // The counselor claims it and offers two times in New York time.
  const counselor = await signInAsTeamMember(page, mail, {
    role: "counselor",
    displayName: "Dana",
  });
  await claimNewestReferral(page);

  await page.getByLabel("Your time zone").selectOption("America/New_York");
  const row = (n: number) => page.getByRole("group", { name: new RegExp(`^Time ${n}`) });
  // One time in the past first: refused, and everything typed is kept.
  await row(1).getByLabel("Date").fill(daysAhead(-2));
  await row(1).getByLabel("Start").fill("18:00");
  await row(2).getByLabel("Date").fill(daysAhead(9));
  await row(2).getByLabel("Start").fill("09:30");
  await page
    .getByLabel("Video link, phone number or address")
    .fill("https://video.example/room-e2e");
  await page.getByRole("button", { name: "Offer these times" }).click();
  await expect(page.getByText(/already passed in America\/New York/).first()).toBeVisible();
  await expect(row(2).getByLabel("Date")).toHaveValue(daysAhead(9));
  await expect(page.getByLabel("Video link, phone number or address")).toHaveValue(
    "https://video.example/room-e2e",
  );
  await row(1).getByLabel("Date").fill(daysAhead(8));
  await page.getByRole("button", { name: "Offer these times" }).click();
  await expect(page.getByText(/^Offered 2 times/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Times on offer" })).toBeVisible();
  await expectAccessible(page);
  await shootAtPhoneWidth(page, "session-booking-offer-form");

  // The person sees them in Adelaide time, zone named, and takes the first.
  await person.page.goto("/counseling");
  const choices = person.page.getByRole("group", { name: "Choose a time" }).getByRole("radio");
  await expect(choices).toHaveCount(2);
  const label = (
    await person.page
      .getByRole("group", { name: "Choose a time" })
      .locator("label")
      .first()
      .innerText()
  ).trim();
  expect(label).toMatch(/^\w+day \d{1,2} \w+, \d{2}:\d{2}, Adelaide time, 50 minutes, video call$/);
  // 18:00 in New York is 07:30, 08:30 or 09:30 the next morning in Adelaide, as each is on
  // summer time or not.
  expect(label).toMatch(/, 0[789]:30, Adelaide time/);
  await choices.first().check();
  await person.page.getByRole("button", { name: "Take this time" }).click();
  // The take form leaves the page with the booking, so the page confirms it in a status
  // region that takes focus (a screen reader reads it); the card says it is booked.
  const bookedNotice = person.page.getByRole("status").filter({
    hasText: PEOPLE_CONFIRMATIONS.booked,
  });
  await expect(bookedNotice).toBeVisible();
  await expect(bookedNotice).toBeFocused();
  await expect(person.page).toHaveURL(/\/counseling\?session=booked$/);
  await expect(
    person.page.getByRole("region", { name: "Your first session" }).getByText("Booked", {
      exact: true,
    }),
  ).toBeVisible();
  await expect(person.page.getByText("Video link: https://video.example/room-e2e")).toBeVisible();
  await expectAccessible(person.page);
  await shootAtPhoneWidth(person.page, "session-booking-booking-card");

  // Each side's email carries a calendar file whose DTSTART is the time shown.
  const shown = label.split(", 50 minutes")[0]!;
  const toPerson = await mail.waitForMessage(
    (m) => m.to === person.email.toLowerCase() && m.subject === SESSION_SUBJECTS.booked,
  );
  const toCounselor = await mail.waitForMessage(
    (m) => m.to === counselor.email.toLowerCase() && m.subject === SESSION_SUBJECTS.booked,
  );
  expect(toPerson.text).toContain(shown);
  const booked = parseInvitation(toPerson.calendars[0]!);
  const bookedForCounselor = parseInvitation(toCounselor.calendars[0]!);
  expect(booked.method).toBe("REQUEST");
  expect(booked.summary).toBe("Heartwork appointment");
  expect(bookedForCounselor.uid).toBe(booked.uid);
  expect(bookedForCounselor.start.getTime()).toBe(booked.start.getTime());
  const adelaide = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Australia/Adelaide",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(booked.start);
  expect(shown).toContain(`, ${adelaide}, Adelaide time`);
  const newYork = new Intl.DateTimeFormat("en-GB", {
    timeZone: "America/New_York",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(booked.start);
  expect(newYork).toBe("18:00");
  expect(booked.end.getTime() - booked.start.getTime()).toBe(50 * 60_000);

  // The person moves to the other time: the move form leaves with the old time, and the
  // page confirms it, focused, as it did the booking.
  await person.page
    .getByRole("group", { name: "Move to another time" })
    .getByRole("radio")
    .first()
    .check();
  await person.page.getByRole("button", { name: "Move to this time" }).click();
  const movedNotice = person.page.getByRole("status").filter({
    hasText: PEOPLE_CONFIRMATIONS.moved,
  });
  await expect(movedNotice).toBeVisible();
  await expect(movedNotice).toBeFocused();
  const moved = parseInvitation(
    (
      await mail.waitForMessage(
        (m) => m.to === person.email.toLowerCase() && m.subject === SESSION_SUBJECTS.moved,
      )
    ).calendars[0]!,
  );
  expect(moved.uid).toBe(booked.uid);
  expect(moved.sequence).toBeGreaterThan(booked.sequence);

  // The person cancels: METHOD:CANCEL, same UID, higher SEQUENCE, to both.
  await person.page.getByRole("button", { name: "Cancel this appointment" }).click();
  // The cancel form leaves the page with the booking; the page confirms it, focused, and
  // the card no longer offers to cancel.
  const cancelledNotice = person.page.getByRole("status").filter({
    hasText: PEOPLE_CONFIRMATIONS.cancelled,
  });
  await expect(cancelledNotice).toBeVisible();
  await expect(cancelledNotice).toBeFocused();
  await expect(
    person.page
      .getByRole("region", { name: "Your first session" })
      .getByRole("button", { name: "Cancel this appointment" }),
  ).toHaveCount(0);
  await expectAccessible(person.page);
  const cancelled = await mail.waitForMessage(
    (m) => m.to === counselor.email.toLowerCase() && m.subject === SESSION_SUBJECTS.cancelled,
  );
  const cancel = parseInvitation(cancelled.calendars[0]!);
  expect(cancel).toMatchObject({ method: "CANCEL", uid: booked.uid, status: "CANCELLED" });
  expect(cancel.sequence).toBeGreaterThan(booked.sequence);
  await mail.waitForMessage(
    (m) => m.to === person.email.toLowerCase() && m.subject === SESSION_SUBJECTS.cancelled,
  );
  // The times are on offer again.
  await person.page.reload();
  await expect(
    person.page.getByRole("group", { name: "Choose a time" }).getByRole("radio"),
  ).toHaveCount(2);
});
