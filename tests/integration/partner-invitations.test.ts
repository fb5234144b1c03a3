import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addressHmac, canonicalAddressHmac, maskAddress } from "@/lib/crypto/address-hmac";
import { hashInvitationToken, INVITATION_TTL_MS } from "@/lib/counseling/invitation-token";
import { claimOutboxMessages, checkOutboxSendGuard } from "@/lib/data/outbox";
import {
  acceptPartnerInvitation,
  declinePartnerInvitation,
  getInvitationForRecipient,
  optOutOfInvitations,
} from "@/lib/data/invitation-responses";
import {
  createPartnerInvitation,
  expirePartnerInvitations,
  listPartnerInvitations,
  resendPartnerInvitation,
  revokePartnerInvitation,
} from "@/lib/data/partner-invitations";
import { getOwnReferral } from "@/lib/data/counseling-referrals";
import { env } from "@/lib/env";
import { outboxSendGuards } from "@/lib/data/outbox-send-guards";
import { INVITATION_SUBJECT } from "@/lib/counseling/invitation-subject";
import { startEmailWorker } from "@/lib/email/worker";
import { startJobRunner } from "@/lib/jobs/runner";
import {
  createInviter,
  createPerson,
  invitationMail,
  invite,
  latestToken,
  renderInvitationMail,
  uniqueAddress,
} from "@/tests/support/counseling";
import { startSmtpCatcher } from "@/tests/support/smtp-catcher";
import { smtpTransportTo } from "@/tests/support/smtp-transport";
import { waitFor } from "@/tests/support/wait-for";
import { withSqlExecutor } from "@/lib/db/connection";
import { saveTrackerSettings } from "@/lib/data/tracker-settings";
import { formatDateTimeIn } from "@/lib/time/format-in-zone";

beforeEach(async () => {
  await db.outboxMessage.deleteMany();
});

const requestKey = () => crypto.randomUUID();

async function invitationRow(id: string) {
  return db.partnerInvitation.findUniqueOrThrow({
    where: { id },
    select: {
      status: true,
      recipientEmail: true,
      recipientHint: true,
      recipientHmac: true,
      message: true,
      tokenHash: true,
      expiresAt: true,
      resendCount: true,
      updatedAt: true,
    },
  });
}

/** Rows of any table whose text mentions `needle`. */
async function tablesMentioning(needle: string): Promise<string[]> {
  return withSqlExecutor(async (sql) => {
    const tables = await sql.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables
        WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
    );
    const hits: string[] = [];
    for (const { table_name } of tables) {
      const [row] = await sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "${table_name}" AS t WHERE position($1 in t::text) > 0`,
        [needle],
      );
      if ((row?.n ?? 0) > 0) hits.push(table_name);
    }
    return hits;
  });
}

describe("creating an invitation", () => {
  it("writes the invitation and its email in one transaction, keeping only the token's SHA-256", async () => {
    const inviter = await createInviter();
    const address = uniqueAddress("partner");
    const { invitationId } = await invite(inviter, address, { message: "I'd love to try this." });

    const mail = await invitationMail(invitationId);
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ to: address, status: "pending" });
    const { token, text, subject } = renderInvitationMail(mail[0]!.data);
    expect(token).toHaveLength(43);

    const row = await invitationRow(invitationId);
    expect(row.tokenHash).toBe(hashInvitationToken(token));
    expect(row.recipientEmail).toBe(address);
    expect(row.recipientHmac).toBe(addressHmac(address));
    expect(row.recipientHint).toBe(maskAddress(address));
    expect(row.message).not.toContain("love"); // ciphertext
    expect(row.expiresAt.getTime() - Date.now()).toBeGreaterThan(INVITATION_TTL_MS - 60_000);
    expect(row.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(INVITATION_TTL_MS);

    // The token exists in clear nowhere in the database (the outbox seals it).
    expect(await tablesMentioning(token)).toEqual([]);
    // The email is built from APP_URL and says nothing but the invitation.
    expect(text).toContain(`${env.APP_URL}/invitations/${token}?choice=accept`);
    expect(text).toContain(`${env.APP_URL}/invitations/${token}?choice=decline`);
    expect(text).toContain(`${env.APP_URL}/invitations/${token}?choice=never`);
    expect(text).toContain(
      `${inviter.name} invited you to start couples counseling together on Heartwork.`,
    );
    expect(text).toContain("first session is free");
    // The subject is fixed: an inviter's chosen words never reach a mailbox list.
    expect(subject).toBe(INVITATION_SUBJECT);
    expect(subject).not.toContain(inviter.name);
    expect(text).not.toMatch(/love|money|argument|afraid|safety|screen|hurt/i);
  });

  it("refuses, with nothing queued, to invite yourself, an address you already invited, or a second address while one invitation is open", async () => {
    const inviter = await createInviter();
    const self = await createPartnerInvitation({
      userId: inviter.id,
      email: inviter.email.toUpperCase(),
      inviterName: "Sam",
      message: "",
      requestKey: requestKey(),
    });
    expect(self).toEqual({ ok: false, reason: "self" });

    const address = uniqueAddress("partner");
    await invite(inviter, address);
    const again = await createPartnerInvitation({
      userId: inviter.id,
      email: ` ${address.toUpperCase()} `,
      inviterName: "Sam",
      message: "",
      requestKey: requestKey(),
    });
    expect(again).toEqual({ ok: false, reason: "pending_same" });
    const other = await createPartnerInvitation({
      userId: inviter.id,
      email: uniqueAddress("other"),
      inviterName: "Sam",
      message: "",
      requestKey: requestKey(),
    });
    expect(other).toEqual({ ok: false, reason: "pending_other" });
    expect(await db.partnerInvitation.count({ where: { inviterId: inviter.id } })).toBe(1);
    expect(await db.outboxMessage.count({ where: { template: "partner-invitation" } })).toBe(1);
  });

  it("creates one invitation when the same form is submitted twice at once", async () => {
    const inviter = await createInviter();
    const key = requestKey();
    const input = {
      userId: inviter.id,
      email: uniqueAddress("partner"),
      inviterName: "Sam",
      message: "",
      requestKey: key,
    };
    const results = await Promise.all([
      createPartnerInvitation(input),
      createPartnerInvitation(input),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(2);
    expect(await db.partnerInvitation.count({ where: { inviterId: inviter.id } })).toBe(1);
    expect(await db.outboxMessage.count({ where: { template: "partner-invitation" } })).toBe(1);
  });

  it("answers the same for addresses with and without an account", async () => {
    const existing = await createPerson("has-account");
    const first = await createInviter();
    const second = await createInviter();
    const known = await createPartnerInvitation({
      userId: first.id,
      email: existing.email,
      inviterName: "Sam",
      message: "",
      requestKey: requestKey(),
    });
    const unknown = await createPartnerInvitation({
      userId: second.id,
      email: uniqueAddress("no-account"),
      inviterName: "Sam",
      message: "",
      requestKey: requestKey(),
    });
    expect(known).toEqual(unknown);
    const [a] = await listPartnerInvitations({ userId: first.id });
    const [b] = await listPartnerInvitations({ userId: second.id });
    expect(Object.keys(a!).sort()).toEqual(Object.keys(b!).sort());
    expect(a!.status).toBe(b!.status);
  });
});

describe("the closing time in the invitation email", () => {
  it("is said in the invitee's own zone when their address has an account that chose one, else in UTC, named either way", async () => {
    const inviter = await createInviter();
    const known = await createPerson("known");
    await saveTrackerSettings({ userId: known.id, timeZone: "Asia/Tokyo", breakupDate: undefined });
    const { invitationId } = await invite(inviter, known.email);
    const [first] = await invitationMail(invitationId);
    const { expiresAt } = await invitationRow(invitationId);
    expect(first!.data).toMatchObject({
      expiresAt: expiresAt.toISOString(),
      timeZone: "Asia/Tokyo",
    });
    expect(renderInvitationMail(first!.data).text).toContain(
      `The invitation is open until ${formatDateTimeIn(expiresAt, "Asia/Tokyo")}.`,
    );
    expect(formatDateTimeIn(expiresAt, "Asia/Tokyo")).toMatch(/\(Asia\/Tokyo time\)$/);

    await revokePartnerInvitation({ userId: inviter.id, invitationId });
    const stranger = uniqueAddress("stranger");
    const second = await invite(inviter, stranger);
    const [mail] = await invitationMail(second.invitationId);
    expect(mail!.data).toMatchObject({ timeZone: "UTC" });
    expect(renderInvitationMail(mail!.data).text).toMatch(
      /The invitation is open until .* \(UTC\)\./,
    );
  });

  it("follows a resend: the new email says the new closing time", async () => {
    const inviter = await createInviter();
    const { invitationId } = await invite(inviter, uniqueAddress("resent"));
    await db.partnerInvitation.update({
      where: { id: invitationId },
      data: { expiresAt: new Date(Date.now() + 60_000) },
    });
    expect(await resendPartnerInvitation({ userId: inviter.id, invitationId })).toBe("resent");
    const mail = await invitationMail(invitationId);
    const { expiresAt } = await invitationRow(invitationId);
    expect(mail.at(-1)!.data).toMatchObject({ expiresAt: expiresAt.toISOString() });
    expect(expiresAt.getTime()).toBeGreaterThan(Date.now() + INVITATION_TTL_MS - 60_000);
  });
});

describe("limits on invitations", () => {
  it("allows a few invitations per inviter per day, then refuses calmly and queues nothing", async () => {
    const inviter = await createInviter();
    for (let i = 0; i < env.INVITE_LIMIT_PER_DAY; i++) {
      const { invitationId } = await invite(inviter, uniqueAddress(`partner${i}`));
      expect(await revokePartnerInvitation({ userId: inviter.id, invitationId })).toBe(true);
    }
    const over = await createPartnerInvitation({
      userId: inviter.id,
      email: uniqueAddress("one-too-many"),
      inviterName: "Sam",
      message: "",
      requestKey: requestKey(),
    });
    expect(over).toEqual({ ok: false, reason: "rate_limited" });
    expect(await db.partnerInvitation.count({ where: { inviterId: inviter.id } })).toBe(
      env.INVITE_LIMIT_PER_DAY,
    );
    expect(await db.outboxMessage.count({ where: { template: "partner-invitation" } })).toBe(0);
  });

  it("allows one inviter a few emails per invitee per week, however the address is spelled, and never lets that change anyone else's answer", async () => {
    expect(env.INVITE_LIMIT_PER_RECIPIENT_WEEK).toBe(1 + env.INVITE_RESEND_LIMIT + 1);
    const name = `popular.${crypto.randomUUID().slice(0, 8)}`;
    const spellings = [`${name}@example.com`, `${name}+again@example.com`];
    const pushy = await createInviter("pushy");
    // One invitation and every resend it allows, then a second invitation: the limit.
    const first = await invite(pushy, spellings[0]!);
    for (let i = 0; i < env.INVITE_RESEND_LIMIT; i++) {
      expect(
        await resendPartnerInvitation({ userId: pushy.id, invitationId: first.invitationId }),
      ).toBe("resent");
    }
    await revokePartnerInvitation({ userId: pushy.id, invitationId: first.invitationId });
    const second = await invite(pushy, spellings[1]!);
    await revokePartnerInvitation({ userId: pushy.id, invitationId: second.invitationId });
    const over = await createPartnerInvitation({
      userId: pushy.id,
      email: spellings[1]!.toUpperCase(),
      inviterName: "Sam",
      message: "",
      requestKey: requestKey(),
    });
    expect(over).toEqual({ ok: false, reason: "rate_limited" });

    // Someone else inviting the same person is answered as if pushy did not exist.
    const other = await createInviter("other");
    const theirs = await createPartnerInvitation({
      userId: other.id,
      email: spellings[0]!,
      inviterName: "Alex",
      message: "",
      requestKey: requestKey(),
    });
    expect(theirs).toEqual({ ok: true });
    expect(await db.outboxMessage.count({ where: { to: spellings[0]!, userId: other.id } })).toBe(
      1,
    );
  });

  it("allows a few resends per invitation", async () => {
    const inviter = await createInviter();
    const { invitationId } = await invite(inviter, uniqueAddress("partner"));
    for (let i = 0; i < env.INVITE_RESEND_LIMIT; i++) {
      expect(await resendPartnerInvitation({ userId: inviter.id, invitationId })).toBe("resent");
    }
    expect(await resendPartnerInvitation({ userId: inviter.id, invitationId })).toBe(
      "resend_limit",
    );
    const [summary] = await listPartnerInvitations({ userId: inviter.id });
    expect(summary!.resendsLeft).toBe(0);
  });
});

describe("resending", () => {
  it("issues a new link and kills the old one", async () => {
    const inviter = await createInviter();
    const partner = await createPerson("partner");
    const { invitationId } = await invite(inviter, partner.email);
    const oldToken = await latestToken(invitationId);
    const [oldMail] = await invitationMail(invitationId);

    expect(await resendPartnerInvitation({ userId: inviter.id, invitationId })).toBe("resent");
    const newToken = await latestToken(invitationId);
    expect(newToken).not.toBe(oldToken);
    const mail = await invitationMail(invitationId);
    expect(mail.map((m) => m.dedupeKey)).toEqual([`partner-invitation:${invitationId}:1`]);

    // A worker that still held the old email re-checks and drops it.
    const guard = outboxSendGuards["partner-invitation"]!;
    const stale = {
      id: oldMail!.id,
      template: "partner-invitation",
      to: partner.email,
      data: oldMail!.data,
      userId: inviter.id,
      dedupeKey: oldMail!.dedupeKey,
      attempts: 1,
    };
    expect(await checkOutboxSendGuard(guard, stale)).toBe(false);
    expect(await checkOutboxSendGuard(guard, { ...stale, data: mail[0]!.data })).toBe(true);

    expect(await getInvitationForRecipient({ token: oldToken, viewer: null })).toEqual({
      state: "unavailable",
    });
    expect(
      await acceptPartnerInvitation({ token: oldToken, userId: partner.id, email: partner.email }),
    ).toEqual({ ok: false, reason: "unavailable" });
    expect(await declinePartnerInvitation({ token: oldToken, note: "" })).toBe(false);
    expect(
      await acceptPartnerInvitation({ token: newToken, userId: partner.id, email: partner.email }),
    ).toMatchObject({ ok: true });
  });
});

describe("state changes under concurrency", () => {
  it("ends 20 concurrent accept, decline and revoke calls in exactly one outcome", async () => {
    for (const round of [0, 1, 2]) {
      const inviter = await createInviter(`inviter${round}`);
      const partner = await createPerson(`partner${round}`);
      const { invitationId } = await invite(inviter, partner.email);
      const token = await latestToken(invitationId);
      const kinds = ["accept", "decline", "revoke"] as const;
      const calls = Array.from({ length: 20 }, (_, i) => kinds[(i + round) % 3]!);
      const results = await Promise.all(
        calls.map(async (kind) => {
          if (kind === "accept") {
            const r = await acceptPartnerInvitation({
              token,
              userId: partner.id,
              email: partner.email,
            });
            return { kind, won: r.ok };
          }
          if (kind === "decline") {
            return { kind, won: await declinePartnerInvitation({ token, note: "" }) };
          }
          return {
            kind,
            won: await revokePartnerInvitation({ userId: inviter.id, invitationId }),
          };
        }),
      );
      const winners = results.filter((r) => r.won);
      expect(winners, `round ${round}`).toHaveLength(1);
      const outcome = { accept: "accepted", decline: "declined", revoke: "revoked" }[
        winners[0]!.kind
      ];
      const row = await invitationRow(invitationId);
      expect(row.status).toBe(outcome);
      const referral = await db.counselingReferral.findFirstOrThrow({
        where: { userId: inviter.id },
        select: { partnerId: true },
      });
      expect(referral.partnerId).toBe(outcome === "accepted" ? partner.id : null);
      expect(
        await db.outboxMessage.count({
          where: { template: "partner-accepted", to: inviter.email },
        }),
      ).toBe(outcome === "accepted" ? 1 : 0);
    }
  });
});

describe("the invitee's answers", () => {
  it("shows the invitation on every GET without changing anything, then still accepts once", async () => {
    const inviter = await createInviter();
    const partner = await createPerson("partner");
    const { invitationId } = await invite(inviter, partner.email, { message: "Shall we?" });
    const token = await latestToken(invitationId);
    const before = await invitationRow(invitationId);
    for (let i = 0; i < 5; i++) {
      const view = await getInvitationForRecipient({ token, viewer: null });
      expect(view).toMatchObject({
        state: "pending",
        inviterName: inviter.name,
        message: "Shall we?",
        viewer: "anonymous",
      });
    }
    expect(await invitationRow(invitationId)).toEqual(before);
    expect(
      await getInvitationForRecipient({
        token,
        viewer: { id: partner.id, email: partner.email.toUpperCase() },
      }),
    ).toMatchObject({ state: "pending", viewer: "invited" });
    expect(
      await acceptPartnerInvitation({ token, userId: partner.id, email: partner.email }),
    ).toMatchObject({ ok: true });
    expect(
      await acceptPartnerInvitation({ token, userId: partner.id, email: partner.email }),
    ).toEqual({ ok: false, reason: "unavailable" });
  });

  it("accepts only for the invited address, links the couple, and tells the inviter by email", async () => {
    const inviter = await createInviter();
    const partner = await createPerson("partner");
    const stranger = await createPerson("stranger");
    const { invitationId } = await invite(inviter, partner.email);
    const token = await latestToken(invitationId);

    expect(
      await getInvitationForRecipient({
        token,
        viewer: { id: stranger.id, email: stranger.email },
      }),
    ).toMatchObject({
      state: "pending",
      viewer: "other",
      recipientHint: maskAddress(partner.email),
    });
    expect(
      await acceptPartnerInvitation({ token, userId: stranger.id, email: stranger.email }),
    ).toEqual({ ok: false, reason: "wrong_account" });
    expect(
      await acceptPartnerInvitation({ token, userId: inviter.id, email: inviter.email }),
    ).toEqual({ ok: false, reason: "own_invitation" });
    expect((await invitationRow(invitationId)).status).toBe("pending");

    const accepted = await acceptPartnerInvitation({
      token,
      userId: partner.id,
      email: partner.email,
    });
    expect(accepted).toMatchObject({ ok: true });
    const referral = await db.counselingReferral.findFirstOrThrow({
      where: { userId: inviter.id },
      select: { id: true, partnerId: true, partnerLinkedAt: true },
    });
    expect(referral.partnerId).toBe(partner.id);
    expect(accepted).toEqual({ ok: true, referralId: referral.id });

    const own = await getOwnReferral({ userId: inviter.id });
    expect(own?.partnerLinkedAt).toEqual(referral.partnerLinkedAt);
    expect(own?.canInvite).toBe(false);
    const [summary] = await listPartnerInvitations({ userId: inviter.id });
    expect(summary!.status).toBe("accepted");

    const notice = await db.outboxMessage.findMany({
      where: { template: "partner-accepted" },
      select: { to: true, userId: true, data: true },
    });
    expect(notice).toEqual([{ to: inviter.email, userId: inviter.id, data: {} }]);
    expect(await getInvitationForRecipient({ token, viewer: partner })).toEqual({
      state: "accepted_by_viewer",
    });
    expect(await getInvitationForRecipient({ token, viewer: stranger })).toEqual({
      state: "unavailable",
    });
  });

  it("lets the invitee decline without an account; the inviter sees it and the note, and cannot invite that address again", async () => {
    const inviter = await createInviter();
    const address = uniqueAddress("partner");
    const { invitationId } = await invite(inviter, address);
    const token = await latestToken(invitationId);
    expect(await declinePartnerInvitation({ token, note: "Not now, but thank you." })).toBe(true);
    const [summary] = await listPartnerInvitations({ userId: inviter.id });
    expect(summary).toMatchObject({
      status: "declined",
      declineNote: "Not now, but thank you.",
      recipientHint: null,
    });
    const again = await createPartnerInvitation({
      userId: inviter.id,
      email: address,
      inviterName: "Sam",
      message: "",
      requestKey: requestKey(),
    });
    expect(again).toEqual({ ok: false, reason: "declined_before" });
    // Someone else can still invite them (declining one person is not opting out).
    await expect(invite(await createInviter(), address)).resolves.toBeDefined();
  });
});

describe("never contact me again", () => {
  it("stores only an HMAC, and later invitations to the address from anyone are silently not sent", async () => {
    const address = uniqueAddress("private");
    const first = await createInviter();
    const { invitationId } = await invite(first, address);
    await optOutOfInvitations({ token: await latestToken(invitationId) });

    const listed = await db.doNotContact.findMany({ select: { addressHmac: true } });
    expect(listed).toContainEqual({ addressHmac: addressHmac(address) });
    expect(await tablesMentioning(address)).toEqual([]);
    expect((await invitationRow(invitationId)).status).toBe("declined");

    // Another inviter: the same answer and dashboard as for any invitation, but no email.
    const second = await createInviter();
    const result = await createPartnerInvitation({
      userId: second.id,
      email: address,
      inviterName: "Alex",
      message: "",
      requestKey: requestKey(),
    });
    expect(result).toEqual({ ok: true });
    const [summary] = await listPartnerInvitations({ userId: second.id });
    expect(summary).toMatchObject({ status: "pending", recipientHint: maskAddress(address) });
    expect(await resendPartnerInvitation({ userId: second.id, invitationId: summary!.id })).toBe(
      "resent",
    );
    expect(await db.outboxMessage.count({ where: { to: address } })).toBe(0);
    expect((await invitationRow(summary!.id)).recipientEmail).toBeNull();
    // The same outbox row as for any invitation (the same statements, so the
    // inviter's answer takes as long), written already skipped, empty, unsendable
    // (the resend replaced the first send's row, as for anyone).
    expect(
      (await invitationMail(summary!.id)).map(({ to, data, status }) => ({ to, data, status })),
    ).toEqual([{ to: "", data: {}, status: "skipped" }]);
  });

  it("answers a link that matches nothing without changing anything", async () => {
    const before = await db.doNotContact.count();
    const inviter = await createInviter();
    const { invitationId } = await invite(inviter, uniqueAddress("partner"));
    await optOutOfInvitations({ token: "A".repeat(43) });
    expect(await db.doNotContact.count()).toBe(before);
    expect((await invitationRow(invitationId)).status).toBe("pending");
    expect(await invitationMail(invitationId)).toHaveLength(1);
  });

  it("withdraws the address from other inviters' open invitations without telling them", async () => {
    const address = uniqueAddress("private");
    const a = await createInviter("a");
    const b = await createInviter("b");
    const fromA = await invite(a, address);
    const fromB = await invite(b, address);
    await optOutOfInvitations({ token: await latestToken(fromA.invitationId) });
    const rowB = await invitationRow(fromB.invitationId);
    expect(rowB.status).toBe("pending");
    expect(rowB.recipientEmail).toBeNull();
    expect(await invitationMail(fromB.invitationId)).toEqual([]);
    const [summaryB] = await listPartnerInvitations({ userId: b.id });
    expect(summaryB!.status).toBe("pending");
  });
});

describe("every spelling of one mailbox", () => {
  const local = () => `victim${crypto.randomUUID().slice(0, 8)}`;

  it("is never contacted again after opting out: plus tags on any domain", async () => {
    const name = local();
    const { invitationId } = await invite(await createInviter("a"), `${name}@example.com`);
    await optOutOfInvitations({ token: await latestToken(invitationId) });
    const listed = await db.doNotContact.findMany({ select: { addressHmac: true } });
    expect(listed).toContainEqual({ addressHmac: canonicalAddressHmac(`${name}@example.com`) });

    for (const [i, variant] of [
      `${name}+again@example.com`,
      `${name.toUpperCase()}+x@Example.com`,
    ].entries()) {
      const inviter = await createInviter(`later${i}`);
      const result = await createPartnerInvitation({
        userId: inviter.id,
        email: variant,
        inviterName: "Sam",
        message: "",
        requestKey: requestKey(),
      });
      expect(result).toEqual({ ok: true }); // looks sent, as for any address
      const [summary] = await listPartnerInvitations({ userId: inviter.id });
      expect((await invitationRow(summary!.id)).recipientEmail).toBeNull();
      expect((await invitationMail(summary!.id)).map(({ to, status }) => ({ to, status }))).toEqual(
        [{ to: "", status: "skipped" }],
      );
    }
  });

  it("is never contacted again after opting out: Gmail's dots and googlemail.com, either way round", async () => {
    const name = local();
    const optedOut = `${name.slice(0, 3)}.${name.slice(3)}+news@googlemail.com`;
    const { invitationId } = await invite(await createInviter("a"), optedOut);
    await optOutOfInvitations({ token: await latestToken(invitationId) });
    const inviter = await createInviter("b");
    await invite(inviter, `${name}@gmail.com`);
    expect(await db.outboxMessage.count({ where: { to: `${name}@gmail.com` } })).toBe(0);
  });

  it("counts as declined before, for the inviter who was declined", async () => {
    const name = local();
    const inviter = await createInviter();
    const { invitationId } = await invite(inviter, `${name}@gmail.com`);
    expect(
      await declinePartnerInvitation({ token: await latestToken(invitationId), note: "" }),
    ).toBe(true);
    const again = await createPartnerInvitation({
      userId: inviter.id,
      email: `${name.slice(0, 2)}.${name.slice(2)}+2@googlemail.com`,
      inviterName: "Sam",
      message: "",
      requestKey: requestKey(),
    });
    expect(again).toEqual({ ok: false, reason: "declined_before" });
  });

  it("counts as yourself", async () => {
    const inviter = await createInviter();
    const [localPart, domain] = inviter.email.split("@") as [string, string];
    const self = await createPartnerInvitation({
      userId: inviter.id,
      email: `${localPart}+partner@${domain}`,
      inviterName: "Sam",
      message: "",
      requestKey: requestKey(),
    });
    expect(self).toEqual({ ok: false, reason: "self" });
  });

  it("still matches opt-outs and declines stored before canonical matching (their exact address's HMAC)", async () => {
    // What the migration leaves: DoNotContact rows and invitations hashed as typed.
    const plain = `${local()}@example.com`;
    const tagged = `${local()}+old@example.com`;
    await db.doNotContact.createMany({
      data: [{ addressHmac: addressHmac(plain) }, { addressHmac: addressHmac(tagged) }],
    });
    for (const [i, email] of [plain.replace("@", "+new@"), tagged].entries()) {
      const inviter = await createInviter(`legacy${i}`);
      await invite(inviter, email);
      expect(await db.outboxMessage.count({ where: { to: email } }), email).toBe(0);
    }

    const inviter = await createInviter("declined");
    const declinedAddress = `${local()}+x@example.com`;
    const { invitationId } = await invite(inviter, declinedAddress);
    await db.partnerInvitation.update({
      where: { id: invitationId },
      data: { recipientCanonicalHmac: addressHmac(declinedAddress) },
    });
    await declinePartnerInvitation({ token: await latestToken(invitationId), note: "" });
    const again = await createPartnerInvitation({
      userId: inviter.id,
      email: declinedAddress,
      inviterName: "Sam",
      message: "",
      requestKey: requestKey(),
    });
    expect(again).toEqual({ ok: false, reason: "declined_before" });
  });
});

describe("the invitee's address", () => {
  it.each(["accepted", "declined", "revoked", "expired"] as const)(
    "is erased, with its emails, once the invitation is %s (its HMAC stays)",
    async (outcome) => {
      const inviter = await createInviter();
      const partner = await createPerson("partner");
      const { invitationId } = await invite(inviter, partner.email, { message: "Hello you" });
      const token = await latestToken(invitationId);
      if (outcome === "accepted") {
        await acceptPartnerInvitation({ token, userId: partner.id, email: partner.email });
      } else if (outcome === "declined") {
        await declinePartnerInvitation({ token, note: "" });
      } else if (outcome === "revoked") {
        await revokePartnerInvitation({ userId: inviter.id, invitationId });
      } else {
        await db.partnerInvitation.update({
          where: { id: invitationId },
          data: { expiresAt: new Date(Date.now() - 1_000) },
        });
        // Reading shows it expired at once, without writing (a GET never writes)...
        const [summary] = await listPartnerInvitations({ userId: inviter.id });
        expect(summary!.status).toBe("expired");
        expect((await invitationRow(invitationId)).status).toBe("pending");
        // ...and the worker's sweep records it and erases the address.
        expect(await expirePartnerInvitations()).toBeGreaterThanOrEqual(1);
      }
      const row = await invitationRow(invitationId);
      expect(row.status).toBe(outcome);
      expect(row).toMatchObject({ recipientEmail: null, recipientHint: null, message: null });
      expect(row.recipientHmac).toBe(addressHmac(partner.email));
      expect(await db.outboxMessage.count({ where: { to: partner.email } })).toBe(0);
    },
  );
});

describe("the job runner", () => {
  it("expires invitations past their 7 days on its own, erasing the address and never sending them", async () => {
    const inviter = await createInviter();
    const partner = await createPerson("partner");
    const { invitationId } = await invite(inviter, partner.email);
    await db.partnerInvitation.update({
      where: { id: invitationId },
      data: { expiresAt: new Date(Date.now() - 1_000) },
    });
    const smtp = await startSmtpCatcher();
    const worker = startEmailWorker({ transport: smtpTransportTo(smtp.port), pollMs: 50 });
    const jobs = startJobRunner({ tickMs: 50 });
    try {
      await waitFor(async () => (await invitationRow(invitationId)).status === "expired", {
        what: "the job to expire the invitation",
      });
      // The mail queued for it is gone, so a worker running meanwhile sends nothing.
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      await jobs.stop();
      await worker.stop();
      await smtp.close();
    }
    expect((await invitationRow(invitationId)).recipientEmail).toBeNull();
    expect(smtp.messages.filter((m) => m.to === partner.email)).toEqual([]);
  });
});

describe("an expired invitation", () => {
  it("refuses every action with its token", async () => {
    const inviter = await createInviter();
    const partner = await createPerson("partner");
    const { invitationId } = await invite(inviter, partner.email);
    const token = await latestToken(invitationId);
    await db.partnerInvitation.update({
      where: { id: invitationId },
      data: { expiresAt: new Date(Date.now() - 1) },
    });
    expect(await getInvitationForRecipient({ token, viewer: partner })).toEqual({
      state: "unavailable",
    });
    expect(
      await acceptPartnerInvitation({ token, userId: partner.id, email: partner.email }),
    ).toEqual({ ok: false, reason: "unavailable" });
    expect(await declinePartnerInvitation({ token, note: "" })).toBe(false);
    expect(await revokePartnerInvitation({ userId: inviter.id, invitationId })).toBe(false);
    expect(await resendPartnerInvitation({ userId: inviter.id, invitationId })).toBe("not_pending");
    // And after it expired, the inviter may invite the same address again.
    await expect(invite(inviter, partner.email)).resolves.toBeDefined();
  });
});

describe("delivery", () => {
  it("delivers the invitation through a real SMTP server with a link that works", async () => {
    const smtp = await startSmtpCatcher();
    const worker = startEmailWorker({
      transport: smtpTransportTo(smtp.port),
      pollMs: 50,
      listen: false,
    });
    try {
      const inviter = await createInviter();
      const partner = await createPerson("partner");
      const { tokenHash } = await invite(inviter, partner.email);
      worker.wake();
      const mail = await smtp.waitForMessage((m) => m.to === partner.email);
      const link = mail.links.find((l) => l.includes("choice=accept"))!;
      expect(link.startsWith(`${env.APP_URL}/invitations/`)).toBe(true);
      const token = new URL(link).pathname.split("/").at(-1)!;
      expect(hashInvitationToken(token)).toBe(tokenHash);
      expect(mail.subject).toBe(INVITATION_SUBJECT);
    } finally {
      await worker.stop();
      await smtp.close();
    }
  });

  it("never sends a revoked invitation, even when a worker picked its email up before the revoke", async () => {
    const smtp = await startSmtpCatcher();
    try {
      const inviter = await createInviter();
      const partner = await createPerson("partner");
      const { invitationId } = await invite(inviter, partner.email);
      // Invitation mail waits INVITATION_SEND_DELAY_MS before it is due; skip the wait.
      await db.outboxMessage.updateMany({
        where: { dedupeKey: { startsWith: `partner-invitation:${invitationId}:` } },
        data: { runAt: new Date(Date.now() - 1_000) },
      });
      // A worker claims the email, then stalls; its claim lapses after 200 ms.
      const claimed = await claimOutboxMessages({ workerId: "stalled", limit: 10, claimMs: 200 });
      const held = claimed.find((m) => m.template === "partner-invitation");
      expect(held?.to).toBe(partner.email);

      expect(await revokePartnerInvitation({ userId: inviter.id, invitationId })).toBe(true);
      // The stalled worker's re-check, with the message it holds in memory, says no.
      expect(await checkOutboxSendGuard(outboxSendGuards["partner-invitation"]!, held!)).toBe(
        false,
      );

      // Another worker takes the lapsed claim over: it re-checks and skips it.
      const worker = startEmailWorker({
        transport: smtpTransportTo(smtp.port),
        pollMs: 50,
        listen: false,
      });
      try {
        await waitFor(
          async () =>
            (await db.outboxMessage.findUnique({ where: { id: held!.id } }))?.status === "skipped",
          { what: "the revoked invitation's email to be skipped" },
        );
      } finally {
        await worker.stop();
      }
      expect(smtp.messages.filter((m) => m.to === partner.email)).toEqual([]);
    } finally {
      await smtp.close();
    }
  });
});
