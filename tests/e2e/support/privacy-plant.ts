import { expect, type Page } from "@playwright/test";
import { SAFETY_QUESTIONS } from "@/lib/counseling/safety-screen";
import type { CaughtMessage, SmtpCatcher } from "../../support/smtp-catcher";
import { checkIn } from "./tracker";
import { INVITATION_SUBJECT } from "@/lib/counseling/invitation-subject";

// Plants a distinctive sentence in every free-text field a person can fill,
// through the real UI, for the privacy suite (tests/e2e/security-privacy.spec.ts).
// Each sentence carries spaces, so it can never occur by chance inside base64
// ciphertext, a hash or an id.

export type TrackerSentences = {
  checkInNote: string;
  slipTrigger: string;
  memory: string;
  goalTitle: string;
  goalNote: string;
  activity: string;
  reachOutWho: string;
  reachOutNote: string;
  hardDateLabel: string;
  hardDatePlan: string;
};

export function trackerSentences(who: string, tag: string): TrackerSentences {
  const s = (text: string) => `${who} ${tag} ${text}`;
  return {
    checkInNote: s("I reread his old messages at midnight"),
    slipTrigger: s("our song came on in the cafe"),
    memory: s("the morning we missed the train to Lisbon"),
    goalTitle: s("run five kilometres by spring"),
    goalNote: s("because he said I never finish things"),
    activity: s("pottery class on thursday evenings"),
    reachOutWho: s("Auntie Margarethe"),
    reachOutNote: s("she told me about her own divorce"),
    hardDateLabel: s("the day we got the keys"),
    hardDatePlan: s("dinner with my sister instead"),
  };
}

/** Fills every tracker form of the signed-in person with `sentences`. */
export async function plantTracker(page: Page, sentences: TrackerSentences): Promise<void> {
  await page.goto("/progress/check-in");
  await checkIn(page, {
    mood: "Hard",
    missing: 7,
    contact: "We met",
    trigger: sentences.slipTrigger,
    note: sentences.checkInNote,
  });
  // A day with contact is a slip: the saved message then speaks of the days before it.
  await expect(page.getByRole("status")).toContainText(/Saved|does not undo/);

  await page.goto("/progress/memories");
  await page.getByLabel("A hard memory").check();
  await page.getByRole("textbox", { name: "The memory" }).fill(sentences.memory);
  await page.getByRole("button", { name: "Save memory" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: sentences.memory })).toBeVisible();

  await page.goto("/progress/goals");
  await page.getByRole("textbox", { name: "Your goal" }).fill(sentences.goalTitle);
  await page.getByRole("textbox", { name: /A note/ }).fill(sentences.goalNote);
  await page.getByRole("button", { name: "Add goal" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: sentences.goalTitle })).toBeVisible();
  await page.getByLabel("Something new you tried").fill(sentences.activity);
  await page.getByRole("button", { name: "Save activity" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: sentences.activity })).toBeVisible();

  await page.goto("/progress/people");
  await page.getByLabel("Who you talked to").fill(sentences.reachOutWho);
  await page.getByLabel("About the same").check();
  await page.getByRole("textbox", { name: /A note/ }).fill(sentences.reachOutNote);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: sentences.reachOutWho })).toBeVisible();

  await page.goto("/progress/hard-dates");
  await page.getByLabel("What is the date?").fill(sentences.hardDateLabel);
  await page.getByLabel("Month").selectOption("6");
  await page.getByLabel("Day", { exact: true }).selectOption("1");
  await page.getByRole("textbox", { name: /Your plan for the day/ }).fill(sentences.hardDatePlan);
  await page.getByRole("button", { name: "Add date" }).click();
  await expect(
    page.getByRole("listitem").filter({ hasText: sentences.hardDateLabel }),
  ).toBeVisible();
}

/** Answers the private screen (all "no") from /counseling/screen. */
export async function answerScreenClear(page: Page): Promise<void> {
  for (const question of SAFETY_QUESTIONS) {
    await page
      .getByRole("group", { name: question.text })
      .getByLabel("No", { exact: true })
      .check();
  }
  await page.getByRole("button", { name: "Continue" }).click();
  // Done only once the questions have left the page: a navigation started before the
  // answer arrives races it (seen on PostgreSQL: the intake page, asked for too early,
  // sent the person back to the screen, and the answer then landed on /counseling).
  await expect(page.getByRole("group", { name: SAFETY_QUESTIONS[0]!.text })).toHaveCount(0, {
    timeout: 30_000,
  });
}

/** Fills and sends the intake from /counseling/intake; ends on /counseling/next. */
export async function submitIntake(
  page: Page,
  { note, phone }: { note: string; phone: string },
): Promise<void> {
  await page.getByLabel("Trust").check();
  await page.getByLabel("Weekends").check();
  await page.getByLabel("Anything else you would like a counselor to know?").fill(note);
  await page.getByLabel("By phone").check();
  await page.getByLabel("Phone number").fill(phone);
  await page.getByRole("button", { name: "Send my request" }).click();
  await expect(page.getByRole("heading", { name: "Your request is in" })).toBeVisible();
}

/** Sends an invitation from /counseling/invite. */
export async function invitePartner(
  page: Page,
  { email, name, message }: { email: string; name: string; message: string },
): Promise<void> {
  await page.getByLabel("Your partner's email address").fill(email);
  await page.getByLabel("Your name, as your partner knows you").fill(name);
  await page.getByLabel("A short personal message (optional)").fill(message);
  await page.getByRole("button", { name: "Send the invitation" }).click();
  await expect(page.getByText("Your invitation is on its way.")).toBeVisible();
}

/** The invitation email to `address` and the token in its links. */
export async function invitationTo(
  mail: SmtpCatcher,
  address: string,
): Promise<{ message: CaughtMessage; token: string; accept: string; decline: string }> {
  const message = await mail.waitForMessage(
    (m) => m.to === address.toLowerCase() && m.subject === INVITATION_SUBJECT,
  );
  const accept = message.links.find((l) => l.endsWith("?choice=accept"));
  const decline = message.links.find((l) => l.endsWith("?choice=decline"));
  if (!accept || !decline) throw new Error("the invitation email lacks its links");
  const token = new URL(accept).pathname.split("/").pop()!;
  return { message, token, accept, decline };
}

/** The one-time token of a sign-in link (`/signin/confirm?token=…&email=…`). */
export function signInToken(link: string): string {
  const token = new URL(link).searchParams.get("token");
  if (!token) throw new Error(`no token in ${link}`);
  return token;
}
