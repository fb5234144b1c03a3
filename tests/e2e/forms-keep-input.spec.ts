import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";
import { SAFETY_QUESTIONS } from "@/lib/counseling/safety-screen";
import { DEFAULT_COUNSELING_INTAKE_EMAIL } from "@/lib/counseling/intake";
import { formatDayLong } from "@/lib/tracker/calendar-day";
import { GOAL_TITLE_MAX, NOTE_MAX, WHO_MAX } from "@/lib/tracker/limits";
import { DISPLAY_NAME_MAX_LENGTH } from "@/lib/account/form-rules";
import { EMAIL_FORMAT_MESSAGE } from "@/lib/validations/email-address";
import { tooLongMessage as tooLong } from "@/lib/validations/free-text";
import type { SmtpCatcher } from "../support/smtp-catcher";
import { expect, test } from "./support/fixtures";
import { signInWithEmail, uniqueEmail } from "./support/sign-in";
import { dayOffset, skipWelcome } from "./support/tracker";

// Every form that takes typed input, table-driven: fill every field, submit
// with exactly one error, and check that every value and choice is still
// there, that focus is on the error summary and that axe finds nothing; then
// fix the one error, send, and read back exactly what was entered.

const WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

/** One control and what goes into it. `in` names the group (legend) a choice sits in. */
type Field =
  | { fill: string; with: string }
  | { select: string; with: string }
  | { check: string; in?: string }
  | { uncheck: string }
  /** A choice left as it is: the error is that nothing was chosen. */
  | { leave: string; in?: string };

type FormCase = {
  name: string;
  /** Signs in (or not) and opens the form; returns nothing, ends on the form's page. */
  open: (page: Page, mail: SmtpCatcher) => Promise<void>;
  fields: Field[];
  /** The one field that is wrong, and what makes it right. */
  error: { field: Field; fix: Field; message: string | RegExp };
  submit: string;
  /** After the fix: reads back what was saved, from the page, the export or the mail. */
  saved: (page: Page, mail: SmtpCatcher) => Promise<void>;
};

function control(page: Page, field: Field): Locator {
  if ("fill" in field) return page.getByLabel(field.fill, { exact: true });
  if ("select" in field) return page.getByLabel(field.select, { exact: true });
  const label = "check" in field ? field.check : "leave" in field ? field.leave : field.uncheck;
  const group = "check" in field || "leave" in field ? field.in : undefined;
  const scope = group ? page.getByRole("group", { name: group }) : page;
  return scope.getByLabel(label, { exact: true });
}

async function enter(page: Page, field: Field) {
  const target = control(page, field);
  if ("fill" in field) await target.fill(field.with);
  else if ("select" in field) await target.selectOption(field.with);
  else if ("check" in field) await target.check();
  else if ("uncheck" in field) await target.uncheck();
}

async function expectKept(page: Page, field: Field) {
  const target = control(page, field);
  if ("fill" in field || "select" in field) await expect(target).toHaveValue(field.with);
  else if ("check" in field) await expect(target).toBeChecked();
  else await expect(target).not.toBeChecked();
}

/** Focus is on the control, or (for a group) on one of the same name: the summary's link target. */
async function expectFocusOn(page: Page, field: Field) {
  const name = await control(page, field).getAttribute("name");
  await expect(page.locator(":focus")).toHaveAttribute("name", name!);
}

async function expectAccessible(page: Page) {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
    const violations = results.violations.map((v) => ({
      rule: v.id,
      nodes: v.nodes.map((node) => node.target.join(" ")),
    }));
    expect(violations, `${page.url()} in ${colorScheme} mode`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: "light" });
}

const signedIn =
  (path: string, label = "forms") =>
  async (page: Page, mail: SmtpCatcher) => {
    await signInWithEmail(page, mail, uniqueEmail(label), { callbackUrl: path });
    await expect(page).toHaveURL(new RegExp(`${path.replace(/[?]/g, "\\?")}$`));
    // A first visit to the overview opens on the welcome; these tests are about the forms after it.
    if (path === "/progress") await skipWelcome(page);
  };

async function answerScreen(page: Page) {
  for (const question of SAFETY_QUESTIONS) {
    await page
      .getByRole("group", { name: question.text })
      .getByLabel("No", { exact: true })
      .check();
  }
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/counseling$/);
}

const longNote = "x".repeat(NOTE_MAX + 1);
const signInAddress = uniqueEmail("forms-signin");
const yesterday = dayOffset(-1);

const cases: FormCase[] = [
  {
    name: "a check-in for a missed day",
    open: async (page, mail) => {
      await signedIn(`/progress/check-in?day=${yesterday}`, "checkin")(page, mail);
      await page.getByText("Add a note").click();
    },
    fields: [
      { check: "Hard (2 of 5)", in: `How are you feeling on ${formatDayLong(yesterday)}?` },
      { check: "8", in: `How much do you miss them on ${formatDayLong(yesterday)}?` },
      { check: "I checked their social media" },
      { fill: "What led to it? (optional)", with: "a song on the radio" },
    ],
    error: {
      field: { fill: "A private note (optional)", with: longNote },
      fix: { fill: "A private note (optional)", with: "Walked it off.\nSlept early." },
      message: tooLong(NOTE_MAX, NOTE_MAX + 1),
    },
    submit: "Save check-in",
    saved: async (page) => {
      await expect(page.getByRole("status")).toHaveText("Saved.");
      await expect(page.getByRole("region", { name: "A thought for today" })).toContainText(
        "does not undo the days before it",
      );
      await page.reload();
      await expect(page.getByText("You already checked in for this day.")).toBeVisible();
      for (const field of cases[0]!.fields) await expectKept(page, field);
      await expect(page.getByLabel("A private note (optional)")).toHaveValue(
        "Walked it off.\nSlept early.",
      );
    },
  },
  {
    name: "a memory",
    open: signedIn("/progress/memories", "memory"),
    fields: [{ fill: "The memory", with: "The long drive to the coast." }],
    error: {
      field: { leave: "A good memory" },
      fix: { check: "A good memory" },
      message: /choose/i,
    },
    submit: "Save memory",
    saved: async (page) => {
      await expect(page.getByText("The long drive to the coast.")).toBeVisible();
    },
  },
  {
    name: "a reach-out to a friend",
    open: signedIn("/progress/people", "people"),
    fields: [
      { fill: "When", with: dayOffset(-3) },
      { check: "About the same" },
      { fill: "A note (optional)", with: "We walked the dog." },
    ],
    error: {
      field: { fill: "Who you talked to", with: "D".repeat(WHO_MAX + 1) },
      fix: { fill: "Who you talked to", with: "Dana" },
      message: tooLong(WHO_MAX, WHO_MAX + 1),
    },
    submit: "Save",
    saved: async (page) => {
      const entry = page.getByRole("listitem").filter({ hasText: "We walked the dog." });
      await expect(entry).toContainText(`Dana ${formatDayLong(dayOffset(-3))}`);
      await expect(entry).toContainText("About the same");
    },
  },
  {
    name: "a goal",
    open: signedIn("/progress/goals", "goal"),
    fields: [
      { fill: "Target date (optional)", with: dayOffset(30) },
      { fill: "A note (optional)", with: "Twice a week." },
    ],
    error: {
      field: { fill: "Your goal", with: "G".repeat(GOAL_TITLE_MAX + 1) },
      fix: { fill: "Your goal", with: "Run 5k" },
      message: tooLong(GOAL_TITLE_MAX, GOAL_TITLE_MAX + 1),
    },
    submit: "Add goal",
    saved: async (page) => {
      const goal = page.getByRole("listitem").filter({ hasText: "Twice a week." });
      await expect(goal).toContainText("Run 5k");
      await expect(goal).toContainText(`Aiming for ${formatDayLong(dayOffset(30))}`);
    },
  },
  {
    name: "a hard date",
    open: signedIn("/progress/hard-dates", "hard-date"),
    fields: [
      { fill: "What is the date?", with: "Our anniversary" },
      { select: "Month", with: "2" },
      { fill: "Your plan for the day (optional)", with: "Dinner with Alex." },
    ],
    error: {
      field: { select: "Day", with: "30" },
      fix: { select: "Day", with: "14" },
      message: "That month does not have that day.",
    },
    submit: "Add date",
    saved: async (page) => {
      const date = page.getByRole("listitem").filter({ hasText: "Dinner with Alex." });
      await expect(date).toContainText("Our anniversary");
      await expect(date).toContainText("February 14");
    },
  },
  {
    name: "the tracker's settings",
    open: signedIn("/progress/settings", "settings"),
    fields: [{ select: "Your time zone", with: "Europe/Berlin" }],
    error: {
      field: { fill: "The day the relationship ended (optional)", with: dayOffset(5) },
      fix: { fill: "The day the relationship ended (optional)", with: dayOffset(-40) },
      message: /still in the future/,
    },
    submit: "Save settings",
    saved: async (page) => {
      await expect(page.getByRole("status")).toHaveText("Saved.");
      await page.reload();
      await expect(page.getByLabel("Your time zone")).toHaveValue("Europe/Berlin");
      await expect(page.getByLabel("The day the relationship ended (optional)")).toHaveValue(
        dayOffset(-40),
      );
    },
  },
  {
    name: "the display name",
    open: signedIn("/account", "account"),
    fields: [],
    error: {
      field: { fill: "Display name", with: "N".repeat(DISPLAY_NAME_MAX_LENGTH + 1) },
      fix: { fill: "Display name", with: "Robin" },
      message: tooLong(DISPLAY_NAME_MAX_LENGTH, DISPLAY_NAME_MAX_LENGTH + 1),
    },
    submit: "Save name",
    saved: async (page) => {
      await page.reload();
      await expect(page.getByLabel("Display name")).toHaveValue("Robin");
    },
  },
  {
    name: "the sign-in form",
    open: async (page) => {
      await page.goto("/signin");
    },
    fields: [],
    error: {
      field: { fill: "Email address", with: "robin.example.com" },
      fix: { fill: "Email address", with: signInAddress },
      message: EMAIL_FORMAT_MESSAGE,
    },
    submit: "Email me a sign-in link",
    saved: async (page, mail) => {
      await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
      await mail.waitForMessage((m) => m.to === signInAddress);
    },
  },
  {
    name: "the private safety screen",
    open: signedIn("/counseling/screen", "screen"),
    fields: SAFETY_QUESTIONS.slice(1).map((q) => ({ check: "Not sure", in: q.text })),
    error: {
      field: { leave: "No", in: SAFETY_QUESTIONS[0]!.text },
      fix: { check: "No", in: SAFETY_QUESTIONS[0]!.text },
      message: "Choose an answer.",
    },
    submit: "Continue",
    saved: async (page) => {
      // The answers are never stored: what shows is where they lead.
      await expect(page).toHaveURL(/\/counseling$/);
    },
  },
  {
    name: "the counseling intake, by phone",
    open: async (page, mail) => {
      await signedIn("/counseling", "intake")(page, mail);
      await page.getByRole("link", { name: "Start", exact: true }).click();
      await answerScreen(page);
      await page.getByRole("link", { name: "Continue" }).click();
      await expect(page.getByRole("heading", { name: "Your counseling request" })).toBeVisible();
    },
    fields: [
      { check: "Individual counseling, on my own" },
      { check: "Trust" },
      { check: "Arguments that go in circles" },
      { uncheck: "Share these choices with the counseling team" },
      { fill: "Anything else you would like a counselor to know? (optional)", with: "Evenings." },
      { check: "Share my note with the counseling team" },
      { check: "By phone" },
      { fill: "Phone number", with: "+1 555 123 4567" },
      { check: "It is safe to leave a voice message on this number" },
    ],
    error: {
      field: { leave: "Weekends" },
      fix: { check: "Weekends" },
      message: "Choose at least one time that could work.",
    },
    submit: "Send my request",
    saved: async (page, mail) => {
      await expect(page.getByRole("heading", { name: "Your request is in" })).toBeVisible();
      const message = await mail.waitForMessage(
        (m) => m.to === DEFAULT_COUNSELING_INTAKE_EMAIL && m.text.includes("+1 555 123 4567"),
      );
      expect(message.text).toContain("Contact by phone: +1 555 123 4567");
      expect(message.text).not.toContain("Contact by email");
      expect(message.text).toContain("Evenings.");
      expect(message.text).toContain(
        "They chose not to share what they hope counseling helps with.",
      );
    },
  },
];

test.describe("every form keeps what was typed through an error", () => {
  for (const form of cases) {
    test(form.name, async ({ page, mail }) => {
      await form.open(page, mail);
      for (const field of form.fields) await enter(page, field);
      await enter(page, form.error.field);
      await page.getByRole("button", { name: form.submit }).click();

      const summary = page.getByRole("group", { name: "There is a problem" });
      await expect(summary).toBeFocused();
      await expect(summary.getByRole("link")).toHaveCount(1);
      await expect(summary.getByRole("link")).toHaveText(form.error.message);
      await expect(page.getByRole("status")).toHaveText("Not saved");
      for (const field of [...form.fields, form.error.field]) await expectKept(page, field);
      await expectAccessible(page);

      // The summary's link takes the person to the field with the problem.
      await summary.getByRole("link").click();
      await expectFocusOn(page, form.error.fix);

      await enter(page, form.error.fix);
      await page.getByRole("button", { name: form.submit }).click();
      await form.saved(page, mail);
    });
  }
});

test.describe("what a person writes is never cut, hidden or shown in the wrong zone", () => {
  test("a pasted 70,000 characters stay in the box, the count says how many are too many, and the server refuses them", async ({
    page,
    mail,
  }) => {
    await signedIn("/progress", "paste")(page, mail);
    await page.getByText("Add a note").click();
    await expect(page.getByText("Up to 5,000 characters.")).toBeVisible();
    const note = page.getByLabel("A private note (optional)");
    const pasted = "a".repeat(70_000);
    await note.fill(pasted);
    await expect(note).toHaveValue(pasted);
    await expect(page.getByText("65,000 characters too many")).toBeVisible();

    await page
      .getByRole("group", { name: /How are you feeling/ })
      .getByLabel(/^Okay/)
      .check();
    await page
      .getByRole("group", { name: /How much do you miss them/ })
      .getByLabel("5", { exact: true })
      .check();
    await page
      .getByRole("group", { name: /Were you in contact/ })
      .getByLabel("No contact", { exact: true })
      .check();
    await page.getByRole("button", { name: "Save check-in" }).click();
    await expect(page.getByRole("group", { name: "There is a problem" })).toContainText(
      tooLong(NOTE_MAX, 70_000),
    );
    await expect(note).toHaveValue(pasted);
  });

  test("the first check-in on the overview says it was saved above the summary", async ({
    page,
    mail,
  }) => {
    await signedIn("/progress", "first")(page, mail);
    await page
      .getByRole("group", { name: /How are you feeling/ })
      .getByLabel(/^Good/)
      .check();
    await page
      .getByRole("group", { name: /How much do you miss them/ })
      .getByLabel("3", { exact: true })
      .check();
    await page
      .getByRole("group", { name: /Were you in contact/ })
      .getByLabel("No contact", { exact: true })
      .check();
    await page.getByRole("button", { name: "Save check-in" }).click();
    await expect(page.getByRole("status")).toHaveText("Saved.");
    const today = page.getByRole("region", { name: "Today's check-in" });
    await expect(today.getByRole("region", { name: "A thought for today" })).toContainText(
      "Step 2: Engage in new experiences",
    );
    await expect(today.getByText("Good (4 of 5)")).toBeVisible();
    await expect(page.getByRole("button", { name: "Save check-in" })).toHaveCount(0);
  });

  test("a 5,000-character word wraps on every page that shows it, at phone width", async ({
    page,
    mail,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signedIn("/progress", "long-word")(page, mail);
    const word = "w".repeat(NOTE_MAX);
    await page
      .getByRole("group", { name: /How are you feeling/ })
      .getByLabel(/^Hard/)
      .check();
    await page
      .getByRole("group", { name: /How much do you miss them/ })
      .getByLabel("7", { exact: true })
      .check();
    await page.getByLabel("I checked their social media").check();
    await page.getByLabel("What led to it? (optional)").fill(word.slice(0, 500));
    await page.getByText("Add a note").click();
    await page.getByLabel("A private note (optional)").fill(word);
    await page.getByRole("button", { name: "Save check-in" }).click();
    await expect(page.getByRole("status")).toContainText("Saved.");

    await page.goto("/progress/memories");
    await page.getByLabel("A hard memory").check();
    await page.getByLabel("The memory").fill(word.slice(0, 2000));
    await page.getByRole("button", { name: "Save memory" }).click();
    await expect(page.getByRole("status")).toContainText("Saved");

    for (const path of [
      "/progress",
      "/progress/history",
      "/progress/check-in",
      "/progress/no-contact",
      "/progress/memories",
    ]) {
      await page.goto(path);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, path).toBeLessThanOrEqual(390);
    }
  });

  test("the counseling page shows when an invitation was sent in the person's own zone, and names it", async ({
    page,
    mail,
  }) => {
    await signedIn("/progress/settings", "zone")(page, mail);
    await page.getByLabel("Your time zone").selectOption("Pacific/Kiritimati");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByRole("status")).toHaveText("Saved.");

    await page.goto("/counseling");
    await page.getByRole("link", { name: "Start", exact: true }).click();
    await answerScreen(page);
    await page.getByRole("link", { name: "Continue" }).click();
    await page.getByLabel("Weekends").check();
    await page.getByRole("button", { name: "Send my request" }).click();
    await page.getByRole("link", { name: "Invite your partner now" }).click();
    await page.getByLabel("Your partner's email address").fill(uniqueEmail("zone-partner"));
    await page.getByLabel("Your name, as your partner knows you").fill("Sam");
    const before = Date.now();
    await page.getByRole("button", { name: "Send the invitation" }).click();
    await expect(page.getByText("Your invitation is on its way.")).toBeVisible();

    const inKiritimati = new Intl.DateTimeFormat("en-US", {
      timeZone: "Pacific/Kiritimati",
      dateStyle: "medium",
    }).format(before);
    await expect(
      page.getByText(new RegExp(`Sent ${inKiritimati}, .* \\(Pacific/Kiritimati time\\)`)),
    ).toBeVisible();
  });
});
