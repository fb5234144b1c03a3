import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { withSqlExecutor } from "@/lib/db/connection";
import {
  ENCRYPTED_COLUMN_NAMES,
  ENCRYPTED_COLUMNS,
  encryptedColumnContext,
  type EncryptedColumn,
} from "@/lib/crypto/encrypted-columns";
import { decryptField, keyIdOf } from "@/lib/crypto/field-encryption";
import {
  fieldKeyring,
  generateFieldKeyLine,
  keyringFrom,
  parseFieldKeys,
  type FieldKeyring,
} from "@/lib/crypto/field-keys";
import { saveCheckIn } from "@/lib/data/check-ins";
import { addCounselingMessage } from "@/lib/data/counseling-messages";
import { offerSessionTimes } from "@/lib/data/session-booking";
import { claimReferral, closeReferral } from "@/lib/data/referral-ownership";
import { recordSafetyScreen, submitCounselingIntake } from "@/lib/data/counseling-referrals";
import { exportCounselingData } from "@/lib/data/counseling-export";
import { createGoal } from "@/lib/data/goals";
import { createHardDate } from "@/lib/data/hard-dates";
import { startTextPause } from "@/lib/data/text-pauses";
import { declinePartnerInvitation } from "@/lib/data/invitation-responses";
import { createMemory } from "@/lib/data/memories";
import { createReachOut } from "@/lib/data/reach-outs";
import { createActivity } from "@/lib/data/activities";
import { reencryptFields } from "@/lib/data/reencrypt-fields";
import { exportTrackerData } from "@/lib/data/tracker-export";
import {
  createPerson,
  intakeOf,
  invite,
  latestToken,
  uniqueAddress,
} from "@/tests/support/counseling";
import { createTeamMember, messageOf } from "@/tests/support/counseling-team";

// Every kind of row or email, a first session included, is many statements on a loaded machine.
vi.setConfig({ testTimeout: 120_000 });

// Rotation as docs/operations.md describes it: put a new key first, keep the old one;
// old values still decrypt; `npm run keys:reencrypt` moves them to the new key;
// then the old key goes, and every value of every kind still reads. The
// columns come from the one registry (lib/crypto/encrypted-columns.ts) that
// sealing and rotation read too.

const processKeyring = globalThis as unknown as { __heartworkFieldKeyring?: FieldKeyring };
const original = fieldKeyring();
afterEach(() => {
  processKeyring.__heartworkFieldKeyring = original;
});

/** Every encrypted value of the person, read straight from the database. */
async function storedValues(userId: string) {
  const values: Array<{
    field: (typeof ENCRYPTED_COLUMN_NAMES)[number];
    row: string;
    value: string;
  }> = [];
  for (const field of ENCRYPTED_COLUMN_NAMES) {
    const { table, column, owner, row } = ENCRYPTED_COLUMNS[field] as EncryptedColumn;
    const rowSql =
      row === "day"
        ? `to_char(t."day", 'YYYY-MM-DD')`
        : row === "referral-and-id"
          ? `t."referralId" || ':' || t."id"`
          : `t."id"`;
    // A thread's message belongs to the referral's owner, whoever wrote it.
    const ownerSql =
      typeof owner === "string"
        ? `FROM "${table}" AS t WHERE t."${owner}" = $1`
        : `FROM "${table}" AS t JOIN "${owner.table}" AS o ON o."id" = t."${owner.via}" WHERE o."userId" = $1`;
    const rows = await withSqlExecutor((sql) =>
      sql.query<{ row: string; value: string | null }>(
        `SELECT ${rowSql} AS row, t."${column}" AS value ${ownerSql}`,
        [userId],
      ),
    );
    for (const r of rows) if (r.value) values.push({ field, row: r.row, value: r.value });
  }
  return values;
}

/** One row of every kind that holds ciphertext, every optional text filled in. */
async function writeEveryKindOfRow() {
  const person = await createPerson("rotation");
  const userId = person.id;
  const day = "2026-11-20";
  await saveCheckIn({
    userId,
    day,
    mood: 2,
    missing: 5,
    contact: "WE_MET",
    note: "check-in note",
    trigger: "slip trigger",
  });
  await createMemory({ userId, kind: "GOOD", text: "memory text", requestKey: randomUUID() });
  await createGoal({ userId, title: "goal title", note: "goal note", requestKey: randomUUID() });
  await createActivity({ userId, title: "activity title", day, requestKey: randomUUID() });
  await createReachOut({
    userId,
    who: "reach who",
    day,
    feeling: "SAME",
    note: "reach note",
    requestKey: randomUUID(),
  });
  await createHardDate({
    userId,
    label: "hard label",
    month: 3,
    day: 3,
    plan: "hard plan",
    requestKey: randomUUID(),
  });
  await startTextPause({
    userId,
    day,
    draft: "pause draft",
    trigger: "pause trigger",
    requestKey: randomUUID(),
  });
  await recordSafetyScreen({ userId, outcome: "CLEAR" });
  await submitCounselingIntake({
    userId,
    intake: intakeOf({ contactMethod: "PHONE", phone: "+1 555 123 4567", note: "intake note" }),
  });
  // A declined invitation keeps the partner's note; an open one keeps the message.
  const declined = await invite(person, uniqueAddress("partner"), { message: "first message" });
  await declinePartnerInvitation({
    token: await latestToken(declined.invitationId),
    note: "decline note",
  });
  await invite(person, uniqueAddress("partner"), { message: "open message" });
  // The counseling team's side: a thread with a message from each side, and a
  // closing note with resources.
  const { id: referralId } = await db.counselingReferral.findFirstOrThrow({
    where: { userId },
    select: { id: true },
  });
  const counselor = await createTeamMember("rotation-counselor");
  expect(await claimReferral({ userId: counselor.id, referralId })).toMatchObject({ ok: true });
  await addCounselingMessage({ userId, ...messageOf(referralId, "PERSON", "person message") });
  await addCounselingMessage({
    userId: counselor.id,
    ...messageOf(referralId, "PERSON", "counselor message"),
  });
  // How to join the first session, offered before the referral closes.
  expect(
    await offerSessionTimes({
      userId: counselor.id,
      referralId,
      timeZone: "UTC",
      joinKind: "address",
      joinDetail: "join detail",
      times: [1, 2].map((d) => ({
        startsAt: new Date(Date.now() + d * 86_400_000),
        lengthMinutes: 50,
      })),
    }),
  ).toMatchObject({ ok: true });
  await closeReferral({
    userId: counselor.id,
    referralId,
    outcome: "REFERRED_ELSEWHERE",
    resources: "close resources",
  });
  return userId;
}

const PLAINTEXTS = [
  "check-in note",
  "slip trigger",
  "memory text",
  "goal title",
  "goal note",
  "activity title",
  "reach who",
  "reach note",
  "hard label",
  "hard plan",
  "pause draft",
  "pause trigger",
  "+1 555 123 4567",
  "intake note",
  "decline note",
  "open message",
  "person message",
  "counselor message",
  "close resources",
  "join detail",
  "join detail",
];

describe(reencryptFields, () => {
  it("moves every kind of encrypted value to the new key, so the old key can go and everything still reads", async () => {
    const userId = await writeEveryKindOfRow();
    const old = fieldKeyring(); // key 1: the process's key (generated into the data folder in tests)
    const before = await storedValues(userId);
    // Every registered column holds a value, all under key 1.
    expect(new Set(before.map((v) => v.field))).toEqual(new Set(ENCRYPTED_COLUMN_NAMES));
    expect(new Set(before.map((v) => keyIdOf(v.value)))).toEqual(new Set([old.current.id]));
    const plain = before.map((v) =>
      decryptField(v.value, encryptedColumnContext(v.field, userId, v.row), old),
    );
    expect(plain.sort()).toEqual([...PLAINTEXTS].sort());

    // Key 2 goes first, key 1 stays: old values still read.
    const fresh = parseFieldKeys(generateFieldKeyLine("k-next"))[0]!;
    const rotated = keyringFrom([fresh, old.current]);
    const report = await reencryptFields({ keyring: rotated, batchSize: 2 });
    for (const field of ENCRYPTED_COLUMN_NAMES) {
      expect(report[field]?.rewritten, field).toBeGreaterThanOrEqual(1);
      expect(report[field]?.unreadable, field).toBe(0);
    }

    // Key 1 removed: every value is under key 2 and reads with key 2 alone...
    const newOnly = keyringFrom([fresh]);
    const after = await storedValues(userId);
    expect(after).toHaveLength(before.length);
    for (const v of after) {
      expect(keyIdOf(v.value), v.field).toBe("k-next");
    }
    expect(
      after
        .map((v) => decryptField(v.value, encryptedColumnContext(v.field, userId, v.row), newOnly))
        .sort(),
    ).toEqual([...PLAINTEXTS].sort());

    // ...and through the app itself, running with key 2 only: both exports show every value.
    processKeyring.__heartworkFieldKeyring = newOnly;
    const exported = JSON.stringify([
      await exportTrackerData({ userId }),
      await exportCounselingData({ userId }),
    ]);
    // The data export does not carry the first session yet (issue 15, not done): its join detail is checked above.
    for (const text of PLAINTEXTS.filter((t) => t !== "join detail"))
      expect(exported, text).toContain(text);

    // A second run has nothing left to do.
    const again = await reencryptFields({ keyring: rotated });
    expect(Object.values(again).every((c) => c.rewritten === 0)).toBe(true);
  });

  it("leaves a value no configured key can read alone, and counts it", async () => {
    const userId = await writeEveryKindOfRow();
    const stranger = keyringFrom([parseFieldKeys(generateFieldKeyLine("k-stranger"))[0]!]);
    const report = await reencryptFields({ keyring: stranger });
    const before = await storedValues(userId);
    expect(Object.values(report).reduce((n, c) => n + c.unreadable, 0)).toBeGreaterThanOrEqual(
      PLAINTEXTS.length,
    );
    expect(before.every((v) => keyIdOf(v.value) !== "k-stranger")).toBe(true);
  });
});
