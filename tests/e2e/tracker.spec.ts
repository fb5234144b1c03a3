import { type Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { signInWithEmail, uniqueEmail } from "./support/sign-in";
import {
  checkIn,
  dayOffset,
  exportJson,
  refuseDialogs,
  skipWelcome,
  todayUtc,
} from "./support/tracker";
import { callAction } from "./support/server-actions";
import { daysBetween, formatDayLong, todayIn } from "@/lib/tracker/calendar-day";

// The private healing tracker end to end: the production server, a real
// browser, real sign-in by email.

async function startTracking(
  page: Page,
  mail: Parameters<typeof signInWithEmail>[1],
  label: string,
) {
  refuseDialogs(page);
  await signInWithEmail(page, mail, uniqueEmail(label), { callbackUrl: "/progress" });
  await skipWelcome(page);
}

test.describe("the healing tracker", () => {
  test("sends a signed-out visitor to sign in and back", async ({ page }) => {
    await page.goto("/progress/memories");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fprogress%2Fmemories/);
  });

  test("a check-in, a back-filled slip and the counter, chart and table that follow", async ({
    page,
    mail,
  }) => {
    await startTracking(page, mail, "checkin");
    await expect(
      page.getByText("Your contact-free days will be counted from your first check-in"),
    ).toBeVisible();
    await page.getByRole("link", { name: "Your calendar and patterns" }).click();
    await expect(
      page.getByText("Your chart will appear here after your first check-ins."),
    ).toBeVisible();
    // The calendar starts on the day the account was made: today can be filled in, not before.
    await expect(
      page.getByRole("link", { name: `Fill in ${formatDayLong(todayUtc())}` }),
    ).toBeVisible();
    await expect(
      page.getByRole("link", { name: `Fill in ${formatDayLong(dayOffset(-2))}` }),
    ).toHaveCount(0);

    // Two days ago (before the account existed): no contact, filled in later all the same.
    await page.goto(`/progress/check-in?day=${dayOffset(-2)}`);
    await checkIn(page, { mood: "Hard", missing: 8, contact: "No contact" });
    await expect(page.getByRole("status")).toHaveText("Saved.");
    const thought = page.getByRole("region", { name: "A thought for today" });
    await expect(thought).toContainText("A hard day.");
    await expect(thought).toContainText("Step 3: Speak to your family and friends");
    await expect(thought).not.toContainText("988");

    // Yesterday: a slip, with what led to it. The trigger field appears only for a slip.
    await page.goto(`/progress/check-in?day=${dayOffset(-1)}`);
    await expect(page.getByLabel("What led to it?")).toBeHidden();
    await checkIn(page, {
      mood: "Very hard",
      missing: 9,
      contact: "I checked their social media",
      trigger: "a photo of us",
    });
    await expect(page.getByRole("status")).toHaveText("Saved.");
    // The lowest mood: the reflection offers 988 and the hotline, gently.
    await expect(thought).toContainText("does not undo the days before it");
    await expect(thought.getByRole("link", { name: "call 988" })).toHaveAttribute(
      "href",
      "tel:988",
    );
    await expect(thought.getByRole("link", { name: "text 988" })).toHaveAttribute(
      "href",
      "sms:988",
    );
    await expect(thought.getByRole("link", { name: "chat online" })).toBeVisible();
    await expect(thought).toContainText("(1-800-799-7233), or text START to 88788");

    // Today, from the overview, with a note that tries to run script.
    await page.goto("/progress");
    await checkIn(page, {
      mood: "Okay",
      missing: 6,
      contact: "They reached out",
      note: `<img src=x onerror="alert('xss')"> better day`,
    });
    const today = page.getByRole("region", { name: "Today's check-in" });
    await expect(today.getByText("Okay (3 of 5)")).toBeVisible();
    await expect(today.getByText(`<img src=x onerror="alert('xss')"> better day`)).toBeVisible();

    const counter = page.getByRole("region", { name: "No contact" });
    await expect(counter.getByText("Contact-free right now")).toBeVisible();
    await expect(counter.locator("dd").nth(0)).toHaveText("1 day");
    await expect(counter.locator("dd").nth(1)).toHaveText("1 day");
    await expect(counter.locator("dd").nth(2)).toHaveText("2 of 3");
    await expect(
      counter.getByText(`The last contact was on ${formatDayLong(dayOffset(-1))}`),
    ).toBeVisible();

    // The calendar: today coloured by its mood, its note one tap away.
    await page.goto("/progress/history");
    const calendar = page.getByRole("table", { name: /^Your moods in / });
    await calendar
      .locator("summary", { hasText: `${formatDayLong(todayUtc())}: Okay, with a note` })
      .click();
    await expect(calendar.getByText(`<img src=x onerror="alert('xss')"> better day`)).toBeVisible();
    await expect(page.getByRole("region", { name: "Patterns" })).toContainText(
      "not yet enough check-ins to say more honestly",
    );

    const chart = page.getByRole("region", { name: "How you have been" });
    await expect(
      chart.getByRole("img", { name: /Mood and missing them, last 30 days/ }),
    ).toBeVisible();
    await expect(chart.getByText("Your average mood this week is 2.0 out of 5.")).toBeVisible();
    await chart.getByText("Show the numbers as a table").click();
    const table = chart.getByRole("table", { name: /Your check-ins in the last 30 days/ });
    await expect(table.getByRole("row")).toHaveCount(4);
    await expect(table.getByRole("row", { name: formatDayLong(todayUtc()) })).toContainText("Okay");

    await chart.getByRole("link", { name: "90 days" }).click();
    await expect(page.getByRole("img", { name: /last 90 days/ })).toBeVisible();

    await page.goto("/progress");
    await page
      .getByRole("link", { name: "See the days with contact and what led to them" })
      .click();
    await expect(page.getByText("a photo of us")).toBeVisible();
  });

  test("refuses bad input next to the field and saves nothing", async ({ page, mail }) => {
    await startTracking(page, mail, "badinput");
    const form = page.getByRole("region", { name: "Today's check-in" });
    await form.getByRole("button", { name: "Save check-in" }).click();
    const mood = form.getByRole("group", { name: /How are you feeling/ });
    await expect(mood).toHaveAccessibleDescription("Please choose how you are feeling.");
    await expect(
      form.getByRole("group", { name: /Were you in contact/ }),
    ).toHaveAccessibleDescription("Please choose whether you were in contact.");

    await mood.getByLabel(/^Good \(/).check();
    await form
      .getByRole("group", { name: /How much do you miss them/ })
      .getByLabel("2", { exact: true })
      .check();
    await form.getByLabel("No contact").check();
    await form.getByText("Add a note").click();
    await form.getByLabel("A private note").evaluate((el) => el.removeAttribute("maxlength"));
    await form.getByLabel("A private note").fill("x".repeat(5001));
    await form.getByRole("button", { name: "Save check-in" }).click();
    // The description also holds the hint and the live count; the error is part of it.
    await expect(form.getByLabel("A private note")).toHaveAccessibleDescription(
      /Please keep this to 5,000 characters or fewer\. It has 5,001\.$/,
    );
    await expect(form.getByLabel("A private note")).toHaveAttribute("aria-invalid", "true");
    expect((await exportJson(page)).checkIns).toEqual([]);

    await page.goto(`/progress/check-in?day=${dayOffset(3)}`);
    await expect(
      page.getByText("That day has not come yet, so here is today instead."),
    ).toBeVisible();
    await expect(page.getByRole("heading", { name: "Today's check-in" })).toBeVisible();
  });

  test("hard dates: a date two weeks out brings a calm warning with a plan; Valentine's Day is offered", async ({
    page,
    mail,
  }) => {
    await startTracking(page, mail, "harddates");
    await page.goto("/progress/hard-dates");
    await page.getByRole("button", { name: "Add Valentine's Day" }).click();
    const ahead = page.getByRole("region", { name: "Your dates" });
    await expect(ahead.getByRole("listitem").filter({ hasText: "Valentine's Day" })).toContainText(
      "February 14",
    );
    await expect(page.getByRole("button", { name: "Add Valentine's Day" })).toBeHidden();

    const soon = dayOffset(10);
    await page.goto("/progress/hard-dates");
    await page.getByLabel("What is the date?").fill("Their birthday");
    await page.getByLabel("Month").selectOption({ index: Number(soon.slice(5, 7)) });
    await page.getByLabel("Day", { exact: true }).selectOption(String(Number(soon.slice(8, 10))));
    await page.getByLabel("Your plan for the day").fill("Dinner with Maya and Jo");
    await page.getByRole("button", { name: "Add date" }).click();
    // The form's own status (the list also has one, for removals).
    await expect(page.getByRole("status").filter({ hasText: "Saved." })).toHaveText(
      "Saved. We will remind you two weeks before.",
    );

    await page.goto("/progress");
    const warning = page.getByRole("complementary", { name: "Coming up: Their birthday" });
    await expect(warning).toContainText(`Their birthday is in 10 days (${formatDayLong(soon)})`);
    await expect(warning).toContainText("reach out to friends and spend the day together");
    await expect(warning).toContainText("Your plan: Dinner with Maya and Jo");
  });

  test("memories ask gently for balance; goals get done; friends are logged", async ({
    page,
    mail,
  }) => {
    await startTracking(page, mail, "steps");
    await page.goto("/progress/memories");
    for (const text of ["The lake at dawn", "Cooking together", "His laugh"]) {
      await page.getByLabel("A good memory").check();
      await page.getByRole("textbox", { name: "The memory" }).fill(text);
      await page.getByRole("button", { name: "Save memory" }).click();
      await expect(page.getByRole("listitem").filter({ hasText: text })).toBeVisible();
    }
    await expect(page.getByText("3 good memories, 0 hard memories.")).toBeVisible();
    await expect(page.getByText(/is there a low point you could write down too\?/)).toBeVisible();

    await page.goto("/progress/goals");
    await page.getByRole("textbox", { name: "Your goal" }).fill("Run 5k");
    await page.getByRole("button", { name: "Add goal" }).click();
    await page.getByRole("button", { name: "Mark “Run 5k” as done" }).click();
    await expect(page.getByText("Run 5k (done)")).toBeVisible();
    await page.getByLabel("Something new you tried").fill("Pottery class");
    await page.getByRole("button", { name: "Save activity" }).click();
    await expect(page.getByRole("listitem").filter({ hasText: "Pottery class" })).toBeVisible();

    await page.goto("/progress/people");
    await page.getByLabel("Who you talked to").fill("My sister");
    await page.getByLabel("I felt better afterwards").check();
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("listitem").filter({ hasText: "My sister" })).toBeVisible();

    await page
      .getByRole("navigation", { name: "Main menu" })
      .getByRole("link", { name: "Steps" })
      .click();
    await expect(page.getByRole("heading", { name: "The five steps", level: 1 })).toBeVisible();
    const steps = page.getByRole("main");
    await expect(steps).toContainText("3 good memories and 0 hard memories written down.");
    await expect(steps).toContainText("1 of 1 goal done; 1 new thing tried in the last 30 days.");
    await expect(steps).toContainText("You reached out 1 time in the last 30 days.");
    await expect(steps).toContainText("Don't feel bad if things have been improving");
  });

  test("exports everything as JSON and the check-ins as formula-safe CSV", async ({
    page,
    mail,
  }) => {
    await startTracking(page, mail, "export");
    await checkIn(page, {
      mood: "Good",
      missing: 3,
      contact: "No contact",
      note: '=HYPERLINK("http://evil.example","x")',
    });
    await page.goto("/progress/export");

    const [json] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download everything (JSON)" }).click(),
    ]);
    expect(json.suggestedFilename()).toBe(`heartwork-tracker-${todayUtc()}.json`);
    const data = JSON.parse(await streamText(await json.createReadStream())) as {
      checkIns: Array<{ note: string }>;
    };
    expect(data.checkIns).toEqual([
      expect.objectContaining({ note: '=HYPERLINK("http://evil.example","x")' }),
    ]);

    const [csv] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download check-ins (CSV)" }).click(),
    ]);
    const text = await streamText(await csv.createReadStream());
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(text.split("\r\n")[0]).toBe(
      "\uFEFFday,mood (1-5),mood in words,missing them (0-10),contact,what led to contact,note",
    );

    // Cross-site posts and signed-out requests get nothing.
    const crossSite = await page.request.post("/progress/export/json", {
      headers: { Origin: "https://evil.example" },
      maxRedirects: 0,
    });
    expect(crossSite.status()).toBe(403);
    const anonymous = await page.context().browser()!.newContext();
    const signedOut = await anonymous.request.post(
      `${new URL(page.url()).origin}/progress/export/json`,
      {
        headers: { Origin: new URL(page.url()).origin },
        maxRedirects: 0,
      },
    );
    expect(signedOut.status()).toBe(303);
    expect(signedOut.headers().location).toContain("/signin");
    await anonymous.close();
  });

  test("the welcome: the time zone decides which day is today, the breakup date counts the time given, the reminders answer is kept", async ({
    page,
    mail,
  }) => {
    refuseDialogs(page);
    await signInWithEmail(page, mail, uniqueEmail("welcome"), { callbackUrl: "/progress" });
    await expect(page.getByText("Welcome · 1 of 3")).toBeVisible();
    await expect(page.getByRole("heading", { name: "When does your day start?" })).toBeVisible();
    const zone = "Pacific/Kiritimati"; // UTC+14: often already tomorrow
    await page.getByLabel("Your time zone").selectOption(zone);
    await page.getByRole("button", { name: "Continue" }).click();

    await expect(page.getByText("Welcome · 2 of 3")).toBeVisible();
    await page.getByLabel("The day the relationship ended").fill(dayOffset(400));
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByLabel("The day the relationship ended")).toHaveAccessibleDescription(
      /still in the future/,
    );
    await page.getByLabel("The day the relationship ended").fill(dayOffset(-30));
    await page.getByRole("button", { name: "Continue" }).click();

    await expect(page.getByRole("heading", { name: "A gentle reminder?" })).toBeVisible();
    await page.getByRole("button", { name: "Not now" }).click();

    await expect(page.getByRole("heading", { name: "Today", exact: true })).toBeVisible();
    await expect(
      page.getByText(formatDayLong(todayIn(zone)), { exact: false }).first(),
    ).toBeVisible();
    expect((await exportJson(page)).settings).toEqual({
      timeZone: zone,
      breakupDate: dayOffset(-30),
      welcomed: true,
      remindersWanted: false,
    });
    // Once is enough: the next visit opens on today.
    await page.reload();
    await expect(page.getByRole("heading", { name: "Today", exact: true })).toBeVisible();

    await page.goto("/progress/steps");
    const daysGiven = daysBetween(dayOffset(-30), todayIn(zone));
    await expect(
      page.getByText(`It has been ${daysGiven} days since the relationship ended.`),
    ).toBeVisible();

    await page.goto("/progress/settings");
    await page.getByLabel("The day the relationship ended").fill(dayOffset(400));
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByLabel("The day the relationship ended")).toHaveAccessibleDescription(
      /still in the future/,
    );
  });

  test("a double submit of the same form writes one row", async ({ page, mail }) => {
    await startTracking(page, mail, "double");
    await page.goto("/progress/memories");
    const requestKey = await page.locator('input[name="requestKey"]').first().inputValue();
    const origin = new URL(page.url()).origin;
    const submit = () =>
      callAction(
        page.request,
        {
          page: "/progress/memories",
          file: "lib/actions/memories.ts",
          action: "addMemory",
          fields: { kind: "HARD", text: "The last argument", requestKey },
        },
        origin,
      );
    const results = await Promise.all([submit(), submit(), submit()]);
    for (const result of results) expect(result.status).toBe(200);
    expect((await exportJson(page)).memories).toEqual([
      expect.objectContaining({ kind: "HARD", text: "The last argument" }),
    ]);
  });
});

async function streamText(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}
