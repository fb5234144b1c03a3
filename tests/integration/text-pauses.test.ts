import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { withSqlExecutor } from "@/lib/db/connection";
import { loadProgressDashboard } from "@/lib/data/progress-dashboard";
import {
  deleteTextPauseDraft,
  endTextPause,
  getOpenTextPause,
  listKeptDrafts,
  startTextPause,
} from "@/lib/data/text-pauses";
import { exportTrackerData } from "@/lib/data/tracker-export";
import { computeNoContactCounter } from "@/lib/tracker/no-contact";
import { createTestUser } from "../support/tracker-users";

const TODAY = "2026-11-26";

async function pause(userId: string, draft?: string) {
  await startTextPause({ userId, day: TODAY, draft, trigger: "a song", requestKey: randomUUID() });
  return (await getOpenTextPause({ userId }))!;
}

describe("the I-want-to-text-them pause", () => {
  it("keeps the message only as ciphertext, shows it to its owner, and lets them delete it", async () => {
    const user = await createTestUser("pause");
    const open = await pause(user.id, "I miss you, can we talk");
    expect(open).toMatchObject({
      draft: "I miss you, can we talk",
      trigger: "a song",
      outcome: null,
    });
    const raw = await withSqlExecutor((sql) =>
      sql.query<Record<string, unknown>>(`SELECT * FROM "TextPause" WHERE "userId" = $1`, [
        user.id,
      ]),
    );
    expect(JSON.stringify(raw)).not.toContain("I miss you");
    expect(JSON.stringify(raw)).not.toContain("a song");

    expect(await endTextPause({ userId: user.id, id: open.id, outcome: "KEPT_DRAFT" })).toBe(true);
    expect((await listKeptDrafts({ userId: user.id })).map((d) => d.draft)).toEqual([
      "I miss you, can we talk",
    ]);
    expect(await deleteTextPauseDraft({ userId: user.id, id: open.id })).toBe(true);
    expect(await listKeptDrafts({ userId: user.id })).toEqual([]);
    // The pause itself still counts, and is in the export (without the deleted message).
    const exported = await exportTrackerData({ userId: user.id });
    expect(exported.textPauses).toEqual([
      expect.objectContaining({ message: null, trigger: "a song", outcome: "KEPT_DRAFT" }),
    ]);
  });

  it("lets nobody else end, read or delete someone's pause", async () => {
    const owner = await createTestUser("owner");
    const other = await createTestUser("other");
    const open = await pause(owner.id, "private");
    expect(await endTextPause({ userId: other.id, id: open.id, outcome: "SLIPPED" })).toBe(false);
    expect(await deleteTextPauseDraft({ userId: other.id, id: open.id })).toBe(false);
    expect(await getOpenTextPause({ userId: other.id })).toBeNull();
    expect((await getOpenTextPause({ userId: owner.id }))?.draft).toBe("private");
  });

  it("counts each pause that ended without contact in the no-contact summary, and not a slip", async () => {
    const user = await createTestUser("counted");
    for (const outcome of ["REACHED_OUT", "KEPT_DRAFT", "SLIPPED"] as const) {
      const open = await pause(user.id);
      await endTextPause({ userId: user.id, id: open.id, outcome });
    }
    await pause(user.id); // still open: not counted yet
    const dashboard = await loadProgressDashboard({ userId: user.id, today: TODAY, chartDays: 1 });
    expect(dashboard.contact.pausesWithoutContact).toBe(2);
    expect(computeNoContactCounter(dashboard.contact, TODAY).pausesWithoutContact).toBe(2);
  });
});
