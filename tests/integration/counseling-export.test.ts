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
  createCouplesReferral,
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
});
