import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { withSqlExecutor } from "@/lib/db/connection";
import { ENCRYPTED_COLUMN_NAMES } from "@/lib/crypto/encrypted-columns";
import { createHardDate } from "@/lib/data/hard-dates";
import { declinePartnerInvitation } from "@/lib/data/invitation-responses";
import { createReachOut } from "@/lib/data/reach-outs";
import {
  createPerson,
  intakeOf,
  invite,
  latestToken,
  uniqueAddress,
} from "@/tests/support/counseling";
import { recordSafetyScreen, submitCounselingIntake } from "@/lib/data/counseling-referrals";
import { seedUserData } from "@/tests/support/user-data";

// Every column of the database that can hold text, and what it may hold. A
// column added later that nobody classified makes this file fail, so free text
// cannot slip into the database readable (SECURITY.md, promise 23). The
// e2e privacy suite (tests/e2e/security-privacy.spec.ts) plants sentences
// through the real UI and searches every cell; this file keeps the list whole.
//
// WHEN YOU ADD A TEXT COLUMN: classify it here. Anything a person writes is
// "ciphertext" (lib/crypto/field-encryption.ts) unless there is a reason, given
// here, why it must be readable.

type ColumnClass =
  | "ciphertext" // AES-256-GCM, "v1:<key>:<iv>:<sealed>"
  | "identifier" // ids, foreign keys, request keys, enum-like words
  | "hash" // a hash or HMAC of a token or an address
  | "address" // an email address, where it is needed to deliver or sign in
  | { readable: string }; // readable on purpose, and why

const COLUMNS: Record<string, ColumnClass> = {
  "Account.access_token": { readable: "OAuth only; the email provider never fills it" },
  "Account.id_token": { readable: "OAuth only; the email provider never fills it" },
  "Account.provider": "identifier",
  "Account.providerAccountId": "address",
  "Account.refresh_token": { readable: "OAuth only; the email provider never fills it" },
  "Account.scope": "identifier",
  "Account.session_state": "identifier",
  "Account.token_type": "identifier",
  "Account.type": "identifier",
  "Account.userId": "identifier",
  "Activity.id": "identifier",
  "Activity.requestKey": "identifier",
  "Activity.title": "ciphertext",
  "Activity.userId": "identifier",
  "CheckIn.id": "identifier",
  "CheckIn.note": "ciphertext",
  "CheckIn.userId": "identifier",
  "CounselingMessage.authorId": "identifier",
  "CounselingMessage.id": "identifier",
  "CounselingMessage.referralId": "identifier",
  "CounselingMessage.requestKey": "identifier",
  "CounselingMessage.text": "ciphertext",
  "CounselingReferral.claimedById": "identifier",
  "CounselingReferral.closeResources": "ciphertext",
  "CounselingReferral.id": "identifier",
  "CounselingReferral.note": "ciphertext",
  "CounselingReferral.partnerId": "identifier",
  "CounselingReferral.phone": "ciphertext",
  "CounselingReferral.userId": "identifier",
  "DevMailboxMessage.html": {
    readable: "development mailbox only (no SMTP configured): the whole email, to show it",
  },
  "DevMailboxMessage.id": "identifier",
  "DevMailboxMessage.subject": { readable: "development mailbox only" },
  "DevMailboxMessage.text": { readable: "development mailbox only" },
  "DevMailboxMessage.to": "address",
  "DoNotContact.addressHmac": "hash",
  "Goal.id": "identifier",
  "Goal.note": "ciphertext",
  "Goal.requestKey": "identifier",
  "Goal.title": "ciphertext",
  "Goal.userId": "identifier",
  "HardDate.id": "identifier",
  "HardDate.label": "ciphertext",
  "HardDate.plan": "ciphertext",
  "HardDate.requestKey": "identifier",
  "HardDate.userId": "identifier",
  "PendingRemoval.id": "identifier",
  "PendingRemoval.list": "identifier",
  "PendingRemoval.row": {
    readable:
      "a removed row kept at most about 25 s for Undo (SECURITY.md 36), exactly as its own table stored it: its free text still ciphertext",
  },
  "PendingRemoval.userId": "identifier",
  "Reminder.hardDateId": "identifier",
  "Reminder.id": "identifier",
  "Reminder.userId": "identifier",
  "ReminderSettings.userId": "identifier",
  "AgendaFeedToken.id": "identifier",
  "AgendaFeedToken.memberId": "identifier",
  "AgendaFeedToken.tokenHash": "hash",
  "ReminderStopToken.tokenHash": "hash",
  "ReminderStopToken.userId": "identifier",
  "TextPause.draft": "ciphertext",
  "TextPause.id": "identifier",
  "TextPause.requestKey": "identifier",
  "TextPause.trigger": "ciphertext",
  "TextPause.userId": "identifier",
  "Memory.id": "identifier",
  "Memory.requestKey": "identifier",
  "Memory.text": "ciphertext",
  "Memory.userId": "identifier",
  "OutboxMessage.data": {
    readable:
      "template ids and names; tokens and personal details inside are sealed, and the payload is dropped once sent",
  },
  "OutboxMessage.dedupeKey": "identifier",
  "OutboxMessage.id": "identifier",
  "OutboxMessage.lastError": { readable: "the SMTP error, addresses scrubbed" },
  "OutboxMessage.lockedBy": "identifier",
  "OutboxMessage.status": "identifier",
  "OutboxMessage.template": "identifier",
  "OutboxMessage.to": "address",
  "OutboxMessage.userId": "identifier",
  "OfferedTime.id": "identifier",
  "OfferedTime.referralId": "identifier",
  "OfferedTime.counselorId": "identifier",
  "OfferedTime.joinDetail": "ciphertext",
  "CounselingSession.id": "identifier",
  "CounselingSession.referralId": "identifier",
  "CounselingSession.offeredTimeId": "identifier",
  "CounselingSession.counselorId": "identifier",
  "CounselingSession.icsUid": "identifier",
  "CounselingSession.cancelledBy": "identifier",
  "PartnerInvitation.declineNote": "ciphertext",
  "PartnerInvitation.id": "identifier",
  "PartnerInvitation.inviterId": "identifier",
  "PartnerInvitation.inviterName": {
    readable:
      "the name the inviter chose to show the partner, in the invitation email and on its page",
  },
  "PartnerInvitation.message": "ciphertext",
  "PartnerInvitation.recipientEmail": "address",
  "PartnerInvitation.recipientHint": { readable: "a masked address (j•••@example.com)" },
  "PartnerInvitation.recipientCanonicalHmac": "hash",
  "PartnerInvitation.recipientHmac": "hash",
  "PartnerInvitation.referralId": "identifier",
  "PartnerInvitation.requestKey": "identifier",
  "PartnerInvitation.tokenHash": "hash",
  "RateLimit.key": "hash",
  "ReferralAccess.id": "identifier",
  "ReferralAccess.referralId": "identifier",
  "ReferralAccess.viewerId": "identifier",
  "ReachOut.id": "identifier",
  "ReachOut.note": "ciphertext",
  "ReachOut.requestKey": "identifier",
  "ReachOut.userId": "identifier",
  "ReachOut.who": "ciphertext",
  "Session.sessionToken": "hash",
  "Session.userId": "identifier",
  "Slip.id": "identifier",
  "Slip.trigger": "ciphertext",
  "Slip.userId": "identifier",
  "TeamMember.displayName": {
    readable:
      "the first name a team member chose to show people (set on the command line); people see it on their counseling page",
  },
  "TeamMember.userId": "identifier",
  "TeamMember.timeZone": "identifier",
  "TeamPasskey.deviceType": "identifier",
  "TeamPasskey.id": "identifier",
  "TeamPasskey.transports": "identifier",
  "TeamPasskey.userId": "identifier",
  "TeamPasskey.webauthnUserId": "identifier",
  "TeamPasskeyChallenge.challengeHash": "hash",
  "TeamPasskeyChallenge.purpose": "identifier",
  "TeamPasskeyChallenge.sessionToken": "hash",
  "TeamPasskeyChallenge.userId": "identifier",
  "TeamPasskeyChallenge.webauthnUserId": "identifier",
  "TeamRoleChange.id": "identifier",
  "TeamRoleChange.operator": {
    readable:
      "who ran a team command (--by or the OS user): the record of role changes must be read",
  },
  "TeamRoleChange.userId": "identifier",
  "TrackerSettings.timeZone": "identifier",
  "TrackerSettings.userId": "identifier",
  "User.email": "address",
  "User.id": "identifier",
  "User.image": { readable: "OAuth profile picture URL; the email provider never fills it" },
  "User.name": {
    readable: "Auth.js profile name; email sign-in never fills it, Heartwork never asks for it",
  },
  "VerificationToken.identifier": "address",
  "VerificationToken.token": "hash",
  "_prisma_migrations.checksum": "hash",
  "_prisma_migrations.id": "identifier",
  "_prisma_migrations.logs": { readable: "migration bookkeeping" },
  "_prisma_migrations.migration_name": "identifier",
};

const CIPHERTEXT = /^v1:[A-Za-z0-9_-]+:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]{22,}$/;

async function textColumns(): Promise<string[]> {
  const rows = await withSqlExecutor((sql) =>
    sql.query<{ name: string }>(
      `SELECT table_name || '.' || column_name AS name FROM information_schema.columns
        WHERE table_schema = current_schema()
          AND (data_type IN ('text', 'character varying', 'character', 'json', 'jsonb')
               OR (data_type = 'ARRAY' AND udt_name IN ('_text', '_varchar', '_json', '_jsonb')))
        ORDER BY 1`,
    ),
  );
  return rows.map((r) => r.name);
}

async function valuesOf(column: string): Promise<string[]> {
  const [table, name] = column.split(".") as [string, string];
  const rows = await withSqlExecutor((sql) =>
    sql.query<{ value: string }>(
      `SELECT "${name}"::text AS value FROM "${table}" WHERE "${name}" IS NOT NULL`,
    ),
  );
  return rows.map((r) => r.value);
}

describe("text columns", () => {
  it("classify as ciphertext exactly the registry's encrypted columns, which sealing and key rotation use", () => {
    const ciphertext = Object.entries(COLUMNS)
      .filter(([, kind]) => kind === "ciphertext")
      .map(([column]) => column);
    expect(ciphertext.sort()).toEqual([...ENCRYPTED_COLUMN_NAMES].sort());
  });

  it("are each classified: ciphertext, identifier, hash, address, or readable for a stated reason", async () => {
    const columns = await textColumns();
    expect(
      columns.filter((c) => !(c in COLUMNS)),
      "Unclassified text columns: classify them in tests/integration/column-privacy.test.ts",
    ).toEqual([]);
    expect(
      Object.keys(COLUMNS).filter((c) => !columns.includes(c)),
      "Classified columns that no longer exist",
    ).toEqual([]);
  });

  // Seeding every table for two people, both sides of counseling included, is a few hundred
  // statements: on a loaded two-core machine that can take longer than the default 30 s.
  it(
    "hold only ciphertext where a person's words go, for every kind of row a person can have",
    { timeout: 120_000 },
    async () => {
      await seedUserData("column.privacy.one@example.com");
      const person = await seedUserData("column.privacy.two@example.com");
      // The optional fields the one-row seeders leave empty, through the data layer.
      await createHardDate({
        userId: person.id,
        label: "the day we met",
        month: 5,
        day: 4,
        plan: "a long walk",
        requestKey: randomUUID(),
      });
      await createReachOut({
        userId: person.id,
        who: "my sister",
        day: "2026-11-20",
        feeling: "BETTER",
        note: "she listened",
        requestKey: randomUUID(),
      });
      const inviter = await createPerson("columns");
      await recordSafetyScreen({ userId: inviter.id, outcome: "CLEAR" });
      await submitCounselingIntake({
        userId: inviter.id,
        intake: intakeOf({ contactMethod: "PHONE", phone: "+1 555 123 4567" }),
      });
      // One invitation declined with a note, one still open with its message.
      const declined = await invite(inviter, uniqueAddress("partner"), { message: "come with me" });
      expect(
        await declinePartnerInvitation({
          token: await latestToken(declined.invitationId),
          note: "not now",
        }),
      ).toBe(true);
      await invite(inviter, uniqueAddress("partner"), { message: "please come with me" });
      const encrypted = Object.entries(COLUMNS)
        .filter(([, kind]) => kind === "ciphertext")
        .map(([column]) => column);
      expect(encrypted.length).toBeGreaterThanOrEqual(16);
      const empty: string[] = [];
      for (const column of encrypted) {
        const values = await valuesOf(column);
        if (values.length === 0) empty.push(column);
        for (const value of values) expect(value, column).toMatch(CIPHERTEXT);
      }
      expect(
        empty,
        "ciphertext columns the seeders leave empty (tests/support/user-data.ts)",
      ).toEqual([]);
    },
  );
});
