import { describe, expect, it } from "vitest";
import { exportCounselingData } from "@/lib/data/counseling-export";
import { recordSafetyScreen, submitCounselingIntake } from "@/lib/data/counseling-referrals";
import { acceptPartnerInvitation, declinePartnerInvitation } from "@/lib/data/invitation-responses";
import {
  createInviter,
  createPerson,
  intakeOf,
  invite,
  latestToken,
  uniqueAddress,
} from "@/tests/support/counseling";
import { addCounselingMessage } from "@/lib/data/counseling-messages";
import { claimReferral, closeReferral } from "@/lib/data/referral-ownership";
import { openTeamReferral } from "@/lib/data/team-referral";
import {
  cancelSession,
  markSessionOutcome,
  offerSessionTimes,
  takeOfferedTime,
} from "@/lib/data/session-booking";
import { db } from "@/lib/db";
import {
  createCouplesReferral,
  createSubmittedReferral,
  createTeamMember,
  messageOf,
} from "@/tests/support/counseling-team";

// The counseling part of a person's export: their referral and the invitations
// they sent, decrypted; nothing of anyone else's (SECURITY.md promise 24).

describe(exportCounselingData, () => {
  it("gives the person their intake and their invitations with the answers, and nothing of another person's", async () => {
    const ana = await createPerson("ana");
    await recordSafetyScreen({ userId: ana.id, outcome: "CLEAR" });
    await submitCounselingIntake({
      userId: ana.id,
      intake: intakeOf({
        note: "Ana's private intake words",
        contactMethod: "PHONE",
        phone: "+1 555 765 4321",
      }),
    });
    const declined = await invite(ana, uniqueAddress("first"), { message: "Ana asks, once" });
    await declinePartnerInvitation({
      token: await latestToken(declined.invitationId),
      note: "Not now, Ana",
    });
    await invite(ana, uniqueAddress("second"), { message: "Ana asks again" });

    const other = await createInviter("other");
    await invite(other, uniqueAddress("theirs"), { message: "Someone else's words" });

    const data = await exportCounselingData({ userId: ana.id });
    expect(data.referral).toMatchObject({
      screenOutcome: "CLEAR",
      format: "COUPLES",
      note: "Ana's private intake words",
      phone: "+1 555 765 4321",
      contactMethod: "PHONE",
      partnerLinkedAt: null,
    });
    expect(data.invitations).toMatchObject([
      // A finished invitation keeps no message (erased on decline); the answer stays.
      { status: "declined", message: null, declineNote: "Not now, Ana" },
      { status: "pending", message: "Ana asks again", declineNote: null },
    ]);
    const text = JSON.stringify(data);
    expect(text).not.toContain("Someone else's words");
    expect(text).not.toContain(other.id);
    expect(text).not.toMatch(
      /"id"|userId|inviterId|tokenHash|recipientHmac|recipientCanonicalHmac|recipientEmail/,
    );
  });

  it("keeps a partner's side out of the inviter's export, and the inviter's referral out of the partner's", async () => {
    const inviter = await createInviter("inviter");
    const partner = await createPerson("partner");
    const { invitationId } = await invite(inviter, partner.email);
    expect(
      await acceptPartnerInvitation({
        token: await latestToken(invitationId),
        userId: partner.id,
        email: partner.email,
      }),
    ).toMatchObject({ ok: true });

    const inviters = await exportCounselingData({ userId: inviter.id });
    expect(inviters.referral?.partnerLinkedAt).not.toBeNull();
    expect(JSON.stringify(inviters)).not.toContain(partner.id);
    expect(JSON.stringify(inviters)).not.toContain(partner.email);

    const partners = await exportCounselingData({ userId: partner.id });
    expect(partners).toEqual({
      referral: null,
      earlierReferrals: [],
      invitations: [],
      messages: [],
      openedBy: [],
      team: null,
    });
  });

  it("gives each partner their threads with the counselor's words and their own, never the other partner's, plus who opened the file", async () => {
    const counselor = await createTeamMember("ivy");
    const { person, partner, referralId } = await createCouplesReferral("exported");
    await claimReferral({ userId: counselor.id, referralId });
    await openTeamReferral({ userId: counselor.id, referralId });
    const post = (userId: string, thread: "PERSON" | "PARTNER" | "SHARED", text: string) =>
      addCounselingMessage({ userId, ...messageOf(referralId, thread, text) });
    await post(person.id, "PERSON", "person private");
    await post(counselor.id, "PERSON", "counselor to person");
    await post(partner.id, "PARTNER", "partner private");
    await post(counselor.id, "SHARED", "counselor to both");
    await post(partner.id, "SHARED", "partner in shared");
    await post(person.id, "SHARED", "person in shared");
    await closeReferral({
      userId: counselor.id,
      referralId,
      outcome: "REFERRED_ELSEWHERE",
      resources: "a list of clinics",
    });

    const persons = await exportCounselingData({ userId: person.id });
    expect(persons.referral).toMatchObject({
      state: "CLOSED",
      closeOutcome: "REFERRED_ELSEWHERE",
      closeResources: "a list of clinics",
    });
    expect(persons.messages.map((m) => `${m.thread}/${m.from}: ${m.text}`)).toEqual([
      "PERSON/you: person private",
      "PERSON/counseling team: counselor to person",
      "SHARED/counseling team: counselor to both",
      "SHARED/you: person in shared",
    ]);
    expect(persons.openedBy).toEqual([{ name: "Ivy", openedAt: expect.any(String) }]);

    const partners = await exportCounselingData({ userId: partner.id });
    expect(partners.messages.map((m) => `${m.referral}/${m.thread}/${m.from}: ${m.text}`)).toEqual([
      "joined as partner/PARTNER/you: partner private",
      "joined as partner/SHARED/counseling team: counselor to both",
      "joined as partner/SHARED/you: partner in shared",
    ]);
    expect(JSON.stringify(partners)).not.toContain(person.id);

    const counselors = await exportCounselingData({ userId: counselor.id });
    expect(counselors.messages).toEqual([]);
    expect(counselors.team).toMatchObject({
      role: "counselor",
      displayName: "Ivy",
      roleChanges: [{ action: "added", role: "counselor", by: "test-operator" }],
    });
  });

  it("holds the first session: its time, length, kind and state, the join detail only while booked", async () => {
    const counselor = await createTeamMember("export-counselor");
    const { person, referralId } = await createSubmittedReferral("export-session");
    await claimReferral({ userId: counselor.id, referralId });
    expect((await exportCounselingData({ userId: person.id })).referral?.firstSession).toBeNull();

    const day = 86_400_000;
    const starts = [2, 3].map(
      (d) => new Date(Math.floor((Date.now() + d * day) / 60_000) * 60_000),
    );
    await offerSessionTimes({
      userId: counselor.id,
      referralId,
      timeZone: "Europe/Berlin",
      joinKind: "phone",
      joinDetail: "+49 30 1234567",
      times: starts.map((startsAt) => ({ startsAt, lengthMinutes: 45 })),
    });
    const offers = await db.offeredTime.findMany({
      where: { referralId },
      orderBy: { startsAt: "asc" },
      select: { id: true },
    });
    // A first booking, cancelled, is left out; the live one is exported.
    const first = await takeOfferedTime({ userId: person.id, offeredTimeId: offers[0]!.id });
    await cancelSession({
      userId: person.id,
      sessionId: (first as { sessionId: string }).sessionId,
      as: "people",
    });
    const taken = await takeOfferedTime({ userId: person.id, offeredTimeId: offers[1]!.id });
    expect(taken.ok).toBe(true);

    const booked = (await exportCounselingData({ userId: person.id })).referral?.firstSession;
    expect(booked).toEqual({
      startsAt: starts[1]!.toISOString(),
      lengthMinutes: 45,
      joinKind: "phone",
      joinDetail: "+49 30 1234567",
      state: "booked",
      bookedAt: expect.any(String),
      markedAt: null,
    });

    await markSessionOutcome({
      userId: counselor.id,
      sessionId: (taken as { sessionId: string }).sessionId,
      outcome: "missed",
      now: new Date(starts[1]!.getTime() + 2 * 3_600_000),
    });
    const missed = (await exportCounselingData({ userId: person.id })).referral?.firstSession;
    expect(missed).toMatchObject({
      startsAt: starts[1]!.toISOString(),
      lengthMinutes: 45,
      joinKind: "phone",
      joinDetail: null,
      state: "missed",
      markedAt: expect.any(String),
    });
    // Booked again after the missed one: the new booking is the first session, and the
    // missed one stays in the export.
    const later = new Date(Math.floor((Date.now() + 5 * day) / 60_000) * 60_000);
    await offerSessionTimes({
      userId: counselor.id,
      referralId,
      timeZone: "Europe/Berlin",
      joinKind: "phone",
      joinDetail: "+49 30 7654321",
      times: [later, new Date(later.getTime() + day)].map((startsAt) => ({
        startsAt,
        lengthMinutes: 45,
      })),
    });
    const newOffer = await db.offeredTime.findFirstOrThrow({
      where: { referralId, startsAt: later },
      select: { id: true },
    });
    expect((await takeOfferedTime({ userId: person.id, offeredTimeId: newOffer.id })).ok).toBe(
      true,
    );
    const again = (await exportCounselingData({ userId: person.id })).referral;
    expect(again?.firstSession).toMatchObject({
      startsAt: later.toISOString(),
      joinDetail: "+49 30 7654321",
      state: "booked",
    });
    expect(again?.earlierMissedSessions).toEqual([missed]);
    // The counselor's own export holds no one's session.
    expect((await exportCounselingData({ userId: counselor.id })).referral).toBeNull();
  });
});
