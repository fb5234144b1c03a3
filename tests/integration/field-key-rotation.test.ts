import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { withSqlExecutor } from "@/lib/db/connection";
import { decryptField, keyIdOf } from "@/lib/crypto/field-encryption";
import {
  fieldKeyring,
  generateFieldKeyLine,
  keyringFrom,
  parseFieldKeys,
} from "@/lib/crypto/field-keys";
import { saveCheckIn } from "@/lib/data/check-ins";
import { createGoal } from "@/lib/data/goals";
import { createHardDate } from "@/lib/data/hard-dates";
import { createMemory } from "@/lib/data/memories";
import { createReachOut } from "@/lib/data/reach-outs";
import { createActivity } from "@/lib/data/activities";
import { ENCRYPTED_COLUMNS, reencryptFields } from "@/lib/data/reencrypt-fields";
import { createTestUser } from "../support/tracker-users";

// Rotation as docs/operations.md describes it: put a new key first, keep the old one;
// old values still decrypt; `npm run keys:reencrypt` moves them to the new key;
// then the old key can go.

const COLUMNS: Array<[table: string, column: string, row: "id" | "day"]> = [
  ["CheckIn", "note", "day"],
  ["Slip", "trigger", "day"],
  ["Memory", "text", "id"],
  ["Goal", "title", "id"],
  ["Goal", "note", "id"],
  ["Activity", "title", "id"],
  ["ReachOut", "who", "id"],
  ["ReachOut", "note", "id"],
  ["HardDate", "label", "id"],
  ["HardDate", "plan", "id"],
];

async function storedValues(userId: string) {
  const values: Array<{ field: string; row: string; value: string }> = [];
  for (const [table, column, row] of COLUMNS) {
    const rows = await withSqlExecutor((sql) =>
      sql.query<{ row: string; value: string | null }>(
        `SELECT ${row === "day" ? `to_char("day", 'YYYY-MM-DD')` : `"id"`} AS row, "${column}" AS value
           FROM "${table}" WHERE "userId" = $1`,
        [userId],
      ),
    );
    for (const r of rows)
      if (r.value) values.push({ field: `${table}.${column}`, row: r.row, value: r.value });
  }
  return values;
}

describe(reencryptFields, () => {
  it("covers every encrypted column", () => {
    expect(ENCRYPTED_COLUMNS.map((c) => c.field).sort()).toEqual(
      COLUMNS.map(([t, c]) => `${t}.${c}`).sort(),
    );
  });

  it("keeps old values readable after a new key is added, then moves them all to the new key", async () => {
    const user = await createTestUser("rotation");
    const userId = user.id;
    await saveCheckIn({
      userId,
      day: "2026-11-20",
      mood: 2,
      missing: 5,
      contact: "WE_MET",
      note: "note",
      trigger: "trigger",
    });
    await createMemory({ userId, kind: "GOOD", text: "memory", requestKey: randomUUID() });
    await createGoal({ userId, title: "goal", note: "goal note", requestKey: randomUUID() });
    await createActivity({
      userId,
      title: "activity",
      day: "2026-11-20",
      requestKey: randomUUID(),
    });
    await createReachOut({
      userId,
      who: "who",
      day: "2026-11-20",
      feeling: "SAME",
      note: "reach note",
      requestKey: randomUUID(),
    });
    await createHardDate({
      userId,
      label: "label",
      month: 3,
      day: 3,
      plan: "plan",
      requestKey: randomUUID(),
    });

    const old = fieldKeyring(); // the process's key (generated into the data folder in tests)
    const before = await storedValues(userId);
    expect(before).toHaveLength(COLUMNS.length);
    const plain = before.map((v) =>
      decryptField(v.value, { userId, field: v.field, row: v.row }, old),
    );

    const fresh = parseFieldKeys(generateFieldKeyLine("k-next"))[0]!;
    const rotated = keyringFrom([fresh, old.current]);
    for (const [i, v] of before.entries()) {
      expect(decryptField(v.value, { userId, field: v.field, row: v.row }, rotated)).toBe(plain[i]);
    }

    const report = await reencryptFields({ keyring: rotated, batchSize: 2 });
    const rewritten = Object.values(report).reduce((n, c) => n + c.rewritten, 0);
    expect(rewritten).toBeGreaterThanOrEqual(COLUMNS.length);
    expect(Object.values(report).every((c) => c.unreadable === 0)).toBe(true);

    const newOnly = keyringFrom([fresh]);
    const after = await storedValues(userId);
    for (const [i, v] of after.entries()) {
      expect(keyIdOf(v.value)).toBe("k-next");
      expect(decryptField(v.value, { userId, field: v.field, row: v.row }, newOnly)).toBe(plain[i]);
    }
    // A second run has nothing left to do.
    const again = await reencryptFields({ keyring: rotated });
    expect(Object.values(again).every((c) => c.rewritten === 0)).toBe(true);
  });
});
