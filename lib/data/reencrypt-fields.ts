import "server-only";
import { db, Prisma } from "@/lib/db";
import {
  ENCRYPTED_COLUMN_NAMES,
  ENCRYPTED_COLUMNS,
  encryptedColumnContext,
  type EncryptedColumn,
  type EncryptedColumnName,
} from "@/lib/crypto/encrypted-columns";
import { decryptField, encryptField, FieldDecryptionError } from "@/lib/crypto/field-encryption";
import { fieldKeyring, type FieldKeyring } from "@/lib/crypto/field-keys";
import { isEmailTemplateName } from "@/lib/data/outbox-payloads";
import { sealedOutboxValues } from "@/lib/data/outbox-sealed-values";

// Key rotation, step 2: rewrites every encrypted value that is not under the
// current key, so an old key can then be removed from FIELD_ENCRYPTION_KEYS.
// The columns are the registry's (lib/crypto/encrypted-columns.ts), never a
// list of this file's own. Each column's stale values are found keyset-paged
// by id, and each is written back only if nobody changed it meanwhile. Values
// that fail to decrypt are counted and left alone, never overwritten.
//
// Then the sealed values inside queued mail (lib/data/outbox-sealed-values.ts):
// a message waiting out an SMTP outage, or a failed one kept for operators,
// must not become unreadable when the old key goes.

type Stale = { id: string; userId: string; row: string; value: string };

// Identifiers come from the registry (constants), never from input.
const quoted = (identifier: string) => Prisma.raw(`"${identifier.replaceAll('"', '""')}"`);

async function findStale(
  name: EncryptedColumnName,
  { after, prefix, take }: { after: string; prefix: string; take: number },
): Promise<Stale[]> {
  const { table, column, owner, row } = ENCRYPTED_COLUMNS[name] as EncryptedColumn;
  const t = (identifier: string) => Prisma.sql`t.${quoted(identifier)}`;
  const rowExpression =
    row === "day"
      ? Prisma.sql`to_char(${t("day")}, 'YYYY-MM-DD')`
      : row === "referral-and-id"
        ? Prisma.sql`${t("referralId")} || ':' || ${t("id")}`
        : t("id");
  // A thread's message is bound to the referral's owner, found through the referral.
  const ownerExpression = typeof owner === "string" ? t(owner) : Prisma.sql`o."userId"`;
  const ownerJoin =
    typeof owner === "string"
      ? Prisma.empty
      : Prisma.sql`JOIN ${quoted(owner.table)} AS o ON o."id" = ${t(owner.via)}`;
  // left(...) <> prefix, not NOT LIKE: a key id may contain "_", a LIKE wildcard.
  // NULLs compare as unknown and are skipped, as empty optional columns should be.
  return db.$queryRaw<Stale[]>`
    SELECT ${t("id")} AS "id", ${ownerExpression} AS "userId", ${rowExpression} AS "row",
           ${t(column)} AS "value"
      FROM ${quoted(table)} AS t ${ownerJoin}
     WHERE ${t("id")} > ${after}
       AND left(${t(column)}, ${prefix.length}::integer) <> ${prefix}
     ORDER BY ${t("id")}
     LIMIT ${take}::integer`;
}

async function replaceValue(
  name: EncryptedColumnName,
  { id, old, fresh }: { id: string; old: string; fresh: string },
): Promise<number> {
  const { table, column } = ENCRYPTED_COLUMNS[name];
  return db.$executeRaw`
    UPDATE ${quoted(table)} SET ${quoted(column)} = ${fresh}
     WHERE ${quoted("id")} = ${id} AND ${quoted(column)} = ${old}`;
}

export type ReencryptReport = Record<string, { rewritten: number; unreadable: number }>;

/** The report's line for queued mail, beside the registry's columns. */
export const OUTBOX_REPORT_NAME = "OutboxMessage.data";

async function reencryptOutbox(
  keyring: FieldKeyring,
  { prefix, batchSize }: { prefix: string; batchSize: number },
) {
  const counts = { rewritten: 0, unreadable: 0 };
  let after = "";
  for (;;) {
    // Sent and skipped messages keep no data ({}); every other row may hold sealed values.
    const batch = await db.outboxMessage.findMany({
      where: { id: { gt: after }, NOT: { data: { equals: {} } } },
      orderBy: { id: "asc" },
      select: { id: true, template: true, data: true },
      take: batchSize,
    });
    if (batch.length === 0) break;
    for (const row of batch) {
      if (!isEmailTemplateName(row.template)) continue;
      const stale = sealedOutboxValues(row.template, row.data).filter(
        (sealed) => !sealed.value.startsWith(prefix),
      );
      if (stale.length === 0) continue;
      try {
        const fresh = { ...(row.data as Record<string, unknown>) };
        for (const sealed of stale) {
          const plain = decryptField(sealed.value, sealed.context, keyring);
          fresh[sealed.property] = encryptField(plain, sealed.context, keyring);
        }
        // Only if the worker has not changed the row meanwhile (sent: data emptied).
        const { count } = await db.outboxMessage.updateMany({
          where: { id: row.id, data: { equals: row.data as Prisma.InputJsonValue } },
          data: { data: fresh as Prisma.InputJsonValue },
        });
        counts.rewritten += count * stale.length;
      } catch (error) {
        if (!(error instanceof FieldDecryptionError)) throw error;
        counts.unreadable += stale.length;
      }
    }
    after = batch.at(-1)!.id;
  }
  return counts;
}

export async function reencryptFields({
  keyring = fieldKeyring(),
  batchSize = 200,
}: { keyring?: FieldKeyring; batchSize?: number } = {}): Promise<ReencryptReport> {
  const prefix = `v1:${keyring.current.id}:`;
  const report: ReencryptReport = {};
  for (const name of ENCRYPTED_COLUMN_NAMES) {
    const counts = { rewritten: 0, unreadable: 0 };
    let after = "";
    for (;;) {
      const batch = await findStale(name, { after, prefix, take: batchSize });
      if (batch.length === 0) break;
      for (const stale of batch) {
        const context = encryptedColumnContext(name, stale.userId, stale.row);
        try {
          const plain = decryptField(stale.value, context, keyring);
          counts.rewritten += await replaceValue(name, {
            id: stale.id,
            old: stale.value,
            fresh: encryptField(plain, context, keyring),
          });
        } catch (error) {
          if (!(error instanceof FieldDecryptionError)) throw error;
          counts.unreadable++;
        }
      }
      after = batch.at(-1)!.id;
    }
    report[name] = counts;
  }
  report[OUTBOX_REPORT_NAME] = await reencryptOutbox(keyring, { prefix, batchSize });
  return report;
}
