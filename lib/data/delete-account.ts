import "server-only";
import { db } from "@/lib/db";
import { COUNSELING_DATA_ERASERS } from "@/lib/data/counseling-erasers";
import type { DeletedUser, UserDataEraser } from "@/lib/data/user-data-eraser";

// Deleting an account removes every row that belongs to the person, in every
// table, in one transaction: their sessions, linked accounts, pending magic
// links, all mail to or about them (queued, sent or kept in the development
// mailbox), and the user row itself.
//
// HOW TO EXTEND (every new model holding a person's data must do this):
//   1. Add an eraser to USER_DATA_ERASERS below that deletes (or, for shared
//      rows such as a partner link, unlinks) the rows of `user`. Foreign keys
//      with ON DELETE CASCADE to "User" help, but write the eraser anyway: rows
//      keyed by email address (e.g. an invitation to someone) have no foreign key.
//   2. Teach tests/support/user-data.ts to seed a row of the new table for a
//      user. tests/integration/delete-account.test.ts lists every table in the
//      database (information_schema) and fails for any table it cannot seed, and
//      for any table that still holds the deleted user's id or email afterwards.

export const USER_DATA_ERASERS: Record<string, UserDataEraser> = {
  // Mail about them (userId) or to them (address), whatever its status.
  OutboxMessage: (tx, user) =>
    tx.outboxMessage.deleteMany({ where: { OR: [{ userId: user.id }, { to: user.email }] } }),
  DevMailboxMessage: (tx, user) => tx.devMailboxMessage.deleteMany({ where: { to: user.email } }),
  VerificationToken: (tx, user) =>
    tx.verificationToken.deleteMany({ where: { identifier: user.email } }),
  Session: (tx, user) => tx.session.deleteMany({ where: { userId: user.id } }),
  Account: (tx, user) => tx.account.deleteMany({ where: { userId: user.id } }),
  // The private tracker: every table is keyed by the owner's id (and cascades too).
  TrackerSettings: (tx, user) => tx.trackerSettings.deleteMany({ where: { userId: user.id } }),
  CheckIn: (tx, user) => tx.checkIn.deleteMany({ where: { userId: user.id } }),
  Slip: (tx, user) => tx.slip.deleteMany({ where: { userId: user.id } }),
  Memory: (tx, user) => tx.memory.deleteMany({ where: { userId: user.id } }),
  Goal: (tx, user) => tx.goal.deleteMany({ where: { userId: user.id } }),
  Activity: (tx, user) => tx.activity.deleteMany({ where: { userId: user.id } }),
  ReachOut: (tx, user) => tx.reachOut.deleteMany({ where: { userId: user.id } }),
  HardDate: (tx, user) => tx.hardDate.deleteMany({ where: { userId: user.id } }),
  // Removed rows still open to Undo: their copies go too.
  PendingRemoval: (tx, user) => tx.pendingRemoval.deleteMany({ where: { userId: user.id } }),
  TextPause: (tx, user) => tx.textPause.deleteMany({ where: { userId: user.id } }),
  ReminderSettings: (tx, user) => tx.reminderSettings.deleteMany({ where: { userId: user.id } }),
  Reminder: (tx, user) => tx.reminder.deleteMany({ where: { userId: user.id } }),
  ReminderStopToken: (tx, user) => tx.reminderStopToken.deleteMany({ where: { userId: user.id } }),
  ...COUNSELING_DATA_ERASERS,
  // Last: the user row itself.
  User: (tx, user) => tx.user.deleteMany({ where: { id: user.id } }),
};

/** Deletes the account and everything of theirs. Returns false when there was no such user. */
export async function deleteAccount({ userId }: { userId: string }): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { id: true, email: true },
    });
    if (!user) return false;
    const target: DeletedUser = { id: user.id, email: user.email ?? "" };
    const erasers = Object.entries(USER_DATA_ERASERS);
    // "User" goes last whatever the order of the record.
    erasers.sort(([a], [b]) => Number(a === "User") - Number(b === "User"));
    for (const [, erase] of erasers) await erase(tx, target);
    return true;
  });
}
