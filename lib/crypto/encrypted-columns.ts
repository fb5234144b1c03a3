import type { FieldContext } from "@/lib/crypto/field-encryption";

// Every database column that holds ciphertext, in one place. Sealing names its
// column here (encryptedColumnContext), key rotation (lib/data/reencrypt-fields.ts)
// rewrites exactly these columns, and the privacy tests check that the columns
// classified "ciphertext" are these. A column sealed but not listed here would
// not type-check; one listed but skipped by rotation cannot exist, because
// rotation has no list of its own. (Rotation once listed only the tracker's 10
// columns: after it said older keys could go, counseling notes, phone numbers
// and invitation messages became unreadable.)
//
// Each value is bound to its owner, its column and its row (field-encryption.ts):
// `owner` is the column holding the owner's user id, `row` what identifies the
// row in the binding — its id, or, for the one-a-day tracker rows, the calendar day.

export type EncryptedColumn = {
  table: string;
  column: string;
  /**
   * Where the owner's user id lives: a column of the row itself, or (for a
   * thread's messages, whose author may be a counselor) the owner of the
   * referral the row belongs to.
   */
  owner: "userId" | "inviterId" | { via: "referralId"; table: "CounselingReferral" };
  /** The binding's row: the id, the calendar day, or "referralId:id" for a thread's messages. */
  row: "id" | "day" | "referral-and-id";
};

export const ENCRYPTED_COLUMNS = {
  "CheckIn.note": { table: "CheckIn", column: "note", owner: "userId", row: "day" },
  "Slip.trigger": { table: "Slip", column: "trigger", owner: "userId", row: "day" },
  "Memory.text": { table: "Memory", column: "text", owner: "userId", row: "id" },
  "Goal.title": { table: "Goal", column: "title", owner: "userId", row: "id" },
  "Goal.note": { table: "Goal", column: "note", owner: "userId", row: "id" },
  "Activity.title": { table: "Activity", column: "title", owner: "userId", row: "id" },
  "ReachOut.who": { table: "ReachOut", column: "who", owner: "userId", row: "id" },
  "ReachOut.note": { table: "ReachOut", column: "note", owner: "userId", row: "id" },
  "HardDate.label": { table: "HardDate", column: "label", owner: "userId", row: "id" },
  "HardDate.plan": { table: "HardDate", column: "plan", owner: "userId", row: "id" },
  "TextPause.draft": { table: "TextPause", column: "draft", owner: "userId", row: "id" },
  "TextPause.trigger": { table: "TextPause", column: "trigger", owner: "userId", row: "id" },
  "CounselingReferral.note": {
    table: "CounselingReferral",
    column: "note",
    owner: "userId",
    row: "id",
  },
  "CounselingReferral.phone": {
    table: "CounselingReferral",
    column: "phone",
    owner: "userId",
    row: "id",
  },
  "PartnerInvitation.message": {
    table: "PartnerInvitation",
    column: "message",
    owner: "inviterId",
    row: "id",
  },
  "PartnerInvitation.declineNote": {
    table: "PartnerInvitation",
    column: "declineNote",
    owner: "inviterId",
    row: "id",
  },
  "CounselingReferral.closeResources": {
    table: "CounselingReferral",
    column: "closeResources",
    owner: "userId",
    row: "id",
  },
  "CounselingMessage.text": {
    table: "CounselingMessage",
    column: "text",
    owner: { via: "referralId", table: "CounselingReferral" },
    row: "referral-and-id",
  },
  "OfferedTime.joinDetail": {
    table: "OfferedTime",
    column: "joinDetail",
    owner: { via: "referralId", table: "CounselingReferral" },
    row: "referral-and-id",
  },
} as const satisfies Record<string, EncryptedColumn>;

export type EncryptedColumnName = keyof typeof ENCRYPTED_COLUMNS;

export const ENCRYPTED_COLUMN_NAMES = Object.keys(ENCRYPTED_COLUMNS) as EncryptedColumnName[];

/**
 * The binding of one value: `row` is the row's id, its calendar day for CheckIn
 * and Slip, or "referralId:messageId" for a thread's message.
 */
export function encryptedColumnContext(
  name: EncryptedColumnName,
  userId: string,
  row: string,
): FieldContext {
  return { userId, field: name, row };
}
