import type { Page } from "@playwright/test";
import { formatDayLong } from "@/lib/tracker/calendar-day";
import { expect, test } from "./support/fixtures";
import { expectAccessible } from "./support/axe";
import { signInWithEmail, uniqueEmail } from "./support/sign-in";
import { checkIn, dayOffset, exportJson, skipWelcome, todayUtc } from "./support/tracker";

// Issue 16's daily ritual: the app frame, the welcome, the three-tap
// check-in with its reflection, and the calendar. The check-in and the
// welcome must work with JavaScript off; every page passes axe (WCAG 2.2 AA)
// in light and dark and fits a 320 px phone.

const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

test.describe("the daily ritual", () => {
  test("with JavaScript off: the welcome, a check-in in three taps with a note, the reflection and the calendar", async ({
    browser,
    mail,
  }) => {
    test.setTimeout(120_000);
    // Signed in with JavaScript (the sign-in is not what this test is about), then without it.
    const signingIn = await browser.newPage();
    await signInWithEmail(signingIn, mail, uniqueEmail("nojs"), { callbackUrl: "/account" });
    const context = await browser.newContext({
      javaScriptEnabled: false,
      storageState: await signingIn.context().storageState(),
    });
    await signingIn.close();
    const page = await context.newPage();
    await page.goto("/progress");

    // 1 of 3: without JavaScript the zone is a plain select, starting at UTC.
    await expect(page.getByText("Welcome · 1 of 3")).toBeVisible();
    await expect(page.getByLabel("Your time zone")).toHaveValue("UTC");
    await page.getByRole("button", { name: "Continue" }).click();
    // 2 of 3: the breakup date is optional, and the question can be skipped.
    await expect(page.getByText("Welcome · 2 of 3")).toBeVisible();
    await page.getByRole("link", { name: "Skip this question" }).click();
    // 3 of 3: reminders, off unless asked for.
    await expect(page.getByText("Welcome · 3 of 3")).toBeVisible();
    await page.getByRole("button", { name: "Not now" }).click();

    await expect(page.getByRole("heading", { name: "Today", exact: true })).toBeVisible();
    // The lowest mood, with a note behind "Add a note" (a <details>: no script needed).
    await checkIn(page, { mood: "Very hard", missing: 9, contact: "No contact", note: "Alone." });
    await expect(page.getByRole("status")).toHaveText("Saved.");
    const thought = page.getByRole("region", { name: "A thought for today" });
    await expect(thought).toContainText("you do not have to carry it alone");
    await expect(thought.getByRole("link", { name: "call 988" })).toBeVisible();
    await expect(thought).toContainText("text START to 88788");
    await expect(page.getByRole("region", { name: "Today's check-in" })).toContainText("Alone.");

    await page.goto("/progress/history");
    const calendar = page.getByRole("table", { name: /^Your moods in / });
    await calendar
      .locator("summary", { hasText: `${formatDayLong(todayUtc())}: Very hard, with a note` })
      .click();
    await expect(calendar.getByText("Alone.")).toBeVisible();

    expect((await exportJson(page)).settings).toEqual({
      timeZone: "UTC",
      breakupDate: null,
      welcomed: true,
      remindersWanted: false,
    });
    await context.close();
  });

  test("the app frame says where you are and that you are signed in; guests keep the public header", async ({
    page,
    mail,
    browser,
  }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 1280, height: 800 });
    await signInWithEmail(page, mail, uniqueEmail("frame"), { callbackUrl: "/progress" });
    await expectAccessible(page, "the welcome");
    await skipWelcome(page);
    const menu = page.getByRole("navigation", { name: "Main menu" });
    await expect(menu.getByRole("link", { name: "Today" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByText("Signed in", { exact: true })).toBeVisible();

    await menu.getByRole("link", { name: "Steps" }).click();
    await expect(menu.getByRole("link", { name: "Steps" })).toHaveAttribute("aria-current", "page");
    await expect(menu.getByRole("link", { name: "Today" })).not.toHaveAttribute("aria-current");
    await page.goto("/progress/memories");
    await expect(menu.getByRole("link", { name: "Steps" })).toHaveAttribute("aria-current", "true");

    // The tracker's own links: all in sight at 1280 px, the current one marked.
    await page.goto("/progress/history");
    const tracker = page.getByRole("navigation", { name: "Your tracker" });
    await expect(tracker.getByRole("link", { name: "History" })).toHaveAttribute(
      "aria-current",
      "page",
    );
    for (const link of await tracker.getByRole("link").all()) await expect(link).toBeInViewport();

    await page.goto("/account");
    await expect(menu.getByRole("link", { name: "Me" })).toHaveAttribute("aria-current", "page");

    // A phone: the menu is a tab bar at the bottom; nothing is cut off or scrolls sideways.
    await page.setViewportSize({ width: 320, height: 640 });
    for (const path of [
      "/progress",
      "/progress/check-in",
      "/progress/history",
      "/progress/steps",
    ]) {
      await page.goto(path);
      expect(await overflow(page), path).toBeLessThanOrEqual(0);
      const bar = await menu.boundingBox();
      expect(Math.round(bar!.y + bar!.height), `${path}: the tab bar sits at the bottom`).toBe(640);
      for (const link of await menu.getByRole("link").all()) await expect(link).toBeInViewport();
      for (const link of await tracker.getByRole("link").all()) {
        const box = (await link.boundingBox())!;
        expect(box.x, `${path}: tracker link not cut off`).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(320);
      }
    }
    // The quick exit is still visible on a phone.
    await expect(page.getByRole("link", { name: /^quick exit/i })).toBeInViewport();

    // 0 to 10 in one row at 320 px.
    await page.goto("/progress/check-in");
    const scale = page.getByRole("group", { name: /How much do you miss them/ }).getByRole("radio");
    await expect(scale).toHaveCount(11);
    const rows = new Set<number>();
    for (const radio of await scale.all()) rows.add(Math.round((await radio.boundingBox())!.y));
    expect(rows.size).toBe(1);

    const guest = await browser.newPage();
    await guest.goto("/counseling");
    await expect(guest.getByRole("link", { name: /^quick exit/i })).toBeVisible();
    await expect(guest.getByRole("navigation", { name: "Main menu" })).toHaveCount(0);
    await guest.close();
  });

  test("every new screen passes axe in light and dark: dashboard, check-in, reflection, calendar with a day open, steps", async ({
    page,
    mail,
  }) => {
    test.setTimeout(180_000);
    await signInWithEmail(page, mail, uniqueEmail("ritual-axe"), { callbackUrl: "/progress" });
    await page.getByRole("link", { name: "Skip this question" }).click();
    await expectAccessible(page, "the welcome's second screen");
    await page.getByRole("link", { name: "Skip this question" }).click();
    await expectAccessible(page, "the welcome's third screen");
    await page.getByRole("button", { name: "Not now" }).click();
    await expect(page.getByRole("heading", { name: "Today", exact: true })).toBeVisible();
    await expect(page).toHaveTitle(/^Today/);
    await expectAccessible(page, "the dashboard before a check-in");

    await page.goto(`/progress/check-in?day=${dayOffset(0)}`);
    await expectAccessible(page, "the check-in");
    await checkIn(page, { mood: "Very hard", missing: 9, contact: "We met", note: "Hard." });
    await expect(page.getByRole("status")).toHaveText("Saved.");
    await expectAccessible(page, "the lowest-mood reflection");

    await page.goto("/progress");
    await expectAccessible(page, "the dashboard after a check-in");
    await page.goto("/progress/history");
    await page
      .getByRole("table", { name: /^Your moods in / })
      .locator("summary")
      .first()
      .click();
    await expectAccessible(page, "the calendar with a day open");
    await page.goto("/progress/steps");
    await expectAccessible(page, "the steps");
  });
});
