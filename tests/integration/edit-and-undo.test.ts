import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { withSqlExecutor } from "@/lib/db/connection";
import { createActivity, listActivities, updateActivity } from "@/lib/data/activities";
import { createGoal, listGoals, setGoalDone, updateGoal } from "@/lib/data/goals";
import { createHardDate, listHardDates, updateHardDate } from "@/lib/data/hard-dates";
import { createMemory, listMemories, updateMemory } from "@/lib/data/memories";
import {
  listPendingRemovals,
  purgeExpiredRemovals,
  removeWithUndo,
  undoRemoval,
} from "@/lib/data/pending-removals";
import { loadProgressDashboard } from "@/lib/data/progress-dashboard";
import { createReachOut, listReachOuts, updateReachOut } from "@/lib/data/reach-outs";
import { saveReminderSettings } from "@/lib/data/reminders";
import { exportTrackerData } from "@/lib/data/tracker-export";
import { UNDO_ACCEPTED_MS } from "@/lib/tracker/removals";
import { ROW_LIMITS, rowLimitMessage } from "@/lib/validations/row-limits";
import { createTestUser } from "../support/tracker-users";

// Issue 16 item 5: tracker rows are edited by their owner only, with their
// free text encrypted as on create; a removal can be undone within its window
// and is gone for good after it, from every read, and erased from the database.

vi.setConfig({ testTimeout: 60_000 });

const signedIn: { user: SessionUser | null } = { user: null };
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => signedIn.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
// A saved edit returns to its list: Next's redirect, seen here as a thrown marker.
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`REDIRECT ${url}`);
  },
}));

const { editMemory } = await import("@/lib/actions/memories");
const { undoRemove } = await import("@/lib/actions/removals");

beforeEach(() => {
  signedIn.user = null;
});

const key = () => randomUUID();
const TODAY = "2026-11-26";

function signIn(user: { id: string; email: string | null }) {
  signedIn.user = { id: user.id, email: user.email!, name: "u", signedInAt: new Date() };
}

async function rawText(table: string, userId: string): Promise<string> {
  const rows = await withSqlExecutor((sql) =>
    sql.query<Record<string, unknown>>(`SELECT * FROM "${table}" WHERE "userId" = $1`, [userId]),
  );
  return JSON.stringify(rows);
}

async function oneOfEach(userId: string) {
  await createMemory({ userId, kind: "GOOD", text: "the lake in june", requestKey: key() });
  await createGoal({ userId, title: "run 5k", note: "slowly", requestKey: key() });
  await createActivity({ userId, title: "pottery class", day: TODAY, requestKey: key() });
  await createReachOut({
    userId,
    who: "Sam",
    day: TODAY,
    feeling: "BETTER",
    note: "long walk",
    requestKey: key(),
  });
  await createHardDate({ userId, label: "their birthday", month: 3, day: 14, requestKey: key() });
  return {
    memories: (await listMemories({ userId }))[0]!.id,
    goals: (await listGoals({ userId }))[0]!.id,
    activities: (await listActivities({ userId }))[0]!.id,
    reachOuts: (await listReachOuts({ userId }))[0]!.id,
    hardDates: (await listHardDates({ userId }))[0]!.id,
  };
}

describe("editing a tracker row", () => {
  it("changes the owner's rows, keeping the new text encrypted", async () => {
    const user = await createTestUser("edit");
    const ids = await oneOfEach(user.id);
    const userId = user.id;
    expect(
      await updateMemory({ userId, id: ids.memories, kind: "HARD", text: "the argument" }),
    ).toBe(true);
    expect(
      await updateGoal({ userId, id: ids.goals, title: "run 10k", targetDate: "2027-05-01" }),
    ).toBe(true);
    expect(
      await updateActivity({ userId, id: ids.activities, title: "climbing", day: "2026-11-20" }),
    ).toBe(true);
    expect(
      await updateReachOut({ userId, id: ids.reachOuts, who: "Ana", day: TODAY, feeling: "WORSE" }),
    ).toBe(true);
    expect(
      await updateHardDate({ userId, id: ids.hardDates, label: "our day", month: 7, day: 1 }),
    ).toBe(true);

    expect(await listMemories({ userId })).toMatchObject([{ kind: "HARD", text: "the argument" }]);
    expect(await listGoals({ userId })).toMatchObject([
      { title: "run 10k", note: null, targetDate: "2027-05-01" },
    ]);
    expect(await listActivities({ userId })).toMatchObject([
      { title: "climbing", day: "2026-11-20" },
    ]);
    expect(await listReachOuts({ userId })).toMatchObject([
      { who: "Ana", feeling: "WORSE", note: null },
    ]);
    expect(await listHardDates({ userId })).toMatchObject([
      { label: "our day", month: 7, day: 1, plan: null },
    ]);
    for (const [table, plain] of [
      ["Memory", "the argument"],
      ["Goal", "run 10k"],
      ["Activity", "climbing"],
      ["ReachOut", "Ana"],
      ["HardDate", "our day"],
    ] as const) {
      expect(await rawText(table, userId), table).not.toContain(plain);
    }
  });

  it("keeps a goal's done state through an edit", async () => {
    const user = await createTestUser("edit-done");
    await createGoal({ userId: user.id, title: "swim", requestKey: key() });
    const [goal] = await listGoals({ userId: user.id });
    await setGoalDone({ userId: user.id, id: goal!.id, done: true });
    await updateGoal({ userId: user.id, id: goal!.id, title: "swim twice" });
    expect(await listGoals({ userId: user.id })).toMatchObject([
      { title: "swim twice", done: true },
    ]);
  });

  it("refuses another person's rows and changes nothing", async () => {
    const owner = await createTestUser("edit-owner");
    const other = await createTestUser("edit-other");
    const ids = await oneOfEach(owner.id);
    const userId = other.id;
    expect(await updateMemory({ userId, id: ids.memories, kind: "HARD", text: "x" })).toBe(false);
    expect(await updateGoal({ userId, id: ids.goals, title: "x" })).toBe(false);
    expect(await updateActivity({ userId, id: ids.activities, title: "x", day: TODAY })).toBe(
      false,
    );
    expect(
      await updateReachOut({ userId, id: ids.reachOuts, who: "x", day: TODAY, feeling: "SAME" }),
    ).toBe(false);
    expect(await updateHardDate({ userId, id: ids.hardDates, label: "x", month: 1, day: 1 })).toBe(
      false,
    );
    expect((await listMemories({ userId: owner.id }))[0]!.text).toBe("the lake in june");
    expect((await listGoals({ userId: owner.id }))[0]!.title).toBe("run 5k");
    expect((await listActivities({ userId: owner.id }))[0]!.title).toBe("pottery class");
    expect((await listReachOuts({ userId: owner.id }))[0]!.who).toBe("Sam");
    expect((await listHardDates({ userId: owner.id }))[0]!.label).toBe("their birthday");
  });

  it("through its action: same limits as adding, what was typed kept, another's row not found", async () => {
    const owner = await createTestUser("edit-action");
    const other = await createTestUser("edit-action-other");
    await createMemory({ userId: owner.id, kind: "GOOD", text: "before", requestKey: key() });
    const [memory] = await listMemories({ userId: owner.id });

    signIn(owner);
    const tooLong = new FormData();
    tooLong.set("id", memory!.id);
    tooLong.set("kind", "GOOD");
    tooLong.set("text", "x".repeat(2001));
    const refused = await editMemory({}, tooLong);
    expect(refused.status).toBe("error");
    expect(refused.fieldErrors?.text?.[0]).toMatch(/2,000|2000/);
    expect(refused.values?.kind).toBe("GOOD");

    const form = new FormData();
    form.set("id", memory!.id);
    form.set("kind", "HARD");
    form.set("text", "after");
    await expect(editMemory({}, form)).rejects.toThrow(
      `REDIRECT /progress/memories?saved=${memory!.id}#row-${memory!.id}`,
    );
    expect((await listMemories({ userId: owner.id }))[0]).toMatchObject({
      kind: "HARD",
      text: "after",
    });

    signIn(other);
    form.set("text", "planted");
    expect(await editMemory({}, form)).toMatchObject({
      status: "error",
      formError: expect.stringMatching(/could not be found/),
    });
    expect((await listMemories({ userId: owner.id }))[0]!.text).toBe("after");
  });
});

describe("removing with undo", () => {
  it("takes each row out of every read at once and puts it back on Undo", async () => {
    const user = await createTestUser("undo");
    const userId = user.id;
    const ids = await oneOfEach(userId);
    const tokens: string[] = [];
    for (const list of ["memories", "goals", "activities", "reachOuts", "hardDates"] as const) {
      const token = await removeWithUndo(list, { userId, id: ids[list] });
      expect(token, list).toEqual(expect.any(String));
      tokens.push(token!);
    }

    const exported = await exportTrackerData({ userId });
    for (const list of ["memories", "goals", "activities", "reachOuts", "hardDates"] as const) {
      expect(exported[list], list).toEqual([]);
    }
    const dashboard = await loadProgressDashboard({ userId, today: TODAY, chartDays: 30 });
    expect(JSON.stringify(dashboard)).not.toContain("run 5k");
    expect(await db.memory.count({ where: { userId } })).toBe(0);
    // The kept copy is ciphertext, as the row was.
    const pending = await rawText("PendingRemoval", userId);
    for (const plain of ["the lake", "run 5k", "pottery", "Sam", "birthday"]) {
      expect(pending).not.toContain(plain);
    }
    expect(await listPendingRemovals({ userId, lists: ["memories"] })).toHaveLength(1);

    for (const token of tokens)
      expect(await undoRemoval({ userId, token })).toEqual({ restored: true });
    expect(await listMemories({ userId })).toMatchObject([{ text: "the lake in june" }]);
    expect(await listGoals({ userId })).toMatchObject([{ title: "run 5k", note: "slowly" }]);
    expect(await listActivities({ userId })).toMatchObject([{ title: "pottery class" }]);
    expect(await listReachOuts({ userId })).toMatchObject([{ who: "Sam", note: "long walk" }]);
    expect(await listHardDates({ userId })).toMatchObject([{ label: "their birthday" }]);
    expect(await db.pendingRemoval.count({ where: { userId } })).toBe(0);
    // A second Undo of the same removal (another tab) is too late, not a second row.
    expect(await undoRemoval({ userId, token: tokens[0]! })).toBeNull();
    expect(await db.memory.count({ where: { userId } })).toBe(1);
  });

  it("refuses another person's row and another person's undo", async () => {
    const owner = await createTestUser("undo-owner");
    const other = await createTestUser("undo-other");
    const ids = await oneOfEach(owner.id);
    expect(await removeWithUndo("memories", { userId: other.id, id: ids.memories })).toBeNull();
    const token = await removeWithUndo("memories", { userId: owner.id, id: ids.memories });
    expect(await undoRemoval({ userId: other.id, token: token! })).toBeNull();
    expect(await db.memory.count({ where: { userId: other.id } })).toBe(0);
    signIn(other);
    const form = new FormData();
    form.set("token", token!);
    expect(await undoRemove({}, form)).toMatchObject({ status: "error" });
    expect(await undoRemoval({ userId: owner.id, token: token! })).toEqual({ restored: true });
  });

  it("is final after the window: no undo, and the kept copy is erased", async () => {
    const user = await createTestUser("undo-late");
    const ids = await oneOfEach(user.id);
    const removedAt = new Date();
    const token = await removeWithUndo("goals", { userId: user.id, id: ids.goals }, removedAt);
    const later = new Date(removedAt.getTime() + UNDO_ACCEPTED_MS + 1);
    expect(await listPendingRemovals({ userId: user.id, lists: ["goals"] }, later)).toEqual([]);
    expect(await undoRemoval({ userId: user.id, token: token! }, later)).toBeNull();
    expect(await db.pendingRemoval.count({ where: { id: token! } })).toBe(0);
    expect(await listGoals({ userId: user.id })).toEqual([]);
  });

  it("the purge erases only removals whose window has ended", async () => {
    const user = await createTestUser("undo-purge");
    const ids = await oneOfEach(user.id);
    const old = new Date(Date.now() - UNDO_ACCEPTED_MS - 1_000);
    const stale = await removeWithUndo("memories", { userId: user.id, id: ids.memories }, old);
    const fresh = await removeWithUndo("goals", { userId: user.id, id: ids.goals });
    await purgeExpiredRemovals();
    expect(await db.pendingRemoval.count({ where: { id: stale! } })).toBe(0);
    expect(await db.pendingRemoval.count({ where: { id: fresh! } })).toBe(1);
  });

  it("frees the place in the list's cap, and Undo respects the cap", async () => {
    const user = await createTestUser("undo-cap");
    const userId = user.id;
    await db.hardDate.createMany({
      data: Array.from({ length: ROW_LIMITS.hardDates }, () => ({
        userId,
        label: "v1:filler:x",
        month: 1,
        day: 2,
        requestKey: key(),
      })),
    });
    const victim = await db.hardDate.findFirstOrThrow({ where: { userId } });
    const token = await removeWithUndo("hardDates", { userId, id: victim.id });
    // The removed row no longer counts: a new one fits in its place.
    expect(
      await createHardDate({ userId, label: "new", month: 2, day: 2, requestKey: key() }),
    ).toEqual({ created: true });
    expect(await undoRemoval({ userId, token: token! })).toEqual({
      restored: false,
      full: "hardDates",
    });
    signIn(user);
    const form = new FormData();
    form.set("token", token!);
    expect(await undoRemove({}, form)).toMatchObject({ formError: rowLimitMessage("hardDates") });
  });

  it("a restored hard date gets its heads-up back", async () => {
    const user = await createTestUser("undo-reminder");
    const userId = user.id;
    await saveReminderSettings({
      userId,
      dailyEnabled: false,
      dailyMinute: 1200,
      hardDatesEnabled: true,
      hardDateDaysBefore: 7,
    });
    await createHardDate({ userId, label: "d", month: 6, day: 6, requestKey: key() });
    const [date] = await listHardDates({ userId });
    expect(await db.reminder.count({ where: { hardDateId: date!.id } })).toBe(1);
    const token = await removeWithUndo("hardDates", { userId, id: date!.id });
    expect(await db.reminder.count({ where: { hardDateId: date!.id } })).toBe(0);
    await undoRemoval({ userId, token: token! });
    expect(await db.reminder.count({ where: { hardDateId: date!.id } })).toBe(1);
  });
});
