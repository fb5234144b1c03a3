import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { deleteAccount } from "@/lib/data/delete-account";
import { getOwnReferral } from "@/lib/data/counseling-referrals";
import {
  acceptPartnerInvitation,
  getInvitationForRecipient,
} from "@/lib/data/invitation-responses";
import {
  listPartnerInvitations,
  resendPartnerInvitation,
  revokePartnerInvitation,
} from "@/lib/data/partner-invitations";
import {
  getPartnerReferral,
  listPartnerReferrals,
  recordPartnerSafetyScreen,
} from "@/lib/data/partner-referrals";
import {
  createInviter,
  createPerson,
  invitationMail,
  invite,
  latestToken,
  uniqueAddress,
} from "@/tests/support/counseling";

// Access control (SECURITY.md 8): another person, and the inviter's own
// partner, calling every counseling data function with someone else's ids get
// "not found", and the owner's rows do not change. And deletion: either side
// of a couple leaving removes their side only.

async function snapshot(userId: string) {
  return {
    referral: await db.counselingReferral.findFirst({ where: { userId } }),
    invitations: await db.partnerInvitation.findMany({
      where: { inviterId: userId },
      orderBy: { id: "asc" },
    }),
  };
}

async function coupleWithOpenInvitation() {
  const a = await createInviter("a");
  const partner = await createPerson("partner");
  const first = await invite(a, uniqueAddress("typo"));
  await revokePartnerInvitation({ userId: a.id, invitationId: first.invitationId });
  const second = await invite(a, partner.email);
  const token = await latestToken(second.invitationId);
  const accepted = await acceptPartnerInvitation({
    token,
    userId: partner.id,
    email: partner.email,
  });
  if (!accepted.ok) throw new Error("not accepted");
  // One more open invitation row for A, to have something B could try to touch.
  await db.partnerInvitation.create({
    data: {
      id: `open-${crypto.randomUUID()}`,
      referralId: accepted.referralId,
      inviterId: a.id,
      tokenHash: `hash-${crypto.randomUUID()}`,
      recipientHmac: "x",
      recipientCanonicalHmac: "x",
      inviterName: "A",
      expiresAt: new Date(Date.now() + 60_000),
      requestKey: crypto.randomUUID(),
    },
  });
  return { a, partner, referralId: accepted.referralId, token };
}

describe("counseling access control", () => {
  it("gives another person nothing of someone's referral or invitations, and changes nothing", async () => {
    const { a, referralId, token } = await coupleWithOpenInvitation();
    const b = await createInviter("b");
    const before = await snapshot(a.id);
    const ids = before.invitations.map((i) => i.id);

    for (const invitationId of ids) {
      expect(await resendPartnerInvitation({ userId: b.id, invitationId })).toBe("not_pending");
      expect(await revokePartnerInvitation({ userId: b.id, invitationId })).toBe(false);
    }
    expect((await listPartnerInvitations({ userId: b.id })).map((i) => i.id)).not.toEqual(
      expect.arrayContaining(ids.slice(0, 1)),
    );
    expect(await getPartnerReferral({ userId: b.id, referralId })).toBeNull();
    expect(await listPartnerReferrals({ userId: b.id })).toEqual([]);
    expect(
      await recordPartnerSafetyScreen({ userId: b.id, referralId, outcome: "CLEAR" }),
    ).toBeNull();
    expect(await acceptPartnerInvitation({ token, userId: b.id, email: b.email })).toEqual({
      ok: false,
      reason: "unavailable",
    });
    expect(await getInvitationForRecipient({ token, viewer: b })).toEqual({
      state: "unavailable",
    });
    expect(await snapshot(a.id)).toEqual(before);
  });

  it("gives the inviter's partner only who invited them, never the inviter's intake or invitations", async () => {
    const { a, partner, referralId } = await coupleWithOpenInvitation();
    const before = await snapshot(a.id);
    const view = await getPartnerReferral({ userId: partner.id, referralId });
    expect(Object.keys(view!).sort()).toEqual(["id", "inviterName", "linkedAt", "screenOutcome"]);
    expect(await getOwnReferral({ userId: partner.id })).toBeNull();
    expect(await listPartnerInvitations({ userId: partner.id })).toEqual([]);
    for (const { id } of before.invitations) {
      expect(await revokePartnerInvitation({ userId: partner.id, invitationId: id })).toBe(false);
      expect(await resendPartnerInvitation({ userId: partner.id, invitationId: id })).toBe(
        "not_pending",
      );
    }
    expect(await snapshot(a.id)).toEqual(before);
  });
});

describe("deleting an account on either side of a couple", () => {
  it("removes the inviter's referral and invitations; the partner keeps their account and loses the link", async () => {
    const { a, partner } = await coupleWithOpenInvitation();
    await recordPartnerSafetyScreen({
      userId: partner.id,
      referralId: (await listPartnerReferrals({ userId: partner.id }))[0]!.id,
      outcome: "CLEAR",
    });
    expect(await deleteAccount({ userId: a.id })).toBe(true);
    expect(await db.counselingReferral.count({ where: { userId: a.id } })).toBe(0);
    expect(await db.partnerInvitation.count({ where: { inviterId: a.id } })).toBe(0);
    expect(await db.outboxMessage.count({ where: { userId: a.id } })).toBe(0);
    expect(await listPartnerReferrals({ userId: partner.id })).toEqual([]);
    expect(await db.user.count({ where: { id: partner.id } })).toBe(1);
    // The partner's own mail to the counseling team is theirs, and stays.
    expect(
      await db.outboxMessage.count({
        where: { userId: partner.id, template: "counseling-partner-joined" },
      }),
    ).toBe(1);
  });

  it("unlinks the partner, never deleting the inviter's data", async () => {
    const { a, partner, referralId } = await coupleWithOpenInvitation();
    await recordPartnerSafetyScreen({ userId: partner.id, referralId, outcome: "CONCERN" });
    const before = await snapshot(a.id);
    expect(await deleteAccount({ userId: partner.id })).toBe(true);
    const after = await snapshot(a.id);
    expect(after.invitations).toEqual(before.invitations);
    expect(after.referral).toMatchObject({
      id: before.referral!.id,
      intakeSubmittedAt: before.referral!.intakeSubmittedAt,
      partnerId: null,
      partnerLinkedAt: null,
      partnerScreenOutcome: null,
      partnerScreenedAt: null,
    });
    expect(await getOwnReferral({ userId: a.id })).toMatchObject({ partnerLinkedAt: null });
  });

  it("forgets the address of an invitation still waiting for a person who deletes their account", async () => {
    const inviter = await createInviter();
    const invited = await createPerson("invited");
    const { invitationId } = await invite(inviter, invited.email);
    expect(await deleteAccount({ userId: invited.id })).toBe(true);
    const row = await db.partnerInvitation.findUniqueOrThrow({
      where: { id: invitationId },
      select: { status: true, recipientEmail: true },
    });
    // Still "pending" for the inviter, who learns nothing, but never sent again.
    expect(row).toEqual({ status: "pending", recipientEmail: null });
    expect(await invitationMail(invitationId)).toEqual([]);
    expect(await resendPartnerInvitation({ userId: inviter.id, invitationId })).toBe("resent");
    // The resend writes its outbox row as for anyone (same statements, same
    // timing), but already skipped and empty: nothing to send, no address.
    expect(
      (await invitationMail(invitationId)).map(({ to, data, status }) => ({ to, data, status })),
    ).toEqual([{ to: "", data: {}, status: "skipped" }]);
  });
});
