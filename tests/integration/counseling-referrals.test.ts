import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { counselingIntakeAddress } from "@/lib/counseling/intake-address";
import {
  getOwnReferral,
  recordSafetyScreen,
  submitCounselingIntake,
} from "@/lib/data/counseling-referrals";
import { acceptPartnerInvitation } from "@/lib/data/invitation-responses";
import { createPartnerInvitation } from "@/lib/data/partner-invitations";
import {
  getPartnerReferral,
  listPartnerReferrals,
  recordPartnerSafetyScreen,
} from "@/lib/data/partner-referrals";
import { openTeamReferral } from "@/lib/data/team-referral";
import { renderQueuedEmail } from "@/tests/support/queued-email";
import { createTeamMember } from "@/tests/support/counseling-team";
import {
  createInviter,
  createPerson,
  intakeOf,
  invite,
  latestToken,
  uniqueAddress,
} from "@/tests/support/counseling";

beforeEach(async () => {
  await db.outboxMessage.deleteMany();
});

const SCREEN_WORDS = /afraid|hurt|threat|forced|control|screen|safety|concern|clear/i;

async function intakeMail() {
  return db.outboxMessage.findMany({
    where: { template: "counseling-intake" },
    select: { to: true, userId: true, data: true },
  });
}

async function referralOf(userId: string): Promise<string> {
  const { id } = await db.counselingReferral.findFirstOrThrow({
    where: { userId },
    select: { id: true },
  });
  return id;
}

function renderIntake(data: unknown) {
  return renderQueuedEmail("counseling-intake", data);
}

describe("the private safety screen", () => {
  it("keeps only the outcome, and the first outcome stands", async () => {
    const person = await createPerson();
    expect(await recordSafetyScreen({ userId: person.id, outcome: "CONCERN" })).toBe("CONCERN");
    expect(await recordSafetyScreen({ userId: person.id, outcome: "CLEAR" })).toBe("CONCERN");
    const row = await db.counselingReferral.findFirstOrThrow({
      where: { userId: person.id },
      select: { screenOutcome: true, intakeSubmittedAt: true },
    });
    expect(row).toEqual({ screenOutcome: "CONCERN", intakeSubmittedAt: null });
  });

  it("after any yes, makes the referral individual whatever the form says, and never lets it invite", async () => {
    const person = await createPerson();
    await recordSafetyScreen({ userId: person.id, outcome: "CONCERN" });
    expect(
      await submitCounselingIntake({
        userId: person.id,
        intake: intakeOf({ format: "COUPLES" }),
      }),
    ).toBe("submitted");
    const referral = await getOwnReferral({ userId: person.id });
    expect(referral).toMatchObject({ format: "INDIVIDUAL", canInvite: false });
    const result = await createPartnerInvitation({
      userId: person.id,
      email: uniqueAddress("partner"),
      inviterName: "Sam",
      message: "",
      requestKey: crypto.randomUUID(),
    });
    expect(result).toEqual({ ok: false, reason: "not_allowed" });
    expect(await db.partnerInvitation.count({ where: { inviterId: person.id } })).toBe(0);
    expect(await db.outboxMessage.count({ where: { template: "partner-invitation" } })).toBe(0);
    // Nothing about the screen reaches the counseling team.
    const [mail] = await intakeMail();
    expect(renderIntake(mail!.data).text).not.toMatch(SCREEN_WORDS);
  });

  it("does not open invitations before the intake is in", async () => {
    const person = await createPerson();
    await recordSafetyScreen({ userId: person.id, outcome: "CLEAR" });
    expect(await getOwnReferral({ userId: person.id })).toMatchObject({ canInvite: false });
  });
});

describe("the intake", () => {
  it("queues the team's bland notice and the person's bland receipt in the same transaction; the team reads only what was shared in its inbox", async () => {
    const person = await createPerson();
    await recordSafetyScreen({ userId: person.id, outcome: "CLEAR" });
    await submitCounselingIntake({
      userId: person.id,
      intake: intakeOf({
        focuses: ["INTIMACY"],
        shareFocuses: false,
        note: "Please do not share this note.",
        shareNote: false,
        contactMethod: "PHONE",
        phone: "+1 555 010 9999",
        safeToLeaveMessage: false,
      }),
    });
    const mail = await intakeMail();
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ to: counselingIntakeAddress(), userId: person.id });
    // Nothing personal is even queued: the payload is empty.
    expect(mail[0]!.data).toEqual({});
    const { subject, text } = renderIntake(mail[0]!.data);
    expect(subject).toBe("A new referral is waiting in the Heartwork inbox");
    expect(text).not.toMatch(/555|Weekday|Closeness|Please do not share|phone|message may/i);
    expect(text).not.toContain(person.email);
    expect(text).not.toMatch(SCREEN_WORDS);

    const receipts = await db.outboxMessage.findMany({
      where: { template: "counseling-request-received", userId: person.id },
      select: { to: true, data: true },
    });
    expect(receipts).toHaveLength(1);
    expect(receipts[0]!.to).toBe(person.email);
    const receipt = renderQueuedEmail("counseling-request-received", receipts[0]!.data);
    expect(receipt.subject).toBe("We received your request");
    const withoutLinks = receipt.text.replace(/https?:\/\/\S+/g, "");
    expect(withoutLinks).not.toMatch(/counsel|couple|therap|555|Trust/i);

    // The team reads the request in its inbox, and only what the person agreed to share.
    const counselor = await createTeamMember("intake-reader");
    const seen = await openTeamReferral({
      userId: counselor.id,
      referralId: await referralOf(person.id),
    });
    expect(seen).toMatchObject({
      focuses: [],
      note: null,
      preferredTimes: ["WEEKDAY_EVENING"],
      contactMethod: "PHONE",
      phone: "+1 555 010 9999",
      safeToLeaveMessage: false,
    });
  });

  it("shows the team the note and the focuses when the person agreed, and the email contact method", async () => {
    const person = await createPerson();
    await recordSafetyScreen({ userId: person.id, outcome: "CLEAR" });
    await submitCounselingIntake({
      userId: person.id,
      intake: intakeOf({ focuses: ["TRUST"], note: "We want to try.", shareNote: true }),
    });
    const [mail] = await intakeMail();
    expect(renderIntake(mail!.data).text).not.toContain("We want to try.");
    const counselor = await createTeamMember("intake-reader");
    const seen = await openTeamReferral({
      userId: counselor.id,
      referralId: await referralOf(person.id),
    });
    expect(seen).toMatchObject({
      focuses: ["TRUST"],
      note: "We want to try.",
      contactMethod: "EMAIL",
      phone: null,
    });
  });

  it("stores the note and the phone number encrypted", async () => {
    const person = await createPerson();
    await recordSafetyScreen({ userId: person.id, outcome: "CLEAR" });
    await submitCounselingIntake({
      userId: person.id,
      intake: intakeOf({ note: "secret words", contactMethod: "PHONE", phone: "555 123 4567" }),
    });
    const raw = await db.$queryRaw<{ note: string; phone: string }[]>`
      SELECT "note", "phone" FROM "CounselingReferral" WHERE "userId" = ${person.id}`;
    expect(raw[0]!.note).toMatch(/^v1:/);
    expect(raw[0]!.note).not.toContain("secret");
    expect(raw[0]!.phone).toMatch(/^v1:/);
    expect(raw[0]!.phone).not.toContain("555");
  });

  it("changes nothing and queues nothing on a second submission", async () => {
    const person = await createPerson();
    await recordSafetyScreen({ userId: person.id, outcome: "CLEAR" });
    expect(await submitCounselingIntake({ userId: person.id, intake: intakeOf() })).toBe(
      "submitted",
    );
    expect(
      await submitCounselingIntake({
        userId: person.id,
        intake: intakeOf({ format: "INDIVIDUAL" }),
      }),
    ).toBe("already_submitted");
    expect(await intakeMail()).toHaveLength(1);
    expect(await getOwnReferral({ userId: person.id })).toMatchObject({ format: "COUPLES" });
  });

  it("needs the screen first", async () => {
    const person = await createPerson();
    expect(await submitCounselingIntake({ userId: person.id, intake: intakeOf() })).toBe(
      "no_referral",
    );
    expect(await intakeMail()).toHaveLength(0);
  });
});

describe("the partner's own screen", () => {
  async function linkedCouple() {
    const inviter = await createInviter();
    const partner = await createPerson("partner");
    const { invitationId } = await invite(inviter, partner.email);
    const accepted = await acceptPartnerInvitation({
      token: await latestToken(invitationId),
      userId: partner.id,
      email: partner.email,
    });
    if (!accepted.ok) throw new Error("not accepted");
    await db.outboxMessage.deleteMany();
    return { inviter, partner, referralId: accepted.referralId };
  }

  it("is asked after accepting; a clear one tells the counseling team only that a referral changed", async () => {
    const { partner, referralId } = await linkedCouple();
    expect(await listPartnerReferrals({ userId: partner.id })).toEqual([
      expect.objectContaining({ id: referralId, screenOutcome: null }),
    ]);
    expect(
      await recordPartnerSafetyScreen({ userId: partner.id, referralId, outcome: "CLEAR" }),
    ).toBe("CLEAR");
    const mail = await db.outboxMessage.findMany({
      where: { template: "counseling-partner-joined" },
      select: { to: true, data: true },
    });
    expect(mail).toHaveLength(1);
    expect(mail[0]!.to).toBe(counselingIntakeAddress());
    // Nothing queued but the notice itself: no address, sealed or not, no reference.
    expect(mail[0]!.data).toEqual({});
    const { subject, text, html } = renderQueuedEmail("counseling-partner-joined", mail[0]!.data);
    expect(subject).toBe("A referral in the Heartwork inbox was updated");
    for (const body of [subject, text, html]) {
      expect(body).not.toContain(partner.email);
      expect(body).not.toContain(referralId);
      expect(body).not.toMatch(/@/);
    }
    // The first answer stands.
    expect(
      await recordPartnerSafetyScreen({ userId: partner.id, referralId, outcome: "CONCERN" }),
    ).toBe("CLEAR");
  });

  it("with any yes, tells nobody, and the inviter's view is exactly what it would have been", async () => {
    const clear = await linkedCouple();
    const concern = await linkedCouple();
    await recordPartnerSafetyScreen({
      userId: clear.partner.id,
      referralId: clear.referralId,
      outcome: "CLEAR",
    });
    await db.outboxMessage.deleteMany();
    expect(
      await recordPartnerSafetyScreen({
        userId: concern.partner.id,
        referralId: concern.referralId,
        outcome: "CONCERN",
      }),
    ).toBe("CONCERN");
    expect(await db.outboxMessage.count()).toBe(0);

    const seenByClearInviter = await getOwnReferral({ userId: clear.inviter.id });
    const seenByConcernInviter = await getOwnReferral({ userId: concern.inviter.id });
    const shape = (r: typeof seenByClearInviter) => ({
      ...r,
      intakeSubmittedAt: r?.intakeSubmittedAt ? "set" : null,
      partnerLinkedAt: r?.partnerLinkedAt ? "set" : null,
    });
    expect(shape(seenByConcernInviter)).toEqual(shape(seenByClearInviter));
    expect(Object.keys(seenByConcernInviter!).sort()).toEqual([
      "canInvite",
      "closed",
      "format",
      "intakeSubmittedAt",
      "partnerLinkedAt",
      "screenOutcome",
    ]);
    // The partner sees their own outcome, and nothing of the inviter's.
    const partnerView = await getPartnerReferral({
      userId: concern.partner.id,
      referralId: concern.referralId,
    });
    expect(partnerView).toEqual({
      id: concern.referralId,
      inviterName: concern.inviter.name,
      linkedAt: expect.any(Date),
      screenOutcome: "CONCERN",
    });
  });
});
