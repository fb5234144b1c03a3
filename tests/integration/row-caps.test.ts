import { randomBytes, randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { createActivity } from "@/lib/data/activities";
import { addCounselingMessage } from "@/lib/data/counseling-messages";
import { createGoal } from "@/lib/data/goals";
import { answerValentinesOffer, createHardDate } from "@/lib/data/hard-dates";
import { createMemory } from "@/lib/data/memories";
import { createPartnerInvitation } from "@/lib/data/partner-invitations";
import { createReachOut } from "@/lib/data/reach-outs";
import { ROW_LIMITS, rowLimitMessage, type CappedList } from "@/lib/validations/row-limits";
import { createInviter, uniqueAddress } from "@/tests/support/counseling";
import { createSubmittedReferral, messageOf } from "@/tests/support/counseling-team";
import { createTestUser } from "../support/tracker-users";

// Issue 13 item 7 (SECURITY.md 33): every list a person can grow has a cap,
// counted under a per-person lock in the insert's own transaction, so
// requests fired in parallel cannot pass it together.

vi.setConfig({ testTimeout: 120_000 });

const signedIn: { user: SessionUser | null } = { user: null };
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => signedIn.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { addMemory } = await import("@/lib/actions/memories");
const { answerValentines } = await import("@/lib/actions/hard-dates");

beforeEach(() => {
  signedIn.user = null;
});

const key = () => randomUUID();
const filler = () => `v1:filler:${randomBytes(8).toString("base64url")}`;

/** Puts `n` rows straight into a list (the cap only counts them; they need not decrypt). */
const fillers: Record<
  Exclude<CappedList, "invitations" | "counselingMessages">,
  (userId: string, n: number) => Promise<unknown>
> = {
  memories: (userId, n) =>
    db.memory.createMany({
      data: Array.from({ length: n }, () => ({
        userId,
        kind: "GOOD" as const,
        text: filler(),
        requestKey: key(),
      })),
    }),
  goals: (userId, n) =>
    db.goal.createMany({
      data: Array.from({ length: n }, () => ({ userId, title: filler(), requestKey: key() })),
    }),
  activities: (userId, n) =>
    db.activity.createMany({
      data: Array.from({ length: n }, () => ({
        userId,
        title: filler(),
        day: new Date("2026-11-01"),
        requestKey: key(),
      })),
    }),
  reachOuts: (userId, n) =>
    db.reachOut.createMany({
      data: Array.from({ length: n }, () => ({
        userId,
        who: filler(),
        day: new Date("2026-11-01"),
        feeling: "BETTER" as const,
        requestKey: key(),
      })),
    }),
  hardDates: (userId, n) =>
    db.hardDate.createMany({
      data: Array.from({ length: n }, () => ({
        userId,
        label: filler(),
        month: 3,
        day: 1,
        requestKey: key(),
      })),
    }),
};

const creators: Record<
  keyof typeof fillers,
  (userId: string, requestKey: string) => Promise<unknown>
> = {
  memories: (userId, requestKey) =>
    createMemory({ userId, kind: "HARD", text: "the last one", requestKey }),
  goals: (userId, requestKey) => createGoal({ userId, title: "walk", requestKey }),
  activities: (userId, requestKey) =>
    createActivity({ userId, title: "pottery", day: "2026-11-20", requestKey }),
  reachOuts: (userId, requestKey) =>
    createReachOut({ userId, who: "Sam", day: "2026-11-20", feeling: "SAME", requestKey }),
  hardDates: (userId, requestKey) =>
    createHardDate({ userId, label: "anniversary", month: 6, day: 2, requestKey }),
};

const counts: Record<keyof typeof fillers, (userId: string) => Promise<number>> = {
  memories: (userId) => db.memory.count({ where: { userId } }),
  goals: (userId) => db.goal.count({ where: { userId } }),
  activities: (userId) => db.activity.count({ where: { userId } }),
  reachOuts: (userId) => db.reachOut.count({ where: { userId } }),
  hardDates: (userId) => db.hardDate.count({ where: { userId } }),
};

describe("every tracker list has a per-person cap", () => {
  for (const list of Object.keys(fillers) as (keyof typeof fillers)[]) {
    it(`${list}: the last free place is taken, then "full"; a double submit is not "full"`, async () => {
      const user = await createTestUser(list);
      const other = await createTestUser(`${list}-other`);
      await fillers[list](user.id, ROW_LIMITS[list] - 1);

      const last = key();
      expect(await creators[list](user.id, last)).toEqual({ created: true });
      // The same form again: already saved, not refused.
      expect(await creators[list](user.id, last)).toEqual({ created: false });
      expect(await creators[list](user.id, key())).toEqual({ created: false, full: list });
      expect(await counts[list](user.id)).toBe(ROW_LIMITS[list]);
      // The cap is per person: someone else's list is unaffected.
      expect(await creators[list](other.id, key())).toEqual({ created: true });
    });
  }

  it("refuses twenty parallel inserts past the cap: exactly the free places are filled", async () => {
    const user = await createTestUser("race");
    await fillers.memories(user.id, ROW_LIMITS.memories - 3);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => creators.memories(user.id, key())),
    );
    expect(results.filter((r) => (r as { created: boolean }).created)).toHaveLength(3);
    expect(results.filter((r) => "full" in (r as object))).toHaveLength(17);
    expect(await counts.memories(user.id)).toBe(ROW_LIMITS.memories);
  });

  it("counts the lists apart and races across them without passing any cap", async () => {
    const user = await createTestUser("mixed");
    await fillers.goals(user.id, ROW_LIMITS.goals - 2);
    await fillers.hardDates(user.id, ROW_LIMITS.hardDates - 2);
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        (i % 2 ? creators.goals : creators.hardDates)(user.id, key()),
      ),
    );
    expect(await counts.goals(user.id)).toBe(ROW_LIMITS.goals);
    expect(await counts.hardDates(user.id)).toBe(ROW_LIMITS.hardDates);
  });

  it("Valentine's Day respects the hard-date cap, and a full list leaves the offer open", async () => {
    const user = await createTestUser("valentine");
    await fillers.hardDates(user.id, ROW_LIMITS.hardDates);
    expect(
      await answerValentinesOffer({ userId: user.id, answer: "add", requestKey: key() }),
    ).toEqual({ created: false, full: "hardDates" });
    expect(await counts.hardDates(user.id)).toBe(ROW_LIMITS.hardDates);
    expect(await db.trackerSettings.findUnique({ where: { userId: user.id } })).toBeNull();
    // "No thanks" adds nothing, so a full list does not stand in its way.
    expect(
      await answerValentinesOffer({ userId: user.id, answer: "decline", requestKey: key() }),
    ).toEqual({ created: true });
  });
});

describe("the form's answer to a full list", () => {
  it("says the cap and what to do, and keeps what was typed", async () => {
    const user = await createTestUser("form");
    signedIn.user = { id: user.id, email: user.email!, name: "form", signedInAt: new Date() };
    await fillers.memories(user.id, ROW_LIMITS.memories);
    const form = new FormData();
    form.set("kind", "GOOD");
    form.set("text", "the day we found the lake");
    form.set("requestKey", key());

    const state = await addMemory({}, form);
    expect(state).toMatchObject({
      status: "error",
      formError: "You can keep up to 200 memories. Remove one to add another.",
      values: { kind: "GOOD", text: "the day we found the lake" },
    });
    expect(await counts.memories(user.id)).toBe(ROW_LIMITS.memories);
  });

  it("answers Valentine's Day on a full list with the same message", async () => {
    const user = await createTestUser("form-valentine");
    signedIn.user = { id: user.id, email: user.email!, name: "v", signedInAt: new Date() };
    await fillers.hardDates(user.id, ROW_LIMITS.hardDates);
    const form = new FormData();
    form.set("answer", "add");
    form.set("requestKey", key());
    expect(await answerValentines({}, form)).toMatchObject({
      status: "error",
      formError: rowLimitMessage("hardDates"),
    });
  });
});

describe("counseling lists", () => {
  it("caps the invitations one person ever sends", async () => {
    const inviter = await createInviter("many");
    const referral = await db.counselingReferral.findFirstOrThrow({
      where: { userId: inviter.id },
      select: { id: true },
    });
    await db.partnerInvitation.createMany({
      data: Array.from({ length: ROW_LIMITS.invitations }, () => ({
        referralId: referral.id,
        inviterId: inviter.id,
        tokenHash: randomBytes(16).toString("hex"),
        status: "revoked" as const,
        recipientHmac: randomBytes(8).toString("hex"),
        recipientCanonicalHmac: randomBytes(8).toString("hex"),
        inviterName: "Many",
        expiresAt: new Date(),
        requestKey: key(),
      })),
    });
    const invitation = {
      userId: inviter.id,
      email: uniqueAddress("partner"),
      inviterName: "Many",
      message: "",
    };
    expect(await createPartnerInvitation({ ...invitation, requestKey: key() })).toEqual({
      ok: false,
      reason: "too_many",
    });
    expect(await db.partnerInvitation.count({ where: { inviterId: inviter.id } })).toBe(
      ROW_LIMITS.invitations,
    );
    expect(
      await db.outboxMessage.count({
        where: { userId: inviter.id, template: "partner-invitation" },
      }),
    ).toBe(0);
  });

  it("caps one writer's messages on a referral, also against parallel posts", async () => {
    const { person, referralId } = await createSubmittedReferral("writer");
    await db.counselingMessage.createMany({
      data: Array.from({ length: ROW_LIMITS.counselingMessages - 2 }, () => ({
        referralId,
        thread: "PERSON" as const,
        authorId: person.id,
        authorKind: "PERSON" as const,
        text: filler(),
        requestKey: key(),
      })),
    });
    // Under the daily limit (each post uses one), racing past the total cap.
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        addCounselingMessage({ userId: person.id, ...messageOf(referralId, "PERSON", `m${i}`) }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(2);
    expect(results.filter((r) => !r.ok && r.reason === "full")).toHaveLength(4);
    expect(await db.counselingMessage.count({ where: { referralId, authorId: person.id } })).toBe(
      ROW_LIMITS.counselingMessages,
    );
  });
});
