import fc from "fast-check";
import type { z } from "zod";
import { type Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { callAction, type ActionCall } from "./support/server-actions";
import { signInWithEmail, uniqueEmail } from "./support/sign-in";
import { checkIn, exportJson, refuseDialogs, todayUtc } from "./support/tracker";
import { checkInSchema } from "@/lib/validations/check-in";
import { activitySchema, goalDoneSchema, goalSchema } from "@/lib/validations/goal";
import { hardDateSchema, valentinesOfferSchema } from "@/lib/validations/hard-date";
import { memorySchema } from "@/lib/validations/memory";
import { reachOutSchema } from "@/lib/validations/reach-out";
import { rowReferenceSchema } from "@/lib/validations/row-reference";
import { trackerSettingsSchema } from "@/lib/validations/tracker-settings";

// Input safety of every tracker action, through the real server: actions are
// called over HTTP exactly as the browser calls them, with input no form would
// send. Ownership (IDOR) and signed-out calls of every action are the access
// control matrix's: tests/e2e/security-access.spec.ts.

type ActionSpec = Omit<ActionCall, "fields"> & { schema: z.ZodType; writes: boolean };

const today = todayUtc();
const ACTIONS: ActionSpec[] = [
  {
    page: "/progress/check-in",
    file: "lib/actions/check-ins.ts",
    action: "recordCheckIn",
    schema: checkInSchema(today),
    writes: true,
  },
  {
    page: "/progress/settings",
    file: "lib/actions/tracker-settings.ts",
    action: "updateTrackerSettings",
    schema: trackerSettingsSchema,
    writes: true,
  },
  {
    page: "/progress/memories",
    file: "lib/actions/memories.ts",
    action: "addMemory",
    schema: memorySchema,
    writes: true,
  },
  {
    page: "/progress/memories",
    file: "lib/actions/memories.ts",
    action: "removeMemory",
    schema: rowReferenceSchema,
    writes: false,
  },
  {
    page: "/progress/goals",
    file: "lib/actions/goals.ts",
    action: "addGoal",
    schema: goalSchema,
    writes: true,
  },
  {
    page: "/progress/goals",
    file: "lib/actions/goals.ts",
    action: "markGoal",
    schema: goalDoneSchema,
    writes: false,
  },
  {
    page: "/progress/goals",
    file: "lib/actions/goals.ts",
    action: "removeGoal",
    schema: rowReferenceSchema,
    writes: false,
  },
  {
    page: "/progress/goals",
    file: "lib/actions/goals.ts",
    action: "addActivity",
    schema: activitySchema(today),
    writes: true,
  },
  {
    page: "/progress/goals",
    file: "lib/actions/goals.ts",
    action: "removeActivity",
    schema: rowReferenceSchema,
    writes: false,
  },
  {
    page: "/progress/people",
    file: "lib/actions/reach-outs.ts",
    action: "addReachOut",
    schema: reachOutSchema(today),
    writes: true,
  },
  {
    page: "/progress/people",
    file: "lib/actions/reach-outs.ts",
    action: "removeReachOut",
    schema: rowReferenceSchema,
    writes: false,
  },
  {
    page: "/progress/hard-dates",
    file: "lib/actions/hard-dates.ts",
    action: "addHardDate",
    schema: hardDateSchema,
    writes: true,
  },
  {
    page: "/progress/hard-dates",
    file: "lib/actions/hard-dates.ts",
    action: "answerValentines",
    schema: valentinesOfferSchema,
    writes: true,
  },
  {
    page: "/progress/hard-dates",
    file: "lib/actions/hard-dates.ts",
    action: "removeHardDate",
    schema: rowReferenceSchema,
    writes: false,
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

test.describe("tracker hostile input", () => {
  test("random and oversized input to every tracker action: never a 500, never a write (property, fixed seed)", async ({
    page,
    mail,
  }) => {
    test.setTimeout(240_000);
    const origin = await signedIn(page, mail, "fuzz");
    await fillTracker(page, "FUZZ");
    const before = await exportJson(page);
    const names = [
      "day",
      "mood",
      "missing",
      "contact",
      "note",
      "trigger",
      "kind",
      "text",
      "requestKey",
      "title",
      "targetDate",
      "id",
      "done",
      "who",
      "feeling",
      "label",
      "month",
      "plan",
      "answer",
      "timeZone",
      "breakupDate",
      "userId",
      "$ACTION_ID_x",
      "__proto__",
      "constructor",
    ];
    const value = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.string({ unit: "grapheme", maxLength: 20 }),
      fc.constantFrom(
        "",
        "0",
        "-1",
        "6",
        "11",
        "2.5",
        "1e3",
        "NaN",
        "9999-12-31",
        "1899-12-31",
        "2999-01-01",
        "2026-02-30",
        "NONE",
        "GOOD",
        "BETTER",
        "add",
        "true",
        "UTC",
        "Mars/Olympus",
        "<script>alert(1)</script>",
        "=1+1",
        "\u0000",
        "😢".repeat(3000),
      ),
      fc.integer({ min: 5001, max: 60_000 }).map((n) => "x".repeat(n)),
    );
    const input = fc.array(fc.tuple(fc.constantFrom(...names), value), {
      minLength: 0,
      maxLength: 8,
    });

    let calls = 0;
    for (const spec of ACTIONS) {
      await fc.assert(
        fc.asyncProperty(input, async (fields) => {
          // What the server parses: React's own "$ACTION..." fields are dropped first.
          const parsed = fields.filter(([n]) => !n.startsWith("$ACTION"));
          const object = Object.fromEntries(parsed);
          const repeated = new Set(parsed.map(([n]) => n)).size !== parsed.length;
          // Only input the action's own schema refuses: everything here must write nothing.
          fc.pre(spec.writes ? repeated || !spec.schema.safeParse(object).success : true);
          calls++;
          const result = await callAction(page.request, { ...spec, fields }, origin);
          expect(result.status, `${spec.action} ${JSON.stringify(fields).slice(0, 200)}`).toBe(200);
          expect(result.state, spec.action).not.toBeNull();
          expect(result.state!.message, spec.action).toBeUndefined();
        }),
        { seed: 20261126, numRuns: 25, endOnFailure: true },
      );
    }
    expect(calls).toBeGreaterThan(ACTIONS.length * 20);
    expect(await exportJson(page)).toEqual(before);
  });
});
