import { expect, test } from "./support/fixtures";
import { expectAccessible } from "./support/axe";
import { shootAtPhoneWidth } from "./support/screenshots";
import { signInWithEmail, uniqueEmail } from "./support/sign-in";
import { refuseDialogs } from "./support/tracker";

// Issue 16, items 6 and 7 end to end: the production server, its own job runner
// (the reminder scheduler) and worker, a real SMTP server and a real browser.

/** "HH:MM" a minute or two from now, in UTC (a new account's zone): soon, but surely ahead. */
function soonUtc(): string {
  const now = new Date();
  const ahead = new Date(now.getTime() + (now.getUTCSeconds() < 45 ? 60_000 : 120_000));
  return ahead.toISOString().slice(11, 16);
}

test.describe("reminders", () => {
  test("off by default; turned on, one arrives bland with the one-click stop headers, and the stop works signed out", async ({
    page,
    mail,
    browser,
  }) => {
    test.setTimeout(240_000);
    refuseDialogs(page);
    const address = uniqueEmail("reminder");
    await signInWithEmail(page, mail, address, { callbackUrl: "/progress/reminders" });
    await expect(page.getByRole("heading", { name: "Reminders" })).toBeVisible();
    await expect(page.getByLabel("A daily reminder to check in")).not.toBeChecked();
    await expect(page.getByLabel("A heads-up before each of my hard dates")).not.toBeChecked();
    await expectAccessible(page);
    await shootAtPhoneWidth(page, "reminders");

    // A refused time keeps every other answer.
    await page.getByLabel("A daily reminder to check in").check();
    await page.getByLabel("At what time").fill("25:99");
    await page.getByLabel("How many days before a hard date").fill("3");
    await page.getByRole("button", { name: "Save reminders" }).click();
    await expect(page.getByText("There is a problem")).toBeVisible();
    await expect(page.getByLabel("A daily reminder to check in")).toBeChecked();
    await expect(page.getByLabel("How many days before a hard date")).toHaveValue("3");

    await page.getByLabel("At what time").fill(soonUtc());
    await page.getByRole("button", { name: "Save reminders" }).click();
    await expect(page.getByRole("status")).toHaveText("Saved. Your reminders are on.");
    await expect(page.getByRole("button", { name: "Pause reminders for a week" })).toBeVisible();

    const reminder = await mail.waitForMessage(
      (m) => m.to === address && m.subject === "Your Heartwork reminder",
      180_000,
    );
    expect(reminder.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    const stopUrl = /^<(.+)>$/.exec(reminder.headers["list-unsubscribe"] ?? "")?.[1];
    expect(stopUrl).toMatch(/\/api\/reminders\/stop\?t=[A-Za-z0-9_-]{43}$/);
    expect(reminder.text).not.toMatch(/miss|\bex\b|feel|mood/i);

    // The link in the body, opened signed out: a confirmation page; opening it changes nothing.
    const stranger = await browser.newContext();
    const signedOut = await stranger.newPage();
    const bodyLink = reminder.links.find((link) => link.includes("/reminders/stop?t="))!;
    await signedOut.goto(bodyLink);
    await signedOut.goto(bodyLink);
    await expect(
      signedOut.getByRole("heading", { name: "Stop your Heartwork reminders?" }),
    ).toBeVisible();
    await expectAccessible(signedOut);
    await shootAtPhoneWidth(signedOut, "reminders-stop");
    await page.reload();
    await expect(page.getByLabel("A daily reminder to check in")).toBeChecked();

    // The mail client's own one-click POST (RFC 8058), no cookies.
    const oneClick = await fetch(stopUrl!, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(oneClick.status).toBe(200);
    await page.reload();
    await expect(page.getByLabel("A daily reminder to check in")).not.toBeChecked();

    // The confirm page's button answers the same, and lands on a calm page.
    await signedOut.getByRole("button", { name: "Stop reminders" }).click();
    await expect(signedOut.getByRole("heading", { name: "Reminders stopped" })).toBeVisible();
    await stranger.close();
  });

  test("a pause for a week, and back", async ({ page, mail }) => {
    refuseDialogs(page);
    await signInWithEmail(page, mail, uniqueEmail("pause-week"), {
      callbackUrl: "/progress/reminders",
    });
    await page.getByLabel("A heads-up before each of my hard dates").check();
    await page.getByRole("button", { name: "Save reminders" }).click();
    await expect(page.getByRole("status")).toHaveText("Saved. Your reminders are on.");
    await page.getByRole("button", { name: "Pause reminders for a week" }).click();
    await expect(page.getByText(/^Paused until/).first()).toBeVisible();
    await page.getByRole("button", { name: "Resume reminders now" }).click();
    await expect(page.getByRole("button", { name: "Pause reminders for a week" })).toBeVisible();
  });
});

test.describe("I want to text them", () => {
  for (const javaScriptEnabled of [true, false]) {
    test(`writes it here instead, breathes, and ends without contact, counted (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async ({
      browser,
      mail,
    }) => {
      test.setTimeout(120_000);
      // Signed in with JavaScript (the sign-in form is not this spec's subject), then
      // the pause in a context with JavaScript on or off and the same session.
      const signingIn = await browser.newContext();
      const signInPage = await signingIn.newPage();
      await signInWithEmail(signInPage, mail, uniqueEmail("pause"), {
        callbackUrl: "/progress/pause",
      });
      const storageState = await signingIn.storageState();
      await signingIn.close();
      const context = await browser.newContext({
        javaScriptEnabled,
        reducedMotion: "reduce",
        storageState,
      });
      const page = await context.newPage();
      refuseDialogs(page);
      await page.goto("/progress/pause");
      await expect(page.getByRole("heading", { name: "Before you text them" })).toBeVisible();
      if (javaScriptEnabled) {
        await expectAccessible(page);
        await shootAtPhoneWidth(page, "pause-start");
      }

      await page.getByLabel("Write what you want to say to them").fill("I still think about us");
      await page.getByLabel("What set it off?").fill("our song on the radio");
      await page.getByRole("button", { name: "Save it here, not there" }).click();
      await expect(page.getByRole("heading", { name: "Take a minute" })).toBeVisible();
      await expect(page.getByText("I still think about us")).toBeVisible();
      await expect(page.getByText("Breathe in slowly for four counts")).toBeVisible();
      if (javaScriptEnabled) {
        await expectAccessible(page);
        await shootAtPhoneWidth(page, "pause-breathe");
      }

      await page.getByLabel("Keep the message for tomorrow").check();
      await page.getByRole("button", { name: "Done" }).click();
      await expect(page.getByText("Kept for tomorrow, and not sent.").first()).toBeVisible();
      await expect(page.getByRole("heading", { name: "Messages you kept" })).toBeVisible();
      await expect(page.getByText("Set off by: our song on the radio")).toBeVisible();

      await page.goto("/progress/no-contact");
      await expect(page.getByText("You paused 1 time instead of texting them.")).toBeVisible();

      // The kept message can be deleted; the pause still counts.
      await page.goto("/progress/pause");
      await page.getByRole("button", { name: /^Delete the message from/ }).click();
      await expect(page.getByRole("heading", { name: "Messages you kept" })).toBeHidden();
      await page.goto("/progress/no-contact");
      await expect(page.getByText("You paused 1 time instead of texting them.")).toBeVisible();
      await context.close();
    });
  }
});
