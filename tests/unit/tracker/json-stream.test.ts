import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonObjectPieces, streamOfPieces, type StreamedMember } from "@/lib/tracker/json-stream";

// The streamed export must be the very bytes JSON.stringify(document, null, 2)
// gives (the export's format is unchanged by streaming it).

async function* pagesFrom(pages: unknown[][]) {
  for (const page of pages) yield page;
}

async function written(members: Array<readonly [string, StreamedMember]>) {
  let text = "";
  for await (const piece of jsonObjectPieces(members)) text += piece;
  return text;
}

describe(jsonObjectPieces, () => {
  it("writes what JSON.stringify writes, for plain members, late ones and lists in pages", async () => {
    const document = {
      format: "heartwork-tracker-export",
      version: 1,
      account: { email: "a@example.com", name: null },
      settings: { timeZone: "Asia/Tokyo", breakupDate: new Date("2026-08-01T00:00:00Z") },
      empty: [],
      checkIns: [{ day: "2026-11-01", note: 'line one\nline "two"' }, { day: "2026-11-02" }],
      nested: [[1, [2, {}]], { a: [] }],
      counseling: { referral: null, messages: [{ text: "hi" }] },
    };
    expect(
      await written([
        ["format", { value: document.format }],
        ["version", { value: document.version }],
        ["skipped", { value: undefined }],
        ["account", { value: document.account }],
        ["settings", { later: async () => document.settings }],
        ["empty", { pages: pagesFrom([[], []]) }],
        ["checkIns", { pages: pagesFrom([[document.checkIns[0]], [], [document.checkIns[1]]]) }],
        ["nested", { pages: pagesFrom([document.nested]) }],
        ["counseling", { later: async () => document.counseling }],
      ]),
    ).toBe(JSON.stringify(document, null, 2));
    expect(await written([])).toBe("{}");
    expect(await written([["only", { pages: pagesFrom([]) }]])).toBe('{\n  "only": []\n}');
  });

  it("matches JSON.stringify for any JSON value split into any pages", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.jsonValue(),
        fc.array(fc.jsonValue(), { maxLength: 12 }),
        fc.array(fc.nat(4), { maxLength: 6 }),
        async (plain, list, cuts) => {
          const pages: unknown[][] = [];
          let at = 0;
          for (const size of cuts) pages.push(list.slice(at, (at += size)));
          pages.push(list.slice(at));
          const text = await written([
            ["plain", { value: plain }],
            ["list", { pages: pagesFrom(pages) }],
          ]);
          expect(text).toBe(JSON.stringify({ plain, list }, null, 2));
        },
      ),
      { seed: 13, numRuns: 300 },
    );
  });
});

describe(streamOfPieces, () => {
  it("asks for a piece only when the reader wants one, and reports a failure before erroring", async () => {
    const asked: number[] = [];
    async function* pieces() {
      for (let i = 0; i < 3; i++) {
        asked.push(i);
        yield `piece ${i};`;
      }
      throw new Error("database gone");
    }
    const failures: unknown[] = [];
    const reader = streamOfPieces(pieces(), (e) => failures.push(e)).getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe("piece 0;");
    // One piece read, at most one more buffered (the stream's high-water mark): never all.
    expect(asked.length).toBeLessThanOrEqual(2);
    await reader.read();
    await reader.read();
    await expect(reader.read()).rejects.toThrow("database gone");
    expect(failures).toHaveLength(1);
  });
});
