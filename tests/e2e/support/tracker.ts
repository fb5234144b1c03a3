import { expect, type Page } from "@playwright/test";
import { addDays, todayIn } from "@/lib/tracker/calendar-day";

// Helpers for the tracker specs. A fresh account's days follow UTC until the
// person picks a time zone, so "today" in these tests is UTC's.

export const todayUtc = () => todayIn("UTC");
export const dayOffset = (days: number) => addDays(todayUtc(), days);

/** Everything the signed-in person owns, through the real export route. */
export async function exportJson(page: Page): Promise<Record<string, unknown>> {
  const origin = new URL(page.url()).origin;
  const response = await page.request.post("/progress/export/json", {
    headers: { Origin: origin },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(200);
  const data = (await response.json()) as Record<string, unknown>;
  delete data.exportedAt;
  return data;
}

/** The row ids a page carries in its forms (the hidden `id` inputs of its buttons). */
export async function rowIdsOn(page: Page, path: string): Promise<string[]> {
  await page.goto(path);
  return page
    .locator('input[type="hidden"][name="id"]')
    .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
}

/** Fails the test if anything opens a dialog (an XSS payload running, say). */
export function refuseDialogs(page: Page): void {
  page.on("dialog", (dialog) => {
    throw new Error(`a dialog opened: ${dialog.message()}`);
  });
}

export async function checkIn(
  page: Page,
  {
    mood,
    missing,
    contact,
    note,
    trigger,
  }: { mood: string; missing: number; contact: string; note?: string; trigger?: string },
) {
  await page
    .getByRole("group", { name: /How are you feeling/ })
    .getByLabel(new RegExp(`^${mood} \\(`))
    .check();
  await page
    .getByRole("group", { name: /How much do you miss them/ })
    .getByLabel(String(missing), { exact: true })
    .check();
  await page
    .getByRole("group", { name: /Were you in contact/ })
    .getByLabel(contact)
    .check();
  if (trigger !== undefined) await page.getByLabel("What led to it?").fill(trigger);
  if (note !== undefined) {
    // The note waits behind "Add a note" (open already when the day has one).
    const field = page.getByLabel("A private note");
    if (!(await field.isVisible())) await page.getByText("Add a note").click();
    await field.fill(note);
  }
  await page.getByRole("button", { name: "Save check-in" }).click();
}

/** A first visit to /progress opens on the welcome: skip all of it, landing on "Today". */
export async function skipWelcome(page: Page) {
  await expect(page.getByRole("heading", { name: "When does your day start?" })).toBeVisible();
  await page.getByRole("button", { name: "Skip the welcome" }).click();
  await expect(page.getByRole("heading", { name: "Today", exact: true })).toBeVisible();
}
