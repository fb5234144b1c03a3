import "server-only";
import { db } from "@/lib/db";
import {
  decryptField,
  encryptField,
  FieldDecryptionError,
  type FieldContext,
} from "@/lib/crypto/field-encryption";
import { fieldKeyring, type FieldKeyring } from "@/lib/crypto/field-keys";
import { dateToDay } from "@/lib/tracker/calendar-day";

// Key rotation, step 2: rewrites every encrypted value that is not under the
// current key, so an old key can then be removed from FIELD_ENCRYPTION_KEYS.
// Each column knows how to find its stale values (keyset-paged by id) and how
// to write one back only if nobody changed it meanwhile. Values that fail to
// decrypt are counted and left alone, never overwritten.

type Stale = { id: string; userId: string; row: string; value: string };

type EncryptedColumn = {
  field: string;
  find(after: string, stalePrefix: string, take: number): Promise<Stale[]>;
  replace(id: string, old: string, fresh: string): Promise<number>;
};

// NOT LIKE is never true for NULL, so empty optional columns are skipped too.
const notCurrent = (prefix: string) => ({ not: { startsWith: prefix } });
const byId = (after: string) => ({ id: { gt: after } });

function column<R extends { id: string; userId: string }>(
  field: string,
  find: (after: string, prefix: string, take: number) => Promise<R[]>,
  pick: (row: R) => { row: string; value: string | null },
  replace: EncryptedColumn["replace"],
): EncryptedColumn {
  return {
    field,
    async find(after, prefix, take) {
      return (await find(after, prefix, take)).flatMap((r) => {
        const { row, value } = pick(r);
        return value === null ? [] : [{ id: r.id, userId: r.userId, row, value }];
      });
    },
    replace,
  };
}

const page = { orderBy: { id: "asc" as const } };

/** Every encrypted column. A new one (the referral intake, say) must be added here. */
export const ENCRYPTED_COLUMNS: EncryptedColumn[] = [
  column(
    "CheckIn.note",
    (after, prefix, take) =>
      db.checkIn.findMany({
        where: { ...byId(after), note: notCurrent(prefix) },
        select: { id: true, userId: true, day: true, note: true },
        take,
        ...page,
      }),
    (r) => ({ row: dateToDay(r.day), value: r.note }),
    async (id, old, fresh) =>
      (await db.checkIn.updateMany({ where: { id, note: old }, data: { note: fresh } })).count,
  ),
  column(
    "Slip.trigger",
    (after, prefix, take) =>
      db.slip.findMany({
        where: { ...byId(after), trigger: notCurrent(prefix) },
        select: { id: true, userId: true, day: true, trigger: true },
        take,
        ...page,
      }),
    (r) => ({ row: dateToDay(r.day), value: r.trigger }),
    async (id, old, fresh) =>
      (await db.slip.updateMany({ where: { id, trigger: old }, data: { trigger: fresh } })).count,
  ),
  column(
    "Memory.text",
    (after, prefix, take) =>
      db.memory.findMany({
        where: { ...byId(after), text: notCurrent(prefix) },
        select: { id: true, userId: true, text: true },
        take,
        ...page,
      }),
    (r) => ({ row: r.id, value: r.text }),
    async (id, old, fresh) =>
      (await db.memory.updateMany({ where: { id, text: old }, data: { text: fresh } })).count,
  ),
  column(
    "Goal.title",
    (after, prefix, take) =>
      db.goal.findMany({
        where: { ...byId(after), title: notCurrent(prefix) },
        select: { id: true, userId: true, title: true },
        take,
        ...page,
      }),
    (r) => ({ row: r.id, value: r.title }),
    async (id, old, fresh) =>
      (await db.goal.updateMany({ where: { id, title: old }, data: { title: fresh } })).count,
  ),
  column(
    "Goal.note",
    (after, prefix, take) =>
      db.goal.findMany({
        where: { ...byId(after), note: notCurrent(prefix) },
        select: { id: true, userId: true, note: true },
        take,
        ...page,
      }),
    (r) => ({ row: r.id, value: r.note }),
    async (id, old, fresh) =>
      (await db.goal.updateMany({ where: { id, note: old }, data: { note: fresh } })).count,
  ),
  column(
    "Activity.title",
    (after, prefix, take) =>
      db.activity.findMany({
        where: { ...byId(after), title: notCurrent(prefix) },
        select: { id: true, userId: true, title: true },
        take,
        ...page,
      }),
    (r) => ({ row: r.id, value: r.title }),
    async (id, old, fresh) =>
      (await db.activity.updateMany({ where: { id, title: old }, data: { title: fresh } })).count,
  ),
  column(
    "ReachOut.who",
    (after, prefix, take) =>
      db.reachOut.findMany({
        where: { ...byId(after), who: notCurrent(prefix) },
        select: { id: true, userId: true, who: true },
        take,
        ...page,
      }),
    (r) => ({ row: r.id, value: r.who }),
    async (id, old, fresh) =>
      (await db.reachOut.updateMany({ where: { id, who: old }, data: { who: fresh } })).count,
  ),
  column(
    "ReachOut.note",
    (after, prefix, take) =>
      db.reachOut.findMany({
        where: { ...byId(after), note: notCurrent(prefix) },
        select: { id: true, userId: true, note: true },
        take,
        ...page,
      }),
    (r) => ({ row: r.id, value: r.note }),
    async (id, old, fresh) =>
      (await db.reachOut.updateMany({ where: { id, note: old }, data: { note: fresh } })).count,
  ),
  column(
    "HardDate.label",
    (after, prefix, take) =>
      db.hardDate.findMany({
        where: { ...byId(after), label: notCurrent(prefix) },
        select: { id: true, userId: true, label: true },
        take,
        ...page,
      }),
    (r) => ({ row: r.id, value: r.label }),
    async (id, old, fresh) =>
      (await db.hardDate.updateMany({ where: { id, label: old }, data: { label: fresh } })).count,
  ),
  column(
    "HardDate.plan",
    (after, prefix, take) =>
      db.hardDate.findMany({
        where: { ...byId(after), plan: notCurrent(prefix) },
        select: { id: true, userId: true, plan: true },
        take,
        ...page,
      }),
    (r) => ({ row: r.id, value: r.plan }),
    async (id, old, fresh) =>
      (await db.hardDate.updateMany({ where: { id, plan: old }, data: { plan: fresh } })).count,
  ),
];

export type ReencryptReport = Record<string, { rewritten: number; unreadable: number }>;

export async function reencryptFields({
  keyring = fieldKeyring(),
  batchSize = 200,
}: { keyring?: FieldKeyring; batchSize?: number } = {}): Promise<ReencryptReport> {
  const prefix = `v1:${keyring.current.id}:`;
  const report: ReencryptReport = {};
  for (const col of ENCRYPTED_COLUMNS) {
    const counts = { rewritten: 0, unreadable: 0 };
    let after = "";
    for (;;) {
      const batch = await col.find(after, prefix, batchSize);
      if (batch.length === 0) break;
      for (const stale of batch) {
        const context: FieldContext = { userId: stale.userId, field: col.field, row: stale.row };
        try {
          const plain = decryptField(stale.value, context, keyring);
          counts.rewritten += await col.replace(
            stale.id,
            stale.value,
            encryptField(plain, context, keyring),
          );
        } catch (error) {
          if (!(error instanceof FieldDecryptionError)) throw error;
          counts.unreadable++;
        }
      }
      after = batch.at(-1)!.id;
    }
    report[col.field] = counts;
  }
  return report;
}
