import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  getOwnReferral,
  recordSafetyScreen,
  submitCounselingIntake,
} from "@/lib/data/counseling-referrals";
import { addCounselingMessage, readPeopleThreads } from "@/lib/data/counseling-messages";
import { listReferralAccessLog } from "@/lib/data/referral-access-log";
import { claimReferral, closeReferral } from "@/lib/data/referral-ownership";
import {
  changeReferralContact,
  getJoinedReferralSteps,
  getOwnReferralProgress,
  listEarlierReferrals,
  withdrawReferral,
  type ReferralContactChange,
} from "@/lib/data/referral-progress";
import { openTeamReferral } from "@/lib/data/team-referral";
import { createPerson, intakeOf, invite, uniqueAddress } from "@/tests/support/counseling";
import {
  createCouplesReferral,
  createSubmittedReferral,
  createTeamMember,
  messageOf,
} from "@/tests/support/counseling-team";

// The person's side of a sent request (issue 14, item 5) on a real database:
// the steps, changing the contact details, withdrawing, and "who opened my
// file", each scoped to the caller's own referral (or the one they joined).

const byPhone: ReferralContactChange = {
  contactMethod: "PHONE",
  phone: "+1 555 010 2222",
  safeToLeaveMessage: true,
  preferredTimes: ["WEEKEND", "WEEKDAY_MORNING"],
};

async function rawReferral(referralId: string) {
  const [row] = await db.$queryRaw<
    { state: string; closeOutcome: string | null; phone: string | null; contactMethod: string }[]
  >`SELECT "state", "closeOutcome", "phone", "contactMethod" FROM "CounselingReferral" WHERE "id" = ${referralId}`;
  return row!;
}

describe("the person's timeline", () => {
  it("goes from sent, to reviewing with the counselor's first name, to messages, to closed with the outcome and resources", async () => {
    const { person, referralId } = await createSubmittedReferral("timeline");
    const sent = await getOwnReferralProgress({ userId: person.id });
    expect(sent).toMatchObject({
      id: referralId,
      counselorName: null,
      hasMessages: false,
      closedAt: null,
      outcome: null,
      resources: null,
      contactMethod: "EMAIL",
      phone: "",
      preferredTimes: ["WEEKDAY_EVENING"],
    });
    expect(sent!.sentAt).toBeInstanceOf(Date);

    const counselor = await createTeamMember("dana");
    expect(await claimReferral({ userId: counselor.id, referralId })).toEqual({ ok: true });
    expect(await getOwnReferralProgress({ userId: person.id })).toMatchObject({
      counselorName: "Dana",
      hasMessages: false,
    });

    const posted = await addCounselingMessage({
      userId: counselor.id,
      ...messageOf(referralId, "PERSON", "Hello, when suits you?"),
    });
    expect(posted.ok).toBe(true);
    expect(await getOwnReferralProgress({ userId: person.id })).toMatchObject({
      hasMessages: true,
    });

    expect(
      await closeReferral({
        userId: counselor.id,
        referralId,
        outcome: "REFERRED_ELSEWHERE",
        resources: "A local service: 555 0199",
      }),
    ).toEqual({ ok: true });
    const closed = await getOwnReferralProgress({ userId: person.id });
    expect(closed).toMatchObject({
      counselorName: "Dana",
      outcome: "REFERRED_ELSEWHERE",
      resources: "A local service: 555 0199",
    });
    expect(closed!.closedAt).toBeInstanceOf(Date);
  });

  it("is null for someone whose request is not sent", async () => {
    const person = await createPerson("unsent");
    expect(await getOwnReferralProgress({ userId: person.id })).toBeNull();
  });
});

describe("changing contact details", () => {
  it("changes only the caller's own open request, stores the number encrypted, and the team sees the change", async () => {
    const { person, referralId } = await createSubmittedReferral("changer");
    const other = await createSubmittedReferral("bystander");
    expect(await changeReferralContact({ userId: person.id, change: { ...byPhone } })).toBe(
      "changed",
    );
    expect(await getOwnReferralProgress({ userId: person.id })).toMatchObject({
      contactMethod: "PHONE",
      phone: "+1 555 010 2222",
      safeToLeaveMessage: true,
      preferredTimes: ["WEEKEND", "WEEKDAY_MORNING"],
    });
    const raw = await rawReferral(referralId);
    expect(raw.phone).toMatch(/^v1:/);
    expect(raw.phone).not.toContain("555");
    expect((await rawReferral(other.referralId)).contactMethod).toBe("EMAIL");

    const counselor = await createTeamMember("reader");
    expect(await openTeamReferral({ userId: counselor.id, referralId })).toMatchObject({
      contactMethod: "PHONE",
      phone: "+1 555 010 2222",
      safeToLeaveMessage: true,
    });

    // Back to email: the number goes, and "may leave a message" cannot stay on.
    expect(
      await changeReferralContact({
        userId: person.id,
        change: {
          contactMethod: "EMAIL",
          phone: "",
          safeToLeaveMessage: true,
          preferredTimes: ["WEEKEND"],
        },
      }),
    ).toBe("changed");
    const [row] = await db.$queryRaw<{ phone: string | null; safeToLeaveMessage: boolean }[]>`
      SELECT "phone", "safeToLeaveMessage" FROM "CounselingReferral" WHERE "id" = ${referralId}`;
    expect(row).toEqual({ phone: null, safeToLeaveMessage: false });
  });

  it("refuses a contact and a number that disagree (issue 12), changing nothing", async () => {
    const { person, referralId } = await createSubmittedReferral("mismatch");
    for (const change of [
      { ...byPhone, contactMethod: "EMAIL" as const },
      { ...byPhone, phone: " " },
    ]) {
      await expect(changeReferralContact({ userId: person.id, change })).rejects.toThrow(
        /contact method and phone number disagree/,
      );
    }
    expect((await rawReferral(referralId)).contactMethod).toBe("EMAIL");
  });

  it("says 'closed' after the request is closed and changes nothing; 'not_found' without a sent request", async () => {
    const { person, referralId } = await createSubmittedReferral("late");
    const counselor = await createTeamMember("closer");
    await claimReferral({ userId: counselor.id, referralId });
    await closeReferral({ userId: counselor.id, referralId, outcome: "COUNSELING_STARTED" });
    expect(await changeReferralContact({ userId: person.id, change: { ...byPhone } })).toBe(
      "closed",
    );
    expect(await rawReferral(referralId)).toMatchObject({ contactMethod: "EMAIL", phone: null });

    const nobody = await createPerson("nobody");
    expect(await changeReferralContact({ userId: nobody.id, change: { ...byPhone } })).toBe(
      "not_found",
    );
  });
});

describe("withdrawing", () => {
  it("closes the caller's own open request as WITHDRAWN, revokes the open invitation, and closes the invitation path", async () => {
    const { person, referralId } = await createSubmittedReferral("withdrawer", {
      format: "COUPLES",
    });
    const { invitationId } = await invite(person, uniqueAddress("invitee"));
    const bystander = await createSubmittedReferral("still-open");

    expect(await withdrawReferral({ userId: person.id })).toBe("changed");
    expect(await rawReferral(referralId)).toMatchObject({
      state: "CLOSED",
      closeOutcome: "WITHDRAWN",
    });
    const invitation = await db.partnerInvitation.findUniqueOrThrow({
      where: { id: invitationId },
      select: { status: true, recipientEmail: true },
    });
    expect(invitation).toEqual({ status: "revoked", recipientEmail: null });
    expect(await getOwnReferral({ userId: person.id })).toMatchObject({
      closed: true,
      canInvite: false,
    });
    expect(await getOwnReferralProgress({ userId: person.id })).toMatchObject({
      outcome: "WITHDRAWN",
      counselorName: null,
    });
    expect((await rawReferral(bystander.referralId)).state).toBe("NEW");

    // Once closed, it stays as it is.
    expect(await withdrawReferral({ userId: person.id })).toBe("closed");
    const nobody = await createPerson("nobody");
    expect(await withdrawReferral({ userId: nobody.id })).toBe("not_found");
  });

  it("cannot withdraw a request the team already closed: the team's outcome stands", async () => {
    const { person, referralId } = await createSubmittedReferral("team-closed");
    const counselor = await createTeamMember("closer");
    await claimReferral({ userId: counselor.id, referralId });
    await closeReferral({ userId: counselor.id, referralId, outcome: "NO_RESPONSE" });
    expect(await withdrawReferral({ userId: person.id })).toBe("closed");
    expect((await rawReferral(referralId)).closeOutcome).toBe("NO_RESPONSE");
  });

  it("takes a claimed request out of the counselor's hands: they can no longer close it", async () => {
    const { person, referralId } = await createSubmittedReferral("claimed-withdraw");
    const counselor = await createTeamMember("holder");
    await claimReferral({ userId: counselor.id, referralId });
    expect(await withdrawReferral({ userId: person.id })).toBe("changed");
    expect(
      await closeReferral({ userId: counselor.id, referralId, outcome: "COUNSELING_STARTED" }),
    ).toEqual({ ok: false, reason: "closed" });
    expect(await getOwnReferralProgress({ userId: person.id })).toMatchObject({
      outcome: "WITHDRAWN",
      counselorName: "Holder",
    });
  });
});

describe("who opened my file", () => {
  it("shows each person only their own referral's openings; the joined partner sees the referral they joined", async () => {
    const couple = await createCouplesReferral("opened");
    const other = await createSubmittedReferral("other");
    const counselor = await createTeamMember("ines");
    await openTeamReferral({ userId: counselor.id, referralId: couple.referralId });
    await openTeamReferral({ userId: counselor.id, referralId: couple.referralId });
    await openTeamReferral({ userId: counselor.id, referralId: other.referralId });

    const own = await listReferralAccessLog({ userId: couple.person.id });
    expect(own.map((o) => o.name)).toEqual(["Ines", "Ines"]);
    expect(await listReferralAccessLog({ userId: other.person.id })).toHaveLength(1);

    // The partner who joined (with a clear screen) sees the same list, by the referral's id.
    expect(
      await listReferralAccessLog({ userId: couple.partner.id, referralId: couple.referralId }),
    ).toHaveLength(2);
    // Nobody else gets anything by naming the id: not the other person, not a stranger.
    expect(
      await listReferralAccessLog({ userId: other.person.id, referralId: couple.referralId }),
    ).toEqual([]);
    const stranger = await createPerson("stranger");
    expect(
      await listReferralAccessLog({ userId: stranger.id, referralId: couple.referralId }),
    ).toEqual([]);
    expect(await listReferralAccessLog({ userId: stranger.id })).toEqual([]);
  });

  it("shows nothing to a partner whose own screen raised a concern", async () => {
    const couple = await createCouplesReferral("concern", "CONCERN");
    const counselor = await createTeamMember("reader");
    await openTeamReferral({ userId: counselor.id, referralId: couple.referralId });
    expect(
      await listReferralAccessLog({ userId: couple.partner.id, referralId: couple.referralId }),
    ).toEqual([]);
    expect(
      await getJoinedReferralSteps({ userId: couple.partner.id, referralId: couple.referralId }),
    ).toBeNull();
  });
});

describe("the joined partner's steps", () => {
  it("shows the counselor and that it closed, never the outcome or the resources", async () => {
    const couple = await createCouplesReferral("steps");
    const counselor = await createTeamMember("lee");
    await claimReferral({ userId: counselor.id, referralId: couple.referralId });
    await closeReferral({
      userId: counselor.id,
      referralId: couple.referralId,
      outcome: "REFERRED_ELSEWHERE",
      resources: "Only for the person who asked",
    });
    const steps = await getJoinedReferralSteps({
      userId: couple.partner.id,
      referralId: couple.referralId,
    });
    expect(steps).toMatchObject({ counselorName: "Lee", format: "COUPLES" });
    expect(steps!.closedAt).toBeInstanceOf(Date);
    expect(JSON.stringify(steps)).not.toMatch(/REFERRED|Only for the person/);
    // The person who asked is not "the partner" of their own referral.
    expect(
      await getJoinedReferralSteps({ userId: couple.person.id, referralId: couple.referralId }),
    ).toBeNull();
  });
});

describe("asking again after a closed request", () => {
  async function referralsOf(userId: string) {
    return db.counselingReferral.findMany({
      where: { userId },
      orderBy: { createdAt: "asc" },
      select: { id: true, state: true, closeOutcome: true, screenOutcome: true },
    });
  }

  it("after withdrawing, a new screen and intake make a new request; the withdrawn one stays as history", async () => {
    const { person, referralId: first } = await createSubmittedReferral("again", {
      format: "INDIVIDUAL",
    });
    const counselor = await createTeamMember("again-counselor");
    await claimReferral({ userId: counselor.id, referralId: first });
    await openTeamReferral({ userId: counselor.id, referralId: first });
    await addCounselingMessage({
      userId: counselor.id,
      as: "team",
      ...messageOf(first, "PERSON", "Hello from the team"),
    });
    // While the request is open, answering the screen again changes nothing.
    expect(await recordSafetyScreen({ userId: person.id, outcome: "CONCERN" })).toBe("CLEAR");
    expect(await referralsOf(person.id)).toHaveLength(1);
    expect(await withdrawReferral({ userId: person.id })).toBe("changed");

    // Closed: the screen starts a new request, still a draft until the intake is sent.
    expect(await recordSafetyScreen({ userId: person.id, outcome: "CLEAR" })).toBe("CLEAR");
    const rows = await referralsOf(person.id);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ id: first, state: "CLOSED", closeOutcome: "WITHDRAWN" });
    expect(rows[1]).toMatchObject({ state: "NEW" });
    expect(await getOwnReferral({ userId: person.id })).toMatchObject({
      closed: false,
      intakeSubmittedAt: null,
    });
    expect(await getOwnReferralProgress({ userId: person.id })).toBeNull();

    expect(
      await submitCounselingIntake({ userId: person.id, intake: intakeOf({ format: "COUPLES" }) }),
    ).toBe("submitted");
    expect(await getOwnReferralProgress({ userId: person.id })).toMatchObject({
      id: rows[1]!.id,
      format: "COUPLES",
      outcome: null,
      counselorName: null,
    });
    expect(await getOwnReferral({ userId: person.id })).toMatchObject({ canInvite: true });
    expect(await listEarlierReferrals({ userId: person.id })).toEqual([
      expect.objectContaining({ id: first, outcome: "WITHDRAWN" }),
    ]);
    // The old file keeps its thread and who opened it; the new one starts empty.
    expect(await db.counselingMessage.count({ where: { referralId: first } })).toBe(1);
    expect(await listReferralAccessLog({ userId: person.id })).toHaveLength(1);
    const threads = await readPeopleThreads({ userId: person.id });
    expect(threads?.referralId).toBe(rows[1]!.id);
    expect(threads?.threads.flatMap((t) => t.messages)).toEqual([]);

    // Withdrawing now closes the new one only.
    expect(await withdrawReferral({ userId: person.id })).toBe("changed");
    expect((await referralsOf(person.id)).map((r) => r.state)).toEqual(["CLOSED", "CLOSED"]);
  });

  it("after the team closed it, the person may ask again; a 'yes' in an earlier screen carries over", async () => {
    const person = await createPerson("closed-then-again");
    await recordSafetyScreen({ userId: person.id, outcome: "CONCERN" });
    await submitCounselingIntake({ userId: person.id, intake: intakeOf() });
    const [first] = await referralsOf(person.id);
    const counselor = await createTeamMember("closed-counselor");
    await claimReferral({ userId: counselor.id, referralId: first!.id });
    expect(
      await closeReferral({ userId: counselor.id, referralId: first!.id, outcome: "NO_RESPONSE" }),
    ).toEqual({ ok: true });

    // Starting again is not a way round the first answers: the new request is individual.
    expect(await recordSafetyScreen({ userId: person.id, outcome: "CLEAR" })).toBe("CONCERN");
    await submitCounselingIntake({ userId: person.id, intake: intakeOf({ format: "COUPLES" }) });
    const rows = await referralsOf(person.id);
    expect(rows.map((r) => [r.state, r.screenOutcome])).toEqual([
      ["CLOSED", "CONCERN"],
      ["NEW", "CONCERN"],
    ]);
    expect(await getOwnReferralProgress({ userId: person.id })).toMatchObject({
      format: "INDIVIDUAL",
    });
    expect(await listEarlierReferrals({ userId: person.id })).toEqual([
      expect.objectContaining({ id: first!.id, outcome: "NO_RESPONSE" }),
    ]);
  });

  it("keeps one open request per person even when two screens are answered at once", async () => {
    const { person } = await createSubmittedReferral("racing-again");
    await withdrawReferral({ userId: person.id });
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => recordSafetyScreen({ userId: person.id, outcome: "CLEAR" })),
    );
    expect(answers).toEqual(Array(5).fill("CLEAR"));
    expect((await referralsOf(person.id)).map((r) => r.state)).toEqual(["CLOSED", "NEW"]);
    // The database itself refuses a second open one.
    await expect(
      db.counselingReferral.create({
        data: { userId: person.id, screenOutcome: "CLEAR", screenedAt: new Date() },
      }),
    ).rejects.toThrow();
  });
});
