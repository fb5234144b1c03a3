import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { INBOX_PAGE_SIZE } from "@/lib/counseling/team";
import { addCounselingMessage, listCounselingThread } from "@/lib/data/counseling-messages";
import { recordSafetyScreen, submitCounselingIntake } from "@/lib/data/counseling-referrals";
import { listReferralAccessLog } from "@/lib/data/referral-access-log";
import { claimReferral, closeReferral, reassignReferral } from "@/lib/data/referral-ownership";
import { listTeamInbox } from "@/lib/data/team-inbox";
import { openTeamReferral } from "@/lib/data/team-referral";
import { createPerson, intakeOf } from "@/tests/support/counseling";
import {
  createCouplesReferral,
  createSubmittedReferral,
  createTeamMember,
  messageOf,
} from "@/tests/support/counseling-team";
import { teamStateSnapshot } from "@/tests/support/team-snapshot";

// The team's side of a referral: the inbox shows only what the person agreed
// to share; exactly one owner however many claim at once; reassignment by
// coordinators to active members only; every opening recorded for the person;
// and anyone outside a referral (another counselor, an ordinary user, the
// partner, the person) calling team functions with its id finds nothing and
// changes nothing (docs/SECURITY.md 8, 27, 28).

// Couples made through real invitations and twenty racing members are many statements: on a
// loaded two-core machine a test can take longer than the default 30 s.
vi.setConfig({ testTimeout: 120_000 });

/** Walks the inbox pages of one filter and returns every item. */
async function wholeInbox(userId: string, filter: "new" | "mine" | "others" | "closed") {
  const items = [];
  let cursor: string | undefined;
  for (let page = 0; page < 100; page++) {
    const result = await listTeamInbox({ userId, filter, cursor });
    if (!result) throw new Error("not a team member");
    items.push(...result.items);
    if (!result.nextCursor) return items;
    cursor = result.nextCursor;
  }
  throw new Error("the inbox never ended");
}

describe(listTeamInbox, () => {
  it("shows only what the person agreed to share: never the screens, the partner, an address or unshared words", async () => {
    const counselor = await createTeamMember("kim");
    const { person: private_, referralId: privateId } = await createSubmittedReferral("private", {
      format: "INDIVIDUAL",
      note: "my unshared words",
      shareNote: false,
      shareFocuses: false,
      contactMethod: "EMAIL",
    });
    const { referralId: sharedId } = await createSubmittedReferral("sharing", {
      note: "words I chose to share",
      shareNote: true,
      shareFocuses: true,
      focuses: ["TRUST"],
      preferredTimes: ["WEEKEND"],
      contactMethod: "PHONE",
      phone: "+1 555 010 9999",
      safeToLeaveMessage: true,
    });
    // A "yes" on the safety screen: the referral is individual, and says nothing more.
    const worried = await createPerson("worried");
    await recordSafetyScreen({ userId: worried.id, outcome: "CONCERN" });
    await submitCounselingIntake({ userId: worried.id, intake: intakeOf({ note: "afraid" }) });
    const couple = await createCouplesReferral("joined");
    const concerned = await createCouplesReferral("concerned", "CONCERN");
    // Not submitted: never in the inbox.
    const unfinished = await createPerson("unfinished");
    await recordSafetyScreen({ userId: unfinished.id, outcome: "CLEAR" });

    const items = await wholeInbox(counselor.id, "new");
    const byId = new Map(items.map((item) => [item.id, item]));
    expect(byId.get(privateId)).toMatchObject({
      format: "INDIVIDUAL",
      focuses: [],
      note: null,
      contactMethod: "EMAIL",
      phone: null,
      safeToLeaveMessage: null,
      partnerJoined: false,
      state: "NEW",
      claimedByMe: false,
    });
    expect(byId.get(sharedId)).toMatchObject({
      focuses: ["TRUST"],
      note: "words I chose to share",
      preferredTimes: ["WEEKEND"],
      contactMethod: "PHONE",
      phone: "+1 555 010 9999",
      safeToLeaveMessage: true,
    });
    expect(byId.get(couple.referralId)?.partnerJoined).toBe(true);
    // A partner whose own screen raised a concern looks exactly like one who has not joined.
    expect(byId.get(concerned.referralId)?.partnerJoined).toBe(false);
    const worriedReferral = await db.counselingReferral.findFirstOrThrow({
      where: { userId: worried.id },
      select: { id: true },
    });
    // Asked for couples counseling, but the screen's "yes" made it individual; nothing says why.
    expect(byId.get(worriedReferral.id)).toMatchObject({ format: "INDIVIDUAL", note: null });

    const text = JSON.stringify(items);
    for (const secret of [
      "my unshared words",
      "afraid",
      "CONCERN",
      "CLEAR",
      "screen",
      private_.email,
      private_.id,
      couple.partner.email,
      couple.partner.id,
      couple.person.email,
      unfinished.id,
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(Object.keys(byId.get(privateId)!).sort()).toEqual(
      [
        "claimedAt",
        "claimedByMe",
        "claimedByName",
        "closedAt",
        "contactMethod",
        "focuses",
        "format",
        "id",
        "note",
        "partnerJoined",
        "phone",
        "preferredTimes",
        "safeToLeaveMessage",
        "state",
        "submittedAt",
      ].sort(),
    );
  });

  it("pages newest first with a cursor, each referral once, and filters by state and owner", async () => {
    const lea = await createTeamMember("lea");
    const max = await createTeamMember("max");
    const coordinator = await createTeamMember("ned", "coordinator");
    const created: string[] = [];
    for (let i = 0; i < INBOX_PAGE_SIZE + 7; i++) {
      created.push((await createSubmittedReferral(`page-${i}`)).referralId);
    }
    const all = await wholeInbox(lea.id, "new");
    const ours = all.filter((item) => created.includes(item.id));
    expect(ours).toHaveLength(created.length);
    expect(new Set(all.map((item) => item.id)).size).toBe(all.length);
    // Newest first (ties, if any, are broken by id in the database's own collation).
    const times = all.map((item) => item.submittedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const [mine, theirs, closed] = created as [string, string, string];
    await claimReferral({ userId: lea.id, referralId: mine });
    await claimReferral({ userId: max.id, referralId: theirs });
    await claimReferral({ userId: lea.id, referralId: closed });
    await closeReferral({ userId: lea.id, referralId: closed, outcome: "NO_RESPONSE" });

    const ids = async (userId: string, filter: "new" | "mine" | "others" | "closed") =>
      (await wholeInbox(userId, filter)).map((item) => item.id);
    expect(await ids(lea.id, "mine")).toEqual([mine]);
    expect(await ids(lea.id, "new")).not.toContain(mine);
    // A counselor never sees what colleagues hold, not even in "claimed by others".
    expect(await ids(lea.id, "others")).toEqual([]);
    expect(await ids(lea.id, "closed")).toEqual([closed]);
    expect(await ids(max.id, "closed")).toEqual([]);
    // A coordinator sees all of it.
    expect(await ids(coordinator.id, "others")).toEqual(expect.arrayContaining([mine, theirs]));
    expect(await ids(coordinator.id, "closed")).toContain(closed);
    const held = (await wholeInbox(coordinator.id, "others")).find((item) => item.id === mine);
    expect(held).toMatchObject({ state: "CLAIMED", claimedByMe: false, claimedByName: "Lea" });
  });

  it("answers null to anyone who is not on the team", async () => {
    const someone = await createPerson("outsider");
    expect(await listTeamInbox({ userId: someone.id, filter: "new" })).toBeNull();
  });
});

describe(claimReferral, () => {
  it("leaves exactly one owner when twenty counselors claim at once", async () => {
    const { referralId } = await createSubmittedReferral("popular");
    const counselors = [];
    for (let i = 0; i < 20; i++) counselors.push(await createTeamMember(`racer-${i}`));
    const results = await Promise.all(
      counselors.map((c) => claimReferral({ userId: c.id, referralId })),
    );
    const winners = counselors.filter((_, i) => results[i]!.ok);
    expect(winners).toHaveLength(1);
    // The others see it leave the inbox: for a counselor it is simply no longer there.
    expect(results.filter((r) => !r.ok)).toEqual(
      Array.from({ length: 19 }, () => ({ ok: false, reason: "not_found" })),
    );
    const row = await db.counselingReferral.findUniqueOrThrow({
      where: { id: referralId },
      select: { state: true, claimedById: true, claimedAt: true },
    });
    expect(row).toMatchObject({ state: "CLAIMED", claimedById: winners[0]!.id });
    expect(row.claimedAt).toBeInstanceOf(Date);
  });

  it("says why a claim did not happen: already yours, held by someone else, closed, your own referral", async () => {
    const counselor = await createTeamMember("ola");
    const coordinator = await createTeamMember("pia", "coordinator");
    const { referralId } = await createSubmittedReferral("claimed-twice");
    expect(await claimReferral({ userId: counselor.id, referralId })).toEqual({ ok: true });
    expect(await claimReferral({ userId: counselor.id, referralId })).toEqual({
      ok: false,
      reason: "already_yours",
    });
    expect(await claimReferral({ userId: coordinator.id, referralId })).toEqual({
      ok: false,
      reason: "taken",
    });
    await closeReferral({ userId: counselor.id, referralId, outcome: "COUNSELING_STARTED" });
    expect(await claimReferral({ userId: coordinator.id, referralId })).toEqual({
      ok: false,
      reason: "closed",
    });
    // A team member's own request for counseling is never theirs to handle.
    await recordSafetyScreen({ userId: counselor.id, outcome: "CLEAR" });
    await submitCounselingIntake({ userId: counselor.id, intake: intakeOf() });
    const own = await db.counselingReferral.findFirstOrThrow({
      where: { userId: counselor.id },
      select: { id: true },
    });
    expect(await claimReferral({ userId: counselor.id, referralId: own.id })).toEqual({
      ok: false,
      reason: "own_referral",
    });
  });
});

describe(reassignReferral, () => {
  it("lets a coordinator hand a new or claimed referral to an active member, and nobody else", async () => {
    const coordinator = await createTeamMember("quinn", "coordinator");
    const first = await createTeamMember("rae");
    const second = await createTeamMember("sol");
    const ordinary = await createPerson("ordinary");
    const { referralId } = await createSubmittedReferral("moving");
    const owner = async () =>
      (await db.counselingReferral.findUniqueOrThrow({ where: { id: referralId } })).claimedById;

    expect(
      await reassignReferral({ userId: coordinator.id, referralId, toUserId: first.id }),
    ).toEqual({ ok: true });
    expect(await owner()).toBe(first.id);
    // A counselor cannot reassign, not even their own referral.
    const before = await teamStateSnapshot();
    expect(await reassignReferral({ userId: first.id, referralId, toUserId: second.id })).toEqual({
      ok: false,
      reason: "not_found",
    });
    expect(
      await reassignReferral({ userId: coordinator.id, referralId, toUserId: ordinary.id }),
    ).toEqual({ ok: false, reason: "not_a_member" });
    expect(
      await reassignReferral({ userId: coordinator.id, referralId, toUserId: "no-such-user" }),
    ).toEqual({ ok: false, reason: "not_a_member" });
    expect(await teamStateSnapshot()).toEqual(before);

    expect(
      await reassignReferral({ userId: coordinator.id, referralId, toUserId: second.id }),
    ).toEqual({ ok: true });
    expect(await owner()).toBe(second.id);
    await closeReferral({ userId: second.id, referralId, outcome: "OTHER" });
    expect(
      await reassignReferral({ userId: coordinator.id, referralId, toUserId: first.id }),
    ).toEqual({ ok: false, reason: "closed" });
    expect(await owner()).toBe(second.id);
  });
});

describe(closeReferral, () => {
  it("closes once with the outcome and the resources, encrypted, and then refuses messages", async () => {
    const counselor = await createTeamMember("tia");
    const { person, referralId } = await createSubmittedReferral("closing");
    expect(
      await closeReferral({ userId: counselor.id, referralId, outcome: "REFERRED_ELSEWHERE" }),
    ).toEqual({ ok: false, reason: "not_claimed" });
    await claimReferral({ userId: counselor.id, referralId });
    expect(
      await closeReferral({
        userId: counselor.id,
        referralId,
        outcome: "REFERRED_ELSEWHERE",
        resources: "Call the local clinic on Mondays",
      }),
    ).toEqual({ ok: true });
    const [raw] = await db.$queryRaw<{ closeResources: string; closeOutcome: string }[]>`
      SELECT "closeResources", "closeOutcome"::text FROM "CounselingReferral" WHERE "id" = ${referralId}`;
    expect(raw!.closeOutcome).toBe("REFERRED_ELSEWHERE");
    expect(raw!.closeResources).toMatch(/^v1:/);
    expect(raw!.closeResources).not.toContain("clinic");
    expect((await openTeamReferral({ userId: counselor.id, referralId }))?.closeResources).toBe(
      "Call the local clinic on Mondays",
    );
    expect(await closeReferral({ userId: counselor.id, referralId, outcome: "OTHER" })).toEqual({
      ok: false,
      reason: "closed",
    });
    expect(
      await addCounselingMessage({ userId: person.id, ...messageOf(referralId, "PERSON", "hi") }),
    ).toEqual({ ok: false, reason: "closed" });
  });
});

describe(openTeamReferral, () => {
  it("records every opening, which the person (and the joined partner) can list with the member's name", async () => {
    const uma = await createTeamMember("uma");
    const vic = await createTeamMember("vic", "coordinator");
    const { person, partner, referralId } = await createCouplesReferral("watched");
    const stranger = await createPerson("stranger");

    const opened = await openTeamReferral({ userId: uma.id, referralId });
    expect(opened).toMatchObject({ id: referralId, partnerJoined: true });
    expect(opened?.threads).toEqual(["PERSON", "PARTNER", "SHARED"]);
    await claimReferral({ userId: uma.id, referralId });
    await openTeamReferral({ userId: vic.id, referralId });
    await openTeamReferral({ userId: uma.id, referralId });

    const log = await listReferralAccessLog({ userId: person.id });
    expect(log.map((entry) => entry.name)).toEqual(["Uma", "Vic", "Uma"]);
    expect(log[0]!.openedAt.getTime()).toBeGreaterThanOrEqual(log[2]!.openedAt.getTime());
    expect(await listReferralAccessLog({ userId: partner.id, referralId })).toEqual(log);
    // Someone else's referral id finds nothing, and their own (none) is empty.
    expect(await listReferralAccessLog({ userId: stranger.id, referralId })).toEqual([]);
    expect(await listReferralAccessLog({ userId: stranger.id })).toEqual([]);
  });
});

describe("team functions called from outside a referral", () => {
  it("answer 'not found' to another counselor, an ordinary user, the partner and the person, and change nothing", async () => {
    const owner = await createTeamMember("wes");
    const colleague = await createTeamMember("xia");
    const ordinary = await createPerson("ordinary-user");
    const { person, partner, referralId } = await createCouplesReferral("guarded");
    await claimReferral({ userId: owner.id, referralId });
    await addCounselingMessage({ userId: owner.id, ...messageOf(referralId, "PERSON", "p") });
    await addCounselingMessage({ userId: owner.id, ...messageOf(referralId, "PARTNER", "q") });
    const before = await teamStateSnapshot();

    for (const caller of [colleague, ordinary, partner, person]) {
      expect(await openTeamReferral({ userId: caller.id, referralId })).toBeNull();
      expect(await claimReferral({ userId: caller.id, referralId })).toEqual({
        ok: false,
        reason: "not_found",
      });
      expect(
        await reassignReferral({ userId: caller.id, referralId, toUserId: colleague.id }),
      ).toEqual({ ok: false, reason: "not_found" });
      expect(await closeReferral({ userId: caller.id, referralId, outcome: "OTHER" })).toEqual({
        ok: false,
        reason: "not_found",
      });
      const inbox = await listTeamInbox({ userId: caller.id, filter: "others" });
      expect(inbox?.items.map((item) => item.id) ?? []).not.toContain(referralId);
    }
    // Threads: outsiders see none; each partner never sees the other's private thread.
    for (const [caller, thread] of [
      [colleague, "PERSON"],
      [ordinary, "PERSON"],
      [ordinary, "SHARED"],
      [partner, "PERSON"],
      [person, "PARTNER"],
    ] as const) {
      expect(await listCounselingThread({ userId: caller.id, referralId, thread })).toBeNull();
      expect(
        await addCounselingMessage({ userId: caller.id, ...messageOf(referralId, thread, "x") }),
      ).toEqual({ ok: false, reason: "not_found" });
    }
    expect(await teamStateSnapshot()).toEqual(before);

    // A coordinator may read any referral, but only its owner writes in it.
    const coordinator = await createTeamMember("yan", "coordinator");
    expect(
      await listCounselingThread({ userId: coordinator.id, referralId, thread: "PERSON" }),
    ).toHaveLength(1);
    const snapshot = await teamStateSnapshot();
    expect(
      await addCounselingMessage({
        userId: coordinator.id,
        ...messageOf(referralId, "PERSON", "not mine to write"),
      }),
    ).toEqual({ ok: false, reason: "not_owner" });
    expect(await teamStateSnapshot()).toEqual(snapshot);
  });
});
