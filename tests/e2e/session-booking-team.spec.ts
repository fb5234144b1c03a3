import { PEOPLE_CONFIRMATIONS, TEAM_CONFIRMATIONS } from "@/lib/booking/confirmations";
import { SESSION_SUBJECTS } from "@/lib/email/templates/session-invitation";
import { parseInvitation } from "../support/ics";
import { expectAccessible } from "./support/axe";
import { claimAndOffer, daysAhead, offerTimes, startSessionHoursAgo } from "./support/booking";
import { expect, test } from "./support/fixtures";
import { shootAtPhoneWidth } from "./support/screenshots";
import { coupleWithReferral, onTeamApp, signInAsTeamMember } from "./support/team";

// The first session for a couple, from the partner's page and the counselor's
// (issue 15): the joined partner takes a time; the counselor cancels it and
// everyone hears; the person takes another, which the counselor marks missed
// once it has ended; new times are offered and taken, and that session is
// marked held: nothing more is offered, and both people's pages say it took place. Each change is
// confirmed on the page that made it, in a focused status region.

const team = onTeamApp();

test("the joined partner takes a time, the counselor cancels it, marks the next one missed, and the one booked after it held", async ({
  page,
  browser,
  mail,
}) => {
  test.setTimeout(300_000);
  const { person, partner, joinedPath } = await coupleWithReferral(browser, mail, {
    note: "We would like weekday evenings.",
  });
  const counselor = await signInAsTeamMember(page, mail, {
    role: "counselor",
    displayName: "Robin",
  });
  await claimAndOffer(page, {
    timeZone: "Europe/Berlin",
    times: [
      [daysAhead(6), "10:00"],
      [daysAhead(7), "17:30"],
    ],
    joinDetail: "https://video.example/couple-room",
  });
  const referralPath = new URL(page.url()).pathname;
  const referralId = referralPath.split("/").pop()!;
  const firstSession = page.getByRole("region", { name: "First session" });
  // Nothing to mark before a session has even been booked.
  await expect(
    firstSession.getByRole("group", { name: "Did the session take place?" }),
  ).toHaveCount(0);

  // The partner, on their own page, sees both times and takes the first.
  await partner.page.goto(joinedPath);
  const partnerChoices = partner.page
    .getByRole("group", { name: "Choose a time" })
    .getByRole("radio");
  await expect(partnerChoices).toHaveCount(2);
  await partnerChoices.first().check();
  await partner.page.getByRole("button", { name: "Take this time" }).click();
  const partnerBooked = partner.page
    .getByRole("status")
    .filter({ hasText: PEOPLE_CONFIRMATIONS.booked });
  await expect(partnerBooked).toBeFocused();
  await expect(partner.page).toHaveURL(new RegExp(`${joinedPath}\\?session=booked$`));
  await expect(
    partner.page.getByText("Video link: https://video.example/couple-room"),
  ).toBeVisible();
  await expectAccessible(partner.page, "the partner's page, booked");
  await shootAtPhoneWidth(partner.page, "session-booking-partner-booked");

  // Everyone gets the same calendar invitation; the person's page shows the booking.
  const invitations = await Promise.all(
    [person.email, partner.email, counselor.email].map((to) =>
      mail.waitForMessage(
        (m) => m.to === to.toLowerCase() && m.subject === SESSION_SUBJECTS.booked,
      ),
    ),
  );
  const booked = invitations.map((m) => parseInvitation(m.calendars[0]!));
  expect(new Set(booked.map((b) => b.uid)).size).toBe(1);
  expect(booked.every((b) => b.method === "REQUEST")).toBe(true);
  await person.page.goto("/counseling");
  await expect(
    person.page
      .getByRole("region", { name: "Your first session" })
      .getByText("Booked", { exact: true }),
  ).toBeVisible();

  // The counselor cancels: the page confirms it, focused, and both people get METHOD:CANCEL.
  await page.reload();
  await expect(firstSession.getByText("Booked", { exact: true })).toBeVisible();
  await firstSession.getByRole("button", { name: "Cancel this session" }).click();
  const teamCancelled = page.getByRole("status").filter({ hasText: TEAM_CONFIRMATIONS.cancelled });
  await expect(teamCancelled).toBeFocused();
  await expect(page).toHaveURL(new RegExp(`${referralPath}\\?session=cancelled$`));
  await expect(firstSession.getByRole("button", { name: "Cancel this session" })).toHaveCount(0);
  await expectAccessible(page, "the counselor's page, cancelled");
  for (const to of [person.email, partner.email]) {
    const cancel = parseInvitation(
      (
        await mail.waitForMessage(
          (m) => m.to === to.toLowerCase() && m.subject === SESSION_SUBJECTS.cancelled,
        )
      ).calendars[0]!,
    );
    expect(cancel).toMatchObject({ method: "CANCEL", uid: booked[0]!.uid, status: "CANCELLED" });
    expect(cancel.sequence).toBeGreaterThan(booked[0]!.sequence);
  }

  // The times are on offer again; the person takes the second.
  await person.page.reload();
  const personChoices = person.page
    .getByRole("group", { name: "Choose a time" })
    .getByRole("radio");
  await expect(personChoices).toHaveCount(2);
  await personChoices.last().check();
  await person.page.getByRole("button", { name: "Take this time" }).click();
  await expect(
    person.page.getByRole("status").filter({ hasText: PEOPLE_CONFIRMATIONS.booked }),
  ).toBeFocused();

  // Before it has ended the counselor can cancel it but not mark it.
  await page.goto(referralPath);
  await expect(firstSession.getByRole("button", { name: "Cancel this session" })).toBeVisible();
  await expect(
    firstSession.getByRole("group", { name: "Did the session take place?" }),
  ).toHaveCount(0);

  // Five hours after its start (moved there in the database: a time cannot be offered in
  // the past), the counselor marks it missed.
  await startSessionHoursAgo(team(), referralId, 5);
  await page.goto(referralPath);
  await expect(firstSession.getByRole("button", { name: "Cancel this session" })).toHaveCount(0);
  await firstSession.getByLabel("No, the person did not come").check();
  await firstSession.getByRole("button", { name: "Save" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: TEAM_CONFIRMATIONS.missed }),
  ).toBeFocused();
  await expect(firstSession.getByText("Missed", { exact: true })).toBeVisible();

  // A missed session can be booked again: the time nobody took is still open to the
  // person, the counselor offers new ones instead (the form is open again), and the person
  // takes one of those.
  await person.page.goto("/counseling");
  const personCard = person.page.getByRole("region", { name: "Your first session" });
  const personChoicesNow = personCard
    .getByRole("group", { name: "Choose a time" })
    .getByRole("radio");
  await expect(personCard.getByText("Missed", { exact: true })).toBeVisible();
  await expect(personChoicesNow).toHaveCount(1);
  await shootAtPhoneWidth(person.page, "session-booking-person-missed");
  await expect(firstSession.getByText("Offer new times")).toBeVisible();
  await offerTimes(page, {
    timeZone: "Europe/Berlin",
    times: [
      [daysAhead(9), "11:00"],
      [daysAhead(10), "11:00"],
    ],
    joinDetail: "https://video.example/couple-room-2",
  });
  await person.page.reload();
  await expect(personCard.getByText("Missed", { exact: true })).toBeVisible();
  await expect(personChoicesNow).toHaveCount(2);
  await personCard.getByRole("group", { name: "Choose a time" }).getByRole("radio").first().check();
  await personCard.getByRole("button", { name: "Take this time" }).click();
  await expect(
    person.page.getByRole("status").filter({ hasText: PEOPLE_CONFIRMATIONS.booked }),
  ).toBeFocused();
  await expect(
    person.page.getByText("Video link: https://video.example/couple-room-2"),
  ).toBeVisible();
  await expectAccessible(person.page, "the person's page, booked again after a missed session");

  // Two hours after the new start, the counselor marks it held: nothing is offered any more.
  await startSessionHoursAgo(team(), referralId, 2);
  await page.goto(referralPath);
  await firstSession.getByLabel("Yes, it was held").check();
  await firstSession.getByRole("button", { name: "Save" }).click();
  const held = page.getByRole("status").filter({ hasText: TEAM_CONFIRMATIONS.held });
  await expect(held).toBeFocused();
  await expect(page).toHaveURL(new RegExp(`${referralPath}\\?session=held$`));
  await expect(firstSession.getByText("Took place", { exact: true })).toBeVisible();
  await expect(
    firstSession.getByRole("group", { name: "Did the session take place?" }),
  ).toHaveCount(0);
  await expect(firstSession.getByRole("button", { name: "Offer these times" })).toHaveCount(0);
  await expect(firstSession.getByRole("heading", { name: "Times on offer" })).toHaveCount(0);
  await expectAccessible(page, "the counselor's page, held");
  await shootAtPhoneWidth(page, "session-booking-team-held");

  // Both people's pages say it took place, without its join details or any time to take.
  for (const [who, path] of [
    [person, "/counseling"],
    [partner, joinedPath],
  ] as const) {
    await who.page.goto(path);
    const card = who.page.getByRole("region", { name: "Your first session" });
    await expect(card.getByText("Took place", { exact: true })).toBeVisible();
    await expect(card.getByText(/Video link:/)).toHaveCount(0);
    await expect(card.getByRole("group", { name: "Choose a time" })).toHaveCount(0);
  }
});
