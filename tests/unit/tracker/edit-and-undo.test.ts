import { describe, expect, it } from "vitest";
import { readListView, rowHref } from "@/lib/tracker/list-view";
import { UNDO_ACCEPTED_MS, UNDO_SHOWN_MS, undoShownFor } from "@/lib/tracker/removals";
import { activityEditSchema, goalEditSchema } from "@/lib/validations/goal";
import { hardDateEditSchema, hardDateSchema } from "@/lib/validations/hard-date";
import { memoryEditSchema, memorySchema } from "@/lib/validations/memory";
import { reachOutEditSchema } from "@/lib/validations/reach-out";
import { undoRemovalSchema } from "@/lib/validations/undo-removal";
import { MEMORY_MAX } from "@/lib/tracker/limits";

describe("which row a list opens", () => {
  it("reads row ids from the query and ignores anything else", () => {
    expect(readListView({ edit: "abc_D-1", remove: ["a", "b"], saved: "x y" })).toEqual({
      edit: "abc_D-1",
      remove: "",
      saved: "",
    });
    expect(readListView({ edit: "a".repeat(65) }).edit).toBe("");
    expect(readListView({})).toEqual({ edit: "", remove: "", saved: "" });
  });

  it("links to a row in the state asked for, landing on the row", () => {
    expect(rowHref("/progress/memories", "r1", "edit")).toBe("/progress/memories?edit=r1#row-r1");
    expect(rowHref("/progress/goals", "r2", "remove")).toBe("/progress/goals?remove=r2#row-r2");
    expect(rowHref("/progress/goals", "r2")).toBe("/progress/goals#row-r2");
  });
});

describe("how long Undo is offered", () => {
  it("shows it for the full few seconds after a fresh removal", () => {
    expect(undoShownFor(UNDO_ACCEPTED_MS)).toBe(UNDO_SHOWN_MS);
  });

  it("keeps a margin before the server stops accepting it, and never goes negative", () => {
    expect(UNDO_ACCEPTED_MS).toBeGreaterThan(UNDO_SHOWN_MS);
    expect(undoShownFor(UNDO_ACCEPTED_MS - 8_000)).toBe(UNDO_SHOWN_MS - 8_000);
    expect(undoShownFor(1_000)).toBe(0);
    expect(undoShownFor(-5_000)).toBe(0);
  });
});

describe("edit schemas", () => {
  it("check the same fields and limits as adding, with the row's id instead of a request key", () => {
    const typed = { kind: "GOOD", text: "x".repeat(MEMORY_MAX + 1) };
    const add = memorySchema.safeParse({ ...typed, requestKey: "k".repeat(20) });
    const edit = memoryEditSchema.safeParse({ ...typed, id: "row1" });
    expect(add.success).toBe(false);
    expect(edit.success).toBe(false);
    expect(edit.error?.issues[0]?.message).toBe(add.error?.issues[0]?.message);
    expect(memoryEditSchema.safeParse({ kind: "HARD", text: "ok", id: "row1" }).success).toBe(true);
  });

  it("refuse a request key, an unknown field, or a missing id", () => {
    expect(
      memoryEditSchema.safeParse({ kind: "HARD", text: "ok", id: "r", requestKey: "k".repeat(20) })
        .success,
    ).toBe(false);
    expect(memoryEditSchema.safeParse({ kind: "HARD", text: "ok" }).success).toBe(false);
    expect(goalEditSchema.safeParse({ id: "r", title: "t", userId: "someone" }).success).toBe(
      false,
    );
  });

  it("keep the rules that depend on the day or the calendar", () => {
    const today = "2026-11-26";
    expect(
      activityEditSchema(today).safeParse({ id: "r", title: "t", day: "2026-11-27" }).success,
    ).toBe(false);
    expect(
      reachOutEditSchema(today).safeParse({ id: "r", who: "w", day: today, feeling: "SAME" })
        .success,
    ).toBe(true);
    const feb30 = { label: "l", month: "2", day: "30" };
    expect(hardDateEditSchema.safeParse({ ...feb30, id: "r" }).success).toBe(false);
    expect(hardDateSchema.safeParse({ ...feb30, requestKey: "k".repeat(20) }).success).toBe(false);
  });

  it("an undo names a token of a row id's shape and nothing else", () => {
    expect(undoRemovalSchema.safeParse({ token: "abc-DEF_123" }).success).toBe(true);
    expect(undoRemovalSchema.safeParse({ token: "../x" }).success).toBe(false);
    expect(undoRemovalSchema.safeParse({ token: "abc", id: "x" }).success).toBe(false);
  });
});
