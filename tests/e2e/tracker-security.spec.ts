import { type Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { callAction, type ActionCall } from "./support/server-actions";
import { signInWithEmail, uniqueEmail } from "./support/sign-in";
import { checkIn, exportJson, refuseDialogs, rowIdsOn, todayUtc } from "./support/tracker";

// Ownership and input safety of every tracker action, through the real server:
// actions are called over HTTP exactly as the browser calls them, with input no
// form would send.

const TRACKER_PAGES = [
  "/progress",
  "/progress/check-in",
  "/progress/history",
  "/progress/no-contact",
  "/progress/memories",
  "/progress/goals",
  "/progress/people",
  "/progress/hard-dates",
  "/progress/settings",
  "/progress/export",
];

// The actions that name an existing row: another person's ids must always be "not found".
// (Random and hostile input to every action: tests/e2e/security-fuzz.spec.ts.)
const ACTIONS: Array<Omit<ActionCall, "fields">> = [
  {
    page: "/progress/memories",
    file: "lib/actions/memories.ts",
    action: "removeMemory",
  },
  {
    page: "/progress/goals",
    file: "lib/actions/goals.ts",
    action: "markGoal",
  },
  {
    page: "/progress/goals",
    file: "lib/actions/goals.ts",
    action: "removeGoal",
  },
  {
    page: "/progress/goals",
    file: "lib/actions/goals.ts",
    action: "removeActivity",
  },
  {
    page: "/progress/people",
    file: "lib/actions/reach-outs.ts",
    action: "removeReachOut",
  },
  {
    page: "/progress/hard-dates",
    file: "lib/actions/hard-dates.ts",
    action: "removeHardDate",
  },
];

async function signedIn(page: Page, mail: Parameters<typeof signInWithEmail>[1], label: string) {
  refuseDialogs(page);
  await signInWithEmail(page, mail, uniqueEmail(label), { callbackUrl: "/progress" });
  return new URL(page.url()).origin;
}

/** Gives the signed-in person one row of everything, each marked with `marker`. */
async function fillTracker(page: Page, marker: string) {
  await page.goto("/progress");
  await checkIn(page, {
    mood: "Hard",
    missing: 7,
    contact: "We met",
    trigger: `${marker} trigger`,
    note: `${marker} note`,
  });
  await page.goto("/progress/memories");
  await page.getByLabel("A hard memory").check();
  await page.getByLabel("The memory").fill(`${marker} memory`);
  await page.getByRole("button", { name: "Save memory" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: `${marker} memory` })).toBeVisible();
  await page.goto("/progress/goals");
  await page.getByRole("textbox", { name: "Your goal" }).fill(`${marker} goal`);
  await page.getByRole("button", { name: "Add goal" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: `${marker} goal` })).toBeVisible();
  await page.getByLabel("Something new you tried").fill(`${marker} activity`);
  await page.getByRole("button", { name: "Save activity" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: `${marker} activity` })).toBeVisible();
  await page.goto("/progress/people");
  await page.getByLabel("Who you talked to").fill(`${marker} friend`);
  await page.getByLabel("About the same").check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: `${marker} friend` })).toBeVisible();
  await page.goto("/progress/hard-dates");
  await page.getByLabel("What is the date?").fill(`${marker} anniversary`);
  await page.getByLabel("Month").selectOption("6");
  await page.getByLabel("Day", { exact: true }).selectOption("1");
  await page.getByRole("button", { name: "Add date" }).click();
  await expect(
    page.getByRole("listitem").filter({ hasText: `${marker} anniversary` }),
  ).toBeVisible();
}

test.describe("tracker ownership (IDOR) and hostile input", () => {
  test("another person can neither see nor change nor delete anyone's rows", async ({
    browser,
    mail,
  }) => {
    const alice = await (await browser.newContext()).newPage();
    await signedIn(alice, mail, "alice");
    await fillTracker(alice, "ALICE-SECRET");
    const aliceIds = [
      ...(await rowIdsOn(alice, "/progress/memories")),
      ...(await rowIdsOn(alice, "/progress/goals")),
      ...(await rowIdsOn(alice, "/progress/people")),
      ...(await rowIdsOn(alice, "/progress/hard-dates")),
    ];
    expect(aliceIds.length).toBeGreaterThanOrEqual(5); // memory, goal (x2 buttons), activity, reach-out, date
    const before = await exportJson(alice);

    const bob = await (await browser.newContext()).newPage();
    const origin = await signedIn(bob, mail, "bob");
    for (const path of TRACKER_PAGES) {
      await bob.goto(path);
      const html = await bob.content();
      expect(html, path).not.toContain("ALICE-SECRET");
      for (const id of aliceIds) expect(html, `${path} carries ${id}`).not.toContain(id);
    }
    await bob.goto(`/progress/check-in?day=${todayUtc()}`);
    await expect(bob.getByLabel("A private note")).toHaveValue("");

    for (const spec of ACTIONS) {
      for (const id of new Set(aliceIds)) {
        const result = await callAction(
          bob.request,
          { ...spec, fields: spec.action === "markGoal" ? { id, done: "true" } : { id } },
          origin,
        );
        expect(result.status, `${spec.action}(${id})`).toBe(200);
        expect(result.state?.formError, `${spec.action}(${id})`).toMatch(/could not be found/);
      }
    }
    const bobsExport = JSON.stringify(await exportJson(bob));
    expect(bobsExport).not.toContain("ALICE-SECRET");
    expect(await exportJson(alice)).toEqual(before);
  });
});
