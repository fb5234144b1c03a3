import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { withSqlExecutor } from "@/lib/db/connection";
import { decryptField, FieldDecryptionError } from "@/lib/crypto/field-encryption";
import { createActivity, deleteActivity, listActivities } from "@/lib/data/activities";
import { getCheckIn, listCheckIns, listSlips, saveCheckIn } from "@/lib/data/check-ins";
import { createGoal, deleteGoal, listGoals, setGoalDone } from "@/lib/data/goals";
import {
  answerValentinesOffer,
  createHardDate,
  deleteHardDate,
  listHardDates,
} from "@/lib/data/hard-dates";
import { createMemory, deleteMemory, listMemories } from "@/lib/data/memories";
import { loadProgressDashboard } from "@/lib/data/progress-dashboard";
import { createReachOut, deleteReachOut, listReachOuts } from "@/lib/data/reach-outs";
import { exportTrackerData } from "@/lib/data/tracker-export";
import { UNREADABLE_TEXT } from "@/lib/data/tracker-records";
import {
  getTrackerSettings,
  saveTrackerSettings,
  saveWelcomeAnswer,
} from "@/lib/data/tracker-settings";
import { addDays } from "@/lib/tracker/calendar-day";
import { aggregateContactDays } from "@/lib/tracker/no-contact";
import { CONTACT_KINDS, isSlip } from "@/lib/tracker/scales";
import { createTestUser, TRACKER_TABLES } from "../support/tracker-users";

const TODAY = "2026-11-26";
const key = () => randomUUID();

async function rawRows(table: string, userId: string) {
  return withSqlExecutor((sql) =>
    sql.query<Record<string, unknown>>(`SELECT * FROM "${table}" WHERE "userId" = $1`, [userId]),
  );
}

describe("check-ins", () => {
  it("keeps one check-in per day, editable, with the note stored only as ciphertext", async () => {
    const user = await createTestUser("checkin");
    await saveCheckIn({
      userId: user.id,
      day: TODAY,
      mood: 2,
      missing: 8,
      contact: "NONE",
      note: "rough morning",
    });
    await saveCheckIn({
      userId: user.id,
      day: TODAY,
      mood: 3,
      missing: 7,
      contact: "NONE",
      note: "better by night",
    });

    const rows = await rawRows("CheckIn", user.id);
    expect(rows).toHaveLength(1);
    expect(String(rows[0]!.note)).toMatch(/^v1:/);
    expect(JSON.stringify(rows)).not.toContain("better by night");
    expect(await getCheckIn({ userId: user.id, day: TODAY })).toMatchObject({
      day: TODAY,
      mood: 3,
      missing: 7,
      contact: "NONE",
      note: "better by night",
      trigger: null,
    });
  });

  it("survives a double submit of the same day racing to insert", async () => {
    const user = await createTestUser("race");
    const input = { userId: user.id, day: TODAY, mood: 4, missing: 3, contact: "NONE" as const };
    await Promise.all([saveCheckIn(input), saveCheckIn(input), saveCheckIn(input)]);
    expect(await rawRows("CheckIn", user.id)).toHaveLength(1);
  });

  it("records a slip with its trigger for contact the user chose, and removes it when corrected", async () => {
    const user = await createTestUser("slip");
    const day = addDays(TODAY, -1);
    await saveCheckIn({
      userId: user.id,
      day,
      mood: 2,
      missing: 9,
      contact: "CHECKED_SOCIAL",
      trigger: "a song",
    });
    expect(await listSlips({ userId: user.id })).toEqual([{ day, trigger: "a song" }]);
    expect(String((await rawRows("Slip", user.id))[0]!.trigger)).toMatch(/^v1:/);

    await saveCheckIn({ userId: user.id, day, mood: 2, missing: 9, contact: "THEY_REACHED_OUT" });
    expect(await listSlips({ userId: user.id })).toEqual([]);
  });

  it("stores calendar days exactly, whatever the server's time zone", async () => {
    const user = await createTestUser("days");
    for (const day of ["1900-01-01", "2024-02-29", "2026-03-29", "2026-10-25", TODAY]) {
      await saveCheckIn({ userId: user.id, day, mood: 3, missing: 5, contact: "NONE" });
    }
    const days = (await listCheckIns({ userId: user.id, from: "1900-01-01", to: TODAY })).map(
      (c) => c.day,
    );
    expect(days).toEqual([TODAY, "2026-10-25", "2026-03-29", "2024-02-29", "1900-01-01"]);
  });
});

describe("the five steps' logs", () => {
  it("writes one row per form even when it is submitted twice", async () => {
    const user = await createTestUser("idem");
    const k = key();
    const first = await createMemory({
      userId: user.id,
      kind: "GOOD",
      text: "the lake trip",
      requestKey: k,
    });
    const second = await createMemory({
      userId: user.id,
      kind: "GOOD",
      text: "the lake trip",
      requestKey: k,
    });
    expect([first.created, second.created]).toEqual([true, false]);
    const [a, b] = await Promise.all([
      createGoal({ userId: user.id, title: "run 5k", requestKey: "goal-key-000000001" }),
      createGoal({ userId: user.id, title: "run 5k", requestKey: "goal-key-000000001" }),
    ]);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect(await listMemories({ userId: user.id })).toHaveLength(1);
    expect(await listGoals({ userId: user.id })).toHaveLength(1);
  });

  it("does not let one user's request key block another user's form", async () => {
    const [a, b] = [await createTestUser("a"), await createTestUser("b")];
    const k = key();
    expect(
      (await createMemory({ userId: a.id, kind: "HARD", text: "x", requestKey: k })).created,
    ).toBe(true);
    expect(
      (await createMemory({ userId: b.id, kind: "HARD", text: "y", requestKey: k })).created,
    ).toBe(true);
  });

  it("round-trips every encrypted field and shows no plain text to SQL", async () => {
    const user = await createTestUser("fields");
    const secret = "Sam-the-private-name";
    await createMemory({
      userId: user.id,
      kind: "HARD",
      text: `${secret} memory`,
      requestKey: key(),
    });
    await createGoal({
      userId: user.id,
      title: `${secret} goal`,
      note: `${secret} note`,
      targetDate: "2027-01-01",
      requestKey: key(),
    });
    await createActivity({
      userId: user.id,
      title: `${secret} pottery`,
      day: TODAY,
      requestKey: key(),
    });
    await createReachOut({
      userId: user.id,
      who: `${secret} sister`,
      day: TODAY,
      feeling: "BETTER",
      note: `${secret} call`,
      requestKey: key(),
    });
    await createHardDate({
      userId: user.id,
      label: `${secret} birthday`,
      month: 2,
      day: 29,
      plan: `${secret} plan`,
      requestKey: key(),
    });
    await saveCheckIn({
      userId: user.id,
      day: TODAY,
      mood: 1,
      missing: 10,
      contact: "WE_MET",
      note: `${secret} note`,
      trigger: `${secret} trigger`,
    });

    for (const table of TRACKER_TABLES) {
      expect(JSON.stringify(await rawRows(table, user.id)), table).not.toContain(secret);
    }
    expect((await listMemories({ userId: user.id }))[0]!.text).toBe(`${secret} memory`);
    expect((await listGoals({ userId: user.id }))[0]).toMatchObject({
      title: `${secret} goal`,
      note: `${secret} note`,
      targetDate: "2027-01-01",
      done: false,
    });
    expect((await listActivities({ userId: user.id }))[0]).toMatchObject({
      title: `${secret} pottery`,
      day: TODAY,
    });
    expect((await listReachOuts({ userId: user.id }))[0]).toMatchObject({
      who: `${secret} sister`,
      note: `${secret} call`,
      feeling: "BETTER",
    });
    expect((await listHardDates({ userId: user.id }))[0]).toMatchObject({
      label: `${secret} birthday`,
      month: 2,
      day: 29,
      plan: `${secret} plan`,
    });
  });

  it("makes ciphertext copied into another user's row unreadable, never someone else's words", async () => {
    const [alice, bob] = [await createTestUser("alice"), await createTestUser("bob")];
    await createMemory({
      userId: alice.id,
      kind: "GOOD",
      text: "alice's secret",
      requestKey: key(),
    });
    await createMemory({ userId: bob.id, kind: "GOOD", text: "bob's own", requestKey: key() });
    const [aliceRow] = await rawRows("Memory", alice.id);
    const [bobRow] = await rawRows("Memory", bob.id);
    await db.memory.update({
      where: { id: String(bobRow!.id) },
      data: { text: String(aliceRow!.text) },
    });

    expect(() =>
      decryptField(String(aliceRow!.text), {
        userId: bob.id,
        field: "Memory.text",
        row: String(bobRow!.id),
      }),
    ).toThrow(FieldDecryptionError);
    expect((await listMemories({ userId: bob.id }))[0]!.text).toBe(UNREADABLE_TEXT);
    expect((await listMemories({ userId: alice.id }))[0]!.text).toBe("alice's secret");
  });

  it("marks goals done once and back, only for their owner", async () => {
    const [owner, other] = [await createTestUser("owner"), await createTestUser("other")];
    await createGoal({ userId: owner.id, title: "learn Spanish", requestKey: key() });
    const [goal] = await listGoals({ userId: owner.id });
    expect(await setGoalDone({ userId: other.id, id: goal!.id, done: true })).toBe(false);
    expect((await listGoals({ userId: owner.id }))[0]!.done).toBe(false);
    expect(await setGoalDone({ userId: owner.id, id: goal!.id, done: true })).toBe(true);
    expect(await setGoalDone({ userId: owner.id, id: goal!.id, done: true })).toBe(true);
    expect((await listGoals({ userId: owner.id }))[0]!.done).toBe(true);
    expect(await setGoalDone({ userId: owner.id, id: goal!.id, done: false })).toBe(true);
    expect((await listGoals({ userId: owner.id }))[0]!.done).toBe(false);
  });

  it("deletes only the owner's rows: another user's id deletes nothing", async () => {
    const [owner, other] = [await createTestUser("owner"), await createTestUser("other")];
    await createMemory({ userId: owner.id, kind: "GOOD", text: "m", requestKey: key() });
    await createGoal({ userId: owner.id, title: "g", requestKey: key() });
    await createActivity({ userId: owner.id, title: "a", day: TODAY, requestKey: key() });
    await createReachOut({
      userId: owner.id,
      who: "w",
      day: TODAY,
      feeling: "SAME",
      requestKey: key(),
    });
    await createHardDate({ userId: owner.id, label: "h", month: 5, day: 1, requestKey: key() });
    const ids = {
      memory: (await listMemories({ userId: owner.id }))[0]!.id,
      goal: (await listGoals({ userId: owner.id }))[0]!.id,
      activity: (await listActivities({ userId: owner.id }))[0]!.id,
      reachOut: (await listReachOuts({ userId: owner.id }))[0]!.id,
      hardDate: (await listHardDates({ userId: owner.id }))[0]!.id,
    };
    const deletes = [
      [deleteMemory, ids.memory],
      [deleteGoal, ids.goal],
      [deleteActivity, ids.activity],
      [deleteReachOut, ids.reachOut],
      [deleteHardDate, ids.hardDate],
    ] as const;
    for (const [remove, id] of deletes) expect(await remove({ userId: other.id, id })).toBe(false);
    for (const table of ["Memory", "Goal", "Activity", "ReachOut", "HardDate"]) {
      expect(await rawRows(table, owner.id), table).toHaveLength(1);
    }
    for (const [remove, id] of deletes) expect(await remove({ userId: owner.id, id })).toBe(true);
    for (const [remove, id] of deletes) expect(await remove({ userId: owner.id, id })).toBe(false);
  });
});

describe("settings and hard dates", () => {
  it("defaults to UTC until the user saves a time zone and a breakup date", async () => {
    const user = await createTestUser("settings");
    expect(await getTrackerSettings({ userId: user.id })).toMatchObject({
      timeZone: "UTC",
      configured: false,
      breakupDate: null,
    });
    await saveTrackerSettings({
      userId: user.id,
      timeZone: "America/Chicago",
      breakupDate: "2026-09-01",
    });
    expect(await getTrackerSettings({ userId: user.id })).toMatchObject({
      timeZone: "America/Chicago",
      configured: true,
      breakupDate: "2026-09-01",
    });
    await saveTrackerSettings({
      userId: user.id,
      timeZone: "Europe/Paris",
      breakupDate: undefined,
    });
    expect(await getTrackerSettings({ userId: user.id })).toMatchObject({
      timeZone: "Europe/Paris",
      breakupDate: null,
    });
  });

  it("keeps each welcome answer on its own and ends the welcome only when finished", async () => {
    const user = await createTestUser("welcome");
    expect(await getTrackerSettings({ userId: user.id })).toMatchObject({
      welcomed: false,
      remindersWanted: null,
    });
    await saveWelcomeAnswer({ userId: user.id, finished: false, timeZone: "America/Denver" });
    await saveWelcomeAnswer({ userId: user.id, finished: false, breakupDate: "2026-10-02" });
    expect(await getTrackerSettings({ userId: user.id })).toMatchObject({
      timeZone: "America/Denver",
      breakupDate: "2026-10-02",
      welcomed: false,
    });
    await saveWelcomeAnswer({ userId: user.id, finished: true, remindersWanted: true });
    expect(await getTrackerSettings({ userId: user.id })).toMatchObject({
      timeZone: "America/Denver",
      breakupDate: "2026-10-02",
      welcomed: true,
      remindersWanted: true,
    });
    expect((await exportTrackerData({ userId: user.id })).settings).toEqual({
      timeZone: "America/Denver",
      breakupDate: "2026-10-02",
      welcomed: true,
      remindersWanted: true,
    });

    // Skipping the whole welcome changes nothing but that it is over.
    const skipper = await createTestUser("welcome-skip");
    await saveWelcomeAnswer({ userId: skipper.id, finished: true });
    expect(await getTrackerSettings({ userId: skipper.id })).toMatchObject({
      timeZone: "UTC",
      breakupDate: null,
      welcomed: true,
      remindersWanted: null,
    });
  });

  it("adds Valentine's Day once from the offer, with the article's plan, and ends the offer", async () => {
    const user = await createTestUser("valentine");
    const k = key();
    await Promise.all([
      answerValentinesOffer({ userId: user.id, answer: "add", requestKey: k }),
      answerValentinesOffer({ userId: user.id, answer: "add", requestKey: k }),
    ]);
    const dates = await listHardDates({ userId: user.id });
    expect(dates).toHaveLength(1);
    expect(dates[0]).toMatchObject({ label: "Valentine's Day", month: 2, day: 14 });
    expect(dates[0]!.plan).toMatch(/friends/);
    expect((await getTrackerSettings({ userId: user.id })).valentinesOfferAnswered).toBe(true);

    const decliner = await createTestUser("decline");
    await answerValentinesOffer({ userId: decliner.id, answer: "decline", requestKey: key() });
    expect(await listHardDates({ userId: decliner.id })).toEqual([]);
    expect((await getTrackerSettings({ userId: decliner.id })).valentinesOfferAnswered).toBe(true);
  });
});

describe(loadProgressDashboard, () => {
  it("aggregates the counter in SQL exactly as the day-by-day logic does", async () => {
    const user = await createTestUser("counter");
    const history: Array<{ day: string; contact: boolean }> = [];
    // A deterministic history of 200 days with gaps and slips.
    for (let offset = -200; offset <= 0; offset++) {
      if (offset % 7 === 3) continue; // missed days
      const contact = CONTACT_KINDS[Math.abs(offset * 13) % CONTACT_KINDS.length]!;
      const chosen = offset % 5 === 0 ? contact : "NONE";
      const day = addDays(TODAY, offset);
      history.push({ day, contact: isSlip(chosen) });
      await db.checkIn.create({
        data: {
          userId: user.id,
          day: new Date(`${day}T00:00:00Z`),
          mood: 1 + (Math.abs(offset) % 5),
          missing: Math.abs(offset) % 11,
          contact: chosen,
        },
      });
    }
    // A check-in "tomorrow" (a time-zone change can leave one) must not count.
    await db.checkIn.create({
      data: {
        userId: user.id,
        day: new Date(`${addDays(TODAY, 1)}T00:00:00Z`),
        mood: 3,
        missing: 3,
        contact: "WE_MET",
      },
    });

    const dashboard = await loadProgressDashboard({ userId: user.id, today: TODAY, chartDays: 90 });
    expect(dashboard.contact).toEqual(aggregateContactDays(history, TODAY));
    expect(dashboard.series).toHaveLength(
      history.filter((h) => h.day > addDays(TODAY, -90)).length,
    );
    expect(dashboard.series.at(-1)).toMatchObject({ day: TODAY });
    expect(dashboard.todayCheckIn).toMatchObject({
      mood: 1,
      missing: 0,
      contact: "NONE",
      note: null,
    });
  });

  it("counts the five steps and lists hard dates for this user only", async () => {
    const [user, other] = [await createTestUser("steps"), await createTestUser("noise")];
    for (const u of [user, other]) {
      await createMemory({ userId: u.id, kind: "GOOD", text: "g1", requestKey: key() });
      await createMemory({ userId: u.id, kind: "GOOD", text: "g2", requestKey: key() });
      await createMemory({ userId: u.id, kind: "HARD", text: "h1", requestKey: key() });
      await createGoal({ userId: u.id, title: "goal", requestKey: key() });
      await createActivity({
        userId: u.id,
        title: "old",
        day: addDays(TODAY, -60),
        requestKey: key(),
      });
      await createActivity({ userId: u.id, title: "new", day: TODAY, requestKey: key() });
      await createReachOut({
        userId: u.id,
        who: "mum",
        day: TODAY,
        feeling: "BETTER",
        requestKey: key(),
      });
    }
    await createHardDate({
      userId: user.id,
      label: "their birthday",
      month: 12,
      day: 3,
      requestKey: key(),
    });
    const [goal] = await listGoals({ userId: user.id });
    await setGoalDone({ userId: user.id, id: goal!.id, done: true });

    const dashboard = await loadProgressDashboard({ userId: user.id, today: TODAY, chartDays: 30 });
    expect(dashboard.steps).toEqual({
      goodMemories: 2,
      hardMemories: 1,
      goals: 1,
      goalsDone: 1,
      activities: 2,
      activitiesRecent: 1,
      reachOuts: 1,
      reachOutsRecent: 1,
    });
    expect(dashboard.hardDates).toEqual([
      expect.objectContaining({ label: "their birthday", month: 12, day: 3 }),
    ]);
    expect(dashboard.todayCheckIn).toBeNull();
    expect(dashboard.contact.firstDay).toBeNull();
  });
});

describe(exportTrackerData, () => {
  it("gives the user all of their own data decrypted, and none of anyone else's", async () => {
    const [user, other] = [await createTestUser("export"), await createTestUser("stranger")];
    await saveTrackerSettings({
      userId: user.id,
      timeZone: "Asia/Tokyo",
      breakupDate: "2026-08-01",
    });
    await saveCheckIn({
      userId: user.id,
      day: TODAY,
      mood: 4,
      missing: 2,
      contact: "I_REACHED_OUT",
      note: "mine",
      trigger: "lonely",
    });
    await createMemory({ userId: user.id, kind: "HARD", text: "my memory", requestKey: key() });
    await createMemory({
      userId: other.id,
      kind: "HARD",
      text: "stranger's memory",
      requestKey: key(),
    });

    const data = await exportTrackerData({ userId: user.id });
    // Saving the settings answers what the welcome would ask; reminders were never offered.
    expect(data.settings).toEqual({
      timeZone: "Asia/Tokyo",
      breakupDate: "2026-08-01",
      welcomed: true,
      remindersWanted: null,
    });
    expect(data.checkIns).toEqual([
      expect.objectContaining({ day: TODAY, mood: 4, note: "mine", contact: "I_REACHED_OUT" }),
    ]);
    expect(data.slips).toEqual([{ day: TODAY, trigger: "lonely" }]);
    expect(data.memories).toEqual([expect.objectContaining({ kind: "HARD", text: "my memory" })]);
    const text = JSON.stringify(data);
    expect(text).not.toContain("stranger");
    expect(text).not.toContain(user.id);
    expect(text).not.toContain("v1:");
  });
});

describe("deleting a user", () => {
  it("leaves no tracker rows behind (every table cascades from User)", async () => {
    const user = await createTestUser("leaving");
    await saveTrackerSettings({ userId: user.id, timeZone: "UTC", breakupDate: undefined });
    await saveCheckIn({
      userId: user.id,
      day: TODAY,
      mood: 3,
      missing: 3,
      contact: "WE_MET",
      trigger: "t",
    });
    await createMemory({ userId: user.id, kind: "GOOD", text: "m", requestKey: key() });
    await createGoal({ userId: user.id, title: "g", requestKey: key() });
    await createActivity({ userId: user.id, title: "a", day: TODAY, requestKey: key() });
    await createReachOut({
      userId: user.id,
      who: "w",
      day: TODAY,
      feeling: "SAME",
      requestKey: key(),
    });
    await createHardDate({ userId: user.id, label: "h", month: 1, day: 1, requestKey: key() });
    for (const table of TRACKER_TABLES)
      expect(await rawRows(table, user.id), table).toHaveLength(1);

    await db.user.delete({ where: { id: user.id } });
    for (const table of TRACKER_TABLES) expect(await rawRows(table, user.id), table).toEqual([]);
  });
});
