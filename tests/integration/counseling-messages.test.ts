import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { MESSAGES_PER_DAY } from "@/lib/counseling/team";
import { addCounselingMessage, listCounselingThread } from "@/lib/data/counseling-messages";
import { listReferralAccessLog } from "@/lib/data/referral-access-log";
import { claimReferral, closeReferral } from "@/lib/data/referral-ownership";
import { eraseExpiredReferralText } from "@/lib/data/referral-retention";
import { openTeamReferral } from "@/lib/data/team-referral";
import {
  createCouplesReferral,
  createSubmittedReferral,
  createTeamMember,
  messageOf,
} from "@/tests/support/counseling-team";
import { teamStateSnapshot } from "@/tests/support/team-snapshot";

// A referral's threads (docs/counseling-team.md): the person's and the
// partner's private threads with the counselor and the couple's shared one;
// text encrypted at rest (SECURITY.md 29); a daily limit per person; and the
// retention eraser that removes a closed referral's free text on schedule
// (SECURITY.md 30).

// Couples made through real invitations and twenty racing members are many statements: on a
// loaded two-core machine a test can take longer than the default 30 s.
vi.setConfig({ testTimeout: 120_000 });

const CIPHERTEXT = /^v1:[A-Za-z0-9_-]+:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]{22,}$/;
const DAY = 24 * 60 * 60 * 1000;

async function texts(userId: string, referralId: string, thread: "PERSON" | "PARTNER" | "SHARED") {
  const messages = await listCounselingThread({ userId, referralId, thread });
  return messages?.map((m) => `${m.author}${m.mine ? "(me)" : ""}: ${m.text}`) ?? null;
}

describe(addCounselingMessage, () => {
  it("keeps each partner's private thread from the other and shares the couple's thread with all three", async () => {
    const counselor = await createTeamMember("zoe");
    const { person, partner, referralId } = await createCouplesReferral("talking");
    await claimReferral({ userId: counselor.id, referralId });
    const post = (userId: string, thread: "PERSON" | "PARTNER" | "SHARED", text: string) =>
      addCounselingMessage({ userId, ...messageOf(referralId, thread, text) });

    expect(await post(person.id, "PERSON", "from the person")).toEqual({
      ok: true,
      duplicate: false,
    });
    expect(await post(counselor.id, "PERSON", "to the person")).toMatchObject({ ok: true });
    expect(await post(partner.id, "PARTNER", "from the partner")).toMatchObject({ ok: true });
    expect(await post(counselor.id, "PARTNER", "to the partner")).toMatchObject({ ok: true });
    expect(await post(counselor.id, "SHARED", "to you both")).toMatchObject({ ok: true });
    expect(await post(partner.id, "SHARED", "partner to all")).toMatchObject({ ok: true });

    expect(await texts(person.id, referralId, "PERSON")).toEqual([
      "PERSON(me): from the person",
      "TEAM: to the person",
    ]);
    expect(await texts(partner.id, referralId, "PARTNER")).toEqual([
      "PARTNER(me): from the partner",
      "TEAM: to the partner",
    ]);
    expect(await texts(person.id, referralId, "SHARED")).toEqual([
      "TEAM: to you both",
      "PARTNER: partner to all",
    ]);
    expect(await texts(counselor.id, referralId, "PARTNER")).toEqual([
      "PARTNER: from the partner",
      "TEAM(me): to the partner",
    ]);
    const opened = await openTeamReferral({ userId: counselor.id, referralId, thread: "SHARED" });
    expect(opened?.thread.messages.map((m) => `${m.author}: ${m.text}`)).toEqual([
      "TEAM: to you both",
      "PARTNER: partner to all",
    ]);
    expect(await texts(person.id, referralId, "PARTNER")).toBeNull();
    expect(await texts(partner.id, referralId, "PERSON")).toBeNull();
  });

  it("gives an individual referral, or one whose partner has not joined with a clear screen, only the person's thread", async () => {
    const counselor = await createTeamMember("abe");
    const single = await createSubmittedReferral("single", { format: "INDIVIDUAL" });
    const concerned = await createCouplesReferral("unsafe", "CONCERN");
    for (const referralId of [single.referralId, concerned.referralId]) {
      await claimReferral({ userId: counselor.id, referralId });
      expect((await openTeamReferral({ userId: counselor.id, referralId }))?.threads).toEqual([
        "PERSON",
      ]);
      for (const thread of ["PARTNER", "SHARED"] as const) {
        expect(
          await addCounselingMessage({
            userId: counselor.id,
            ...messageOf(referralId, thread, "x"),
          }),
        ).toEqual({ ok: false, reason: "not_found" });
      }
    }
    // The partner whose screen raised a concern has no thread at all here.
    expect(
      await addCounselingMessage({
        userId: concerned.partner.id,
        ...messageOf(concerned.referralId, "PARTNER", "x"),
      }),
    ).toEqual({ ok: false, reason: "not_found" });
  });

  it("stores only ciphertext, bound to its row: raw SQL shows no words, and a copied value does not decrypt", async () => {
    const counselor = await createTeamMember("bea");
    const { person, referralId } = await createSubmittedReferral("secretive");
    await claimReferral({ userId: counselor.id, referralId });
    await addCounselingMessage({
      userId: person.id,
      ...messageOf(referralId, "PERSON", "the words nobody may read in the database"),
    });
    await addCounselingMessage({
      userId: counselor.id,
      ...messageOf(referralId, "PERSON", "a counselor's reply"),
    });
    const rows = await db.$queryRaw<{ id: string; text: string }[]>`
      SELECT "id", "text" FROM "CounselingMessage" WHERE "referralId" = ${referralId} ORDER BY "createdAt"`;
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.text).toMatch(CIPHERTEXT);
      expect(row.text).not.toMatch(/words|reply/);
    }
    // Swap the two ciphertexts: each is bound to its own row and shows as unreadable.
    await db.$executeRaw`UPDATE "CounselingMessage" SET "text" = ${rows[1]!.text} WHERE "id" = ${rows[0]!.id}`;
    const thread = await listCounselingThread({
      userId: person.id,
      referralId,
      thread: "PERSON",
    });
    expect(thread?.map((m) => m.text)).toEqual([null, "a counselor's reply"]);
  });

  it("posts once per request key, refuses a 10,000-character message, and holds a daily limit per person", async () => {
    const { person, referralId } = await createSubmittedReferral("chatty");
    const other = await createSubmittedReferral("quiet");
    const requestKey = randomUUID();
    const once = { referralId, thread: "PERSON" as const, text: "double click", requestKey };
    expect(await addCounselingMessage({ userId: person.id, ...once })).toEqual({
      ok: true,
      duplicate: false,
    });
    expect(await addCounselingMessage({ userId: person.id, ...once })).toEqual({
      ok: true,
      duplicate: true,
    });
    expect(await db.counselingMessage.count({ where: { referralId } })).toBe(1);

    const before = await teamStateSnapshot();
    const huge = await addCounselingMessage({
      userId: person.id,
      ...messageOf(referralId, "PERSON", "x".repeat(10_000)),
    });
    expect(huge).toMatchObject({ ok: false, reason: "invalid" });
    expect(huge.ok === false && huge.reason === "invalid" && huge.fieldErrors.text?.[0]).toMatch(
      /Please keep this to 4,000 characters or fewer\. It has 10,000\./,
    );
    expect(await teamStateSnapshot()).toEqual(before);

    // Two posts are already counted today (the double click counts, it is a submit).
    for (let i = 2; i < MESSAGES_PER_DAY.person; i++) {
      expect(
        await addCounselingMessage({
          userId: person.id,
          ...messageOf(referralId, "PERSON", `${i}`),
        }),
      ).toMatchObject({ ok: true });
    }
    const refused = await addCounselingMessage({
      userId: person.id,
      ...messageOf(referralId, "PERSON", "one too many"),
    });
    expect(refused).toMatchObject({ ok: false, reason: "limited", resetAt: expect.any(Date) });
    expect(await db.counselingMessage.count({ where: { referralId } })).toBe(
      MESSAGES_PER_DAY.person - 1,
    );
    // Someone else's limit is their own.
    expect(
      await addCounselingMessage({
        userId: other.person.id,
        ...messageOf(other.referralId, "PERSON", "hello"),
      }),
    ).toMatchObject({ ok: true });
  });
});

describe(eraseExpiredReferralText, () => {
  it("erases the note, phone, resources and messages of referrals closed longer than the retention period, and nothing else", async () => {
    const counselor = await createTeamMember("cyd");
    const make = async (label: string) => {
      const made = await createSubmittedReferral(label, {
        note: `${label} note`,
        shareNote: true,
        contactMethod: "PHONE",
        phone: "+1 555 000 1111",
      });
      await claimReferral({ userId: counselor.id, referralId: made.referralId });
      await addCounselingMessage({
        userId: made.person.id,
        ...messageOf(made.referralId, "PERSON", `${label} words`),
      });
      await openTeamReferral({ userId: counselor.id, referralId: made.referralId });
      return made;
    };
    const expired = await make("expired");
    const recent = await make("recent");
    const open = await make("open");
    for (const { referralId } of [expired, recent]) {
      await closeReferral({
        userId: counselor.id,
        referralId,
        outcome: "COUNSELING_STARTED",
        resources: "some resources",
      });
    }
    const now = new Date();
    const closedDaysAgo = async (referralId: string, days: number) =>
      db.counselingReferral.update({
        where: { id: referralId },
        data: { closedAt: new Date(now.getTime() - days * DAY) },
      });
    await closedDaysAgo(expired.referralId, 91);
    await closedDaysAgo(recent.referralId, 89);
    const untouched = await db.counselingReferral.findMany({
      where: { id: { in: [recent.referralId, open.referralId] } },
      orderBy: { id: "asc" },
    });

    expect(await eraseExpiredReferralText({ now })).toBe(1);

    const erased = await db.counselingReferral.findUniqueOrThrow({
      where: { id: expired.referralId },
    });
    expect(erased).toMatchObject({
      note: null,
      phone: null,
      closeResources: null,
      textErasedAt: now,
      state: "CLOSED",
      closeOutcome: "COUNSELING_STARTED",
      focuses: ["COMMUNICATION", "TRUST"],
    });
    expect(await db.counselingMessage.count({ where: { referralId: expired.referralId } })).toBe(0);
    // The person still sees who opened their file.
    expect(await listReferralAccessLog({ userId: expired.person.id })).toHaveLength(1);
    expect(
      await db.counselingReferral.findMany({
        where: { id: { in: [recent.referralId, open.referralId] } },
        orderBy: { id: "asc" },
      }),
    ).toEqual(untouched);
    for (const { referralId } of [recent, open]) {
      expect(await db.counselingMessage.count({ where: { referralId } })).toBe(1);
    }

    // Idempotent; a shorter configured period reaches the recent one too.
    expect(await eraseExpiredReferralText({ now })).toBe(0);
    expect(await eraseExpiredReferralText({ now, retentionDays: 30 })).toBe(1);
    expect(await db.counselingMessage.count({ where: { referralId: recent.referralId } })).toBe(0);
    expect(await db.counselingMessage.count({ where: { referralId: open.referralId } })).toBe(1);
  });
});
