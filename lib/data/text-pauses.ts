import "server-only";
import { db } from "@/lib/db";
import { encryptedColumnContext } from "@/lib/crypto/encrypted-columns";
import {
  createOnce,
  dateToDay,
  dayToDate,
  newRowId,
  sealOptional,
  unsealOptional,
  type CalendarDay,
} from "@/lib/data/tracker-records";
import { ENDING_SHOWN_MS, type PauseOutcome } from "@/lib/tracker/pause";

// "I want to text them" pauses. The draft is the message the person wrote here
// instead of sending it: ciphertext at rest, shown only to them, never sent
// anywhere, deletable on its own (the pause still counts). A pause that ended
// in anything but a slip counts in the no-contact summary.

const draftField = (userId: string, id: string) =>
  encryptedColumnContext("TextPause.draft", userId, id);
const triggerField = (userId: string, id: string) =>
  encryptedColumnContext("TextPause.trigger", userId, id);

/** Outcomes that kept the person from contacting them. */
export const PAUSE_OUTCOMES_WITHOUT_CONTACT: readonly PauseOutcome[] = [
  "REACHED_OUT",
  "KEPT_DRAFT",
];

export async function startTextPause({
  userId,
  day,
  draft,
  trigger,
  requestKey,
}: {
  userId: string;
  day: CalendarDay;
  draft?: string;
  trigger?: string;
  requestKey: string;
}) {
  const id = newRowId();
  return createOnce(() =>
    db.textPause.create({
      data: {
        id,
        userId,
        day: dayToDate(day),
        draft: sealOptional(draft, draftField(userId, id)),
        trigger: sealOptional(trigger, triggerField(userId, id)),
        requestKey,
      },
      select: { id: true },
    }),
  );
}

const pauseSelect = {
  id: true,
  day: true,
  draft: true,
  trigger: true,
  outcome: true,
  createdAt: true,
} as const;

function openPause(
  userId: string,
  row: {
    id: string;
    day: Date;
    draft: string | null;
    trigger: string | null;
    outcome: PauseOutcome | null;
    createdAt: Date;
  },
) {
  return {
    id: row.id,
    day: dateToDay(row.day),
    draft: unsealOptional(row.draft, draftField(userId, row.id)),
    trigger: unsealOptional(row.trigger, triggerField(userId, row.id)),
    outcome: row.outcome,
    createdAt: row.createdAt,
  };
}

export type TextPauseView = ReturnType<typeof openPause>;

/** The pause still going (no choice made yet), begun in the last day. */
export async function getOpenTextPause({ userId }: { userId: string }) {
  const row = await db.textPause.findFirst({
    where: { userId, outcome: null, createdAt: { gte: new Date(Date.now() - 86_400_000) } },
    orderBy: { createdAt: "desc" },
    select: pauseSelect,
  });
  return row && openPause(userId, row);
}

/** The pause that ended in the last half hour, to say what was chosen and what next. */
export async function getJustEndedTextPause({ userId }: { userId: string }) {
  const row = await db.textPause.findFirst({
    where: {
      userId,
      outcome: { not: null },
      updatedAt: { gte: new Date(Date.now() - ENDING_SHOWN_MS) },
    },
    orderBy: { updatedAt: "desc" },
    select: pauseSelect,
  });
  return row && openPause(userId, row);
}

/** Ends this person's open pause with their choice; another person's id changes nothing. */
export async function endTextPause({
  userId,
  id,
  outcome,
}: {
  userId: string;
  id: string;
  outcome: PauseOutcome;
}): Promise<boolean> {
  const { count } = await db.textPause.updateMany({
    where: { id, userId, outcome: null },
    data: { outcome },
  });
  return count > 0;
}

/** Drafts kept for later, newest first. */
export async function listKeptDrafts({ userId }: { userId: string }) {
  const rows = await db.textPause.findMany({
    where: { userId, draft: { not: null }, outcome: { not: null } },
    orderBy: { createdAt: "desc" },
    select: pauseSelect,
    take: 50,
  });
  return rows.map((row) => openPause(userId, row));
}

/** Deletes the draft's text (the pause itself still counts). */
export async function deleteTextPauseDraft({ userId, id }: { userId: string; id: string }) {
  const { count } = await db.textPause.updateMany({
    where: { id, userId, draft: { not: null } },
    data: { draft: null },
  });
  return count > 0;
}

/** Every pause, for the export. */
export async function listTextPauses({ userId }: { userId: string }) {
  const rows = await db.textPause.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: pauseSelect,
  });
  return rows.map((row) => openPause(userId, row));
}

export const textPauseFields = { draftField, triggerField };
