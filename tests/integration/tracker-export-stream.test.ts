import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { saveCheckIn } from "@/lib/data/check-ins";
import { exportCounselingData } from "@/lib/data/counseling-export";
import { memoryFields } from "@/lib/data/memories";
import { reachOutFields } from "@/lib/data/reach-outs";
import { newRowId, seal } from "@/lib/data/tracker-records";
import {
  exportTrackerData,
  trackerExportCsv,
  trackerExportJson,
  trackerExportSettings,
} from "@/lib/data/tracker-export";
import { addDays } from "@/lib/tracker/calendar-day";
import { checkInsCsv, EXPORT_FORMAT_VERSION } from "@/lib/tracker/export-files";
import { streamOfPieces } from "@/lib/tracker/json-stream";
import { createTestUser } from "../support/tracker-users";

// Issue 13 item 7: the export streams. A long history is read in keyset pages
// and written as each page arrives, and the file is the same bytes the whole-
// in-memory export gave (JSON.stringify of the document, 2-space indented).

vi.setConfig({ testTimeout: 120_000 });

const PAGE = 50;
const DAYS = 420; // more than eight pages of check-ins
const FIRST_DAY = "2025-09-01";

/** A long history: a check-in every day (some with a note and a slip), and fuller lists. */
async function longHistory() {
  const user = await createTestUser("long-history");
  await db.checkIn.createMany({
    data: Array.from({ length: DAYS }, (_, i) => ({
      userId: user.id,
      day: new Date(`${addDays(FIRST_DAY, i)}T00:00:00Z`),
      mood: 1 + (i % 5),
      missing: i % 11,
      contact: "NONE" as const,
    })),
  });
  // Written through the app, so notes and triggers are sealed as usual.
  for (const i of [0, 49, 50, 51, 200, DAYS - 1]) {
    await saveCheckIn({
      userId: user.id,
      day: addDays(FIRST_DAY, i),
      mood: 2,
      missing: 7,
      contact: "WE_MET",
      note: `note of day ${i}, "quoted", with a comma`,
      trigger: `=trigger ${i}`,
    });
  }
  // Sealed as the app seals them, written in one statement each (speed).
  const memories = Array.from({ length: 120 }, (_, i) => ({ id: newRowId(), i }));
  await db.memory.createMany({
    data: memories.map(({ id, i }) => ({
      id,
      userId: user.id,
      kind: "GOOD" as const,
      text: seal(`memory ${i}`, memoryFields.textField(user.id, id)),
      requestKey: randomUUID(),
      createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, Math.floor(i / 4))), // ties: keyset by id
    })),
  });
  // Several on one day: the page boundary falls inside a day (keyset on day, time, id).
  const reachOuts = Array.from({ length: 60 }, (_, i) => ({ id: newRowId(), i }));
  await db.reachOut.createMany({
    data: reachOuts.map(({ id, i }) => ({
      id,
      userId: user.id,
      who: seal(`friend ${i}`, reachOutFields.whoField(user.id, id)),
      day: new Date(`${addDays(FIRST_DAY, i % 3)}T00:00:00Z`),
      feeling: "BETTER" as const,
      requestKey: randomUUID(),
    })),
  });
  return { id: user.id, email: user.email!, name: "long-history" };
}

async function text(pieces: AsyncGenerator<string>) {
  let out = "";
  for await (const piece of pieces) out += piece;
  return out;
}

describe("the streamed tracker export", () => {
  it("is byte for byte the whole-document JSON, read in pages, first bytes before the last page", async () => {
    const user = await longHistory();
    const settings = await trackerExportSettings({ userId: user.id });
    const account = { email: user.email, name: user.name };
    const exportedAt = "2026-12-05T12:00:00.000Z";

    // What the route wrote before streaming: one object, stringified whole.
    const whole = JSON.stringify(
      {
        format: "heartwork-tracker-export",
        version: EXPORT_FORMAT_VERSION,
        exportedAt,
        account,
        ...(await exportTrackerData({ userId: user.id })),
        counseling: await exportCounselingData({ userId: user.id }),
      },
      null,
      2,
    );

    const pagesRead: string[] = [];
    const stream = streamOfPieces(
      trackerExportJson({
        userId: user.id,
        account,
        settings,
        exportedAt,
        pageSize: PAGE,
        onPage: (list) => pagesRead.push(list),
      }),
      (error) => {
        throw error;
      },
    );
    const reader = stream.getReader();
    const decoder = new TextDecoder();
    let streamed = "";
    let checkInPagesAtFirstBytes = -1;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      streamed += decoder.decode(value, { stream: true });
      if (checkInPagesAtFirstBytes < 0 && streamed.includes('"checkIns": [')) {
        checkInPagesAtFirstBytes = pagesRead.filter((l) => l === "checkIns").length;
      }
    }

    expect(streamed).toBe(whole);
    const checkInPages = pagesRead.filter((l) => l === "checkIns").length;
    expect(checkInPages).toBe(Math.ceil((DAYS + 1) / PAGE)); // the last page comes back short
    // The first check-ins were on their way while the rest were still in the database.
    expect(checkInPagesAtFirstBytes).toBeGreaterThanOrEqual(1);
    expect(checkInPagesAtFirstBytes).toBeLessThanOrEqual(2);
    expect(pagesRead.filter((l) => l === "memories")).toHaveLength(3);
    // Every row once, in order, across page boundaries.
    const parsed = JSON.parse(streamed) as {
      checkIns: { day: string }[];
      reachOuts: { who: string }[];
    };
    expect(parsed.checkIns.map((c) => c.day)).toEqual(
      Array.from({ length: DAYS }, (_, i) => addDays(FIRST_DAY, i)),
    );
    expect(new Set(parsed.reachOuts.map((r) => r.who)).size).toBe(60);
    expect(
      new Set((parsed as unknown as { memories: { text: string }[] }).memories.map((m) => m.text))
        .size,
    ).toBe(120);
  });

  it("streams the check-ins CSV a page at a time, the same bytes as the whole file", async () => {
    const user = await longHistory();
    const data = await exportTrackerData({ userId: user.id });
    const whole = checkInsCsv(data.checkIns, new Map(data.slips.map((s) => [s.day, s.trigger])));
    const pagesRead: string[] = [];
    const streamed = await text(
      trackerExportCsv({ userId: user.id, pageSize: PAGE, onPage: (l) => pagesRead.push(l) }),
    );
    expect(streamed).toBe(whole);
    expect(streamed).toContain("'=trigger 50");
    expect(pagesRead.length).toBeGreaterThan(DAYS / PAGE);
  });

  it("never holds more than a page: no piece of the file is larger than one page's rows", async () => {
    const user = await longHistory();
    const settings = await trackerExportSettings({ userId: user.id });
    // Bytes are counted and dropped, as a client downloading the file would.
    let bytes = 0;
    let peak = 0;
    for await (const piece of trackerExportJson({
      userId: user.id,
      account: { email: user.email, name: user.name },
      settings,
      exportedAt: new Date().toISOString(),
      pageSize: PAGE,
    })) {
      bytes += piece.length;
      peak = Math.max(peak, piece.length);
    }
    // The largest piece is one page of check-ins (about 50 x 200 bytes), not the file.
    expect(bytes).toBeGreaterThan(100_000);
    expect(peak).toBeLessThan(bytes / 8);
  });
});
