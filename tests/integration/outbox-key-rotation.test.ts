import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { keyIdOf } from "@/lib/crypto/field-encryption";
import {
  fieldKeyring,
  generateFieldKeyLine,
  keyringFrom,
  parseFieldKeys,
  type FieldKeyring,
} from "@/lib/crypto/field-keys";
import {
  isEmailTemplateName,
  outboxPayloadSchemas,
  type EmailTemplateName,
} from "@/lib/data/outbox-payloads";
import { sealedOutboxValues } from "@/lib/data/outbox-sealed-values";
import { OUTBOX_REPORT_NAME, reencryptFields } from "@/lib/data/reencrypt-fields";
import { queueSignInEmail } from "@/lib/data/sign-in-emails";
import { createInviter, invite, uniqueAddress } from "@/tests/support/counseling";
import { addCounselingMessage } from "@/lib/data/counseling-messages";
import { offerSessionTimes, takeOfferedTime } from "@/lib/data/session-booking";
import { claimReferral } from "@/lib/data/referral-ownership";
import { runDueReminders, saveReminderSettings } from "@/lib/data/reminders";
import { runDueSessionReminders } from "@/lib/data/session-reminders";
import {
  createCouplesReferral,
  createTeamMember,
  messageOf,
} from "@/tests/support/counseling-team";
import { renderQueuedEmail } from "@/tests/support/queued-email";

// Every kind of row or email, a first session included, is many statements on a loaded machine.
vi.setConfig({ testTimeout: 120_000 });

// Issue 13 (key rotation, queued mail): a message waiting in the outbox (an
// SMTP outage, a failed message kept for operators) holds sealed values. Key
// rotation rewrites them too, so after the old key is removed every queued
// email of every kind still renders exactly as before.

const processKeyring = globalThis as unknown as { __heartworkFieldKeyring?: FieldKeyring };
const original = fieldKeyring();
afterEach(() => {
  processKeyring.__heartworkFieldKeyring = original;
});

type Queued = { id: string; template: EmailTemplateName; data: unknown };

/** One queued email of every kind, as the app queues them. */
async function queueEveryKindOfEmail(): Promise<Queued[]> {
  const { person, partner, referralId } = await createCouplesReferral("queued");
  await queueSignInEmail({ to: person.email, path: "/signin/confirm?token=sign-in-token" });
  // A counselor's message: its bland notice waits for the person.
  const counselor = await createTeamMember("queued-counselor");
  await claimReferral({ userId: counselor.id, referralId });
  await addCounselingMessage({
    userId: counselor.id,
    as: "team",
    ...messageOf(referralId, "PERSON", "hi"),
  });
  // A booked first session: its calendar email to each participant.
  await offerSessionTimes({
    userId: counselor.id,
    referralId,
    timeZone: "UTC",
    joinKind: "video",
    joinDetail: "https://video.example/queued",
    times: [3, 4].map((d) => ({
      startsAt: new Date(Date.now() + d * 86_400_000),
      lengthMinutes: 50,
    })),
  });
  const offered = await db.offeredTime.findFirstOrThrow({
    where: { referralId },
    select: { id: true },
  });
  const taken = await takeOfferedTime({ userId: person.id, offeredTimeId: offered.id });
  expect(taken).toMatchObject({ ok: true });
  // Its day-before reminder, the scheduler run at that instant.
  const session = await db.counselingSession.findUniqueOrThrow({
    where: { id: (taken as { sessionId: string }).sessionId },
    select: { nextReminderAt: true },
  });
  expect(await runDueSessionReminders({ now: session.nextReminderAt! })).toBeGreaterThan(0);
  // A daily reminder due now, on today's day (the person's zone is UTC).
  await saveReminderSettings({
    userId: person.id,
    dailyEnabled: true,
    dailyMinute: 600,
    hardDatesEnabled: false,
    hardDateDaysBefore: 7,
  });
  await db.reminder.updateMany({
    where: { userId: person.id },
    data: {
      dueAt: new Date(Date.now() - 60_000),
      dueDay: new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`),
    },
  });
  expect(await runDueReminders()).toBe(1);
  // An accepted invitation's email is no longer waiting: one still pending.
  const inviter = await createInviter("waiting");
  await invite(inviter, uniqueAddress("partner"));
  const rows = await db.outboxMessage.findMany({
    where: { userId: { in: [person.id, partner.id, inviter.id] }, status: "pending" },
    orderBy: { id: "asc" },
    select: { id: true, template: true, data: true },
  });
  return rows.map((row) => {
    if (!isEmailTemplateName(row.template)) throw new Error(`unknown template ${row.template}`);
    return { id: row.id, template: row.template, data: row.data };
  });
}

async function reread(queued: Queued[]): Promise<Queued[]> {
  const rows = await db.outboxMessage.findMany({
    where: { id: { in: queued.map((q) => q.id) } },
    orderBy: { id: "asc" },
    select: { id: true, template: true, data: true },
  });
  return rows.map((row) => ({ ...row, template: row.template as EmailTemplateName }));
}

const rendered = (queued: Queued[]) =>
  queued.map((q) => {
    const { subject, text } = renderQueuedEmail(q.template, q.data);
    return `${q.template}: ${subject}\n${text}`;
  });

describe("key rotation and queued mail", () => {
  it("rewrites the sealed values of every kind of queued email, so they render after the old key is gone", async () => {
    const queued = await queueEveryKindOfEmail();
    // Every kind of email the app sends is here, so a new kind cannot be missed.
    expect(new Set(queued.map((q) => q.template))).toEqual(
      new Set(Object.keys(outboxPayloadSchemas)),
    );
    const old = fieldKeyring();
    const sealedBefore = queued.flatMap((q) => sealedOutboxValues(q.template, q.data));
    // The sign-in link, the invitation token and the reminder stop token.
    expect(sealedBefore.length).toBeGreaterThanOrEqual(3);
    expect(new Set(sealedBefore.map((s) => keyIdOf(s.value)))).toEqual(new Set([old.current.id]));
    const before = rendered(queued);

    const fresh = parseFieldKeys(generateFieldKeyLine("k-outbox"))[0]!;
    const newOnly = keyringFrom([fresh]);
    // Without rotation, removing key 1 would leave the queued mail unreadable.
    processKeyring.__heartworkFieldKeyring = newOnly;
    for (const q of queued.filter((q) => sealedOutboxValues(q.template, q.data).length > 0)) {
      expect(() => renderQueuedEmail(q.template, q.data), q.template).toThrow();
    }
    processKeyring.__heartworkFieldKeyring = original;

    const report = await reencryptFields({ keyring: keyringFrom([fresh, old.current]) });
    expect(report[OUTBOX_REPORT_NAME]?.rewritten).toBeGreaterThanOrEqual(sealedBefore.length);
    expect(report[OUTBOX_REPORT_NAME]?.unreadable).toBe(0);

    // Key 1 removed: every sealed value is under key 2, every email renders as before.
    processKeyring.__heartworkFieldKeyring = newOnly;
    const after = await reread(queued);
    const sealedAfter = after.flatMap((q) => sealedOutboxValues(q.template, q.data));
    expect(sealedAfter).toHaveLength(sealedBefore.length);
    for (const s of sealedAfter) expect(keyIdOf(s.value)).toBe("k-outbox");
    expect(rendered(after)).toEqual(before);

    // A second run has nothing left to do.
    const again = await reencryptFields({ keyring: keyringFrom([fresh, old.current]) });
    expect(again[OUTBOX_REPORT_NAME]?.rewritten).toBe(0);
  });

  it("leaves a sent message (its data already emptied) and an unreadable payload alone", async () => {
    const queued = await queueEveryKindOfEmail();
    const invitation = queued.find((q) => q.template === "partner-invitation")!;
    const intake = queued.find((q) => q.template === "counseling-intake")!;
    expect(invitation).toBeDefined();
    await db.outboxMessage.update({
      where: { id: invitation.id },
      data: { status: "sent", data: {} },
    });
    const stranger = keyringFrom([parseFieldKeys(generateFieldKeyLine("k-stranger"))[0]!]);
    const report = await reencryptFields({ keyring: stranger });
    expect(report[OUTBOX_REPORT_NAME]?.unreadable).toBeGreaterThanOrEqual(3);
    const [sent] = await reread([invitation]);
    expect(sent!.data).toEqual({});
    const [untouched] = await reread([intake]);
    expect(untouched!.data).toEqual(intake.data);
  });
});
