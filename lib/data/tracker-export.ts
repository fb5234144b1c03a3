import "server-only";
import { db } from "@/lib/db";
import { activityFields } from "@/lib/data/activities";
import { checkInFields } from "@/lib/data/check-ins";
import { goalFields } from "@/lib/data/goals";
import { decryptHardDate } from "@/lib/data/hard-dates";
import { memoryFields } from "@/lib/data/memories";
import { reachOutFields } from "@/lib/data/reach-outs";
import { exportReminderSettings } from "@/lib/data/reminders";
import { listTextPauses } from "@/lib/data/text-pauses";
import { getTrackerSettings } from "@/lib/data/tracker-settings";
import { dateToDay, dayToDate, unseal, unsealOptional } from "@/lib/data/tracker-records";
import { exportCounselingData } from "@/lib/data/counseling-export";
import {
  checkInsCsvHead,
  checkInsCsvLines,
  EXPORT_FORMAT_VERSION,
} from "@/lib/tracker/export-files";
import { jsonObjectPieces } from "@/lib/tracker/json-stream";

// Everything the tracker holds for one user, decrypted, for their own export
// (GDPR art. 20). Internal ids and request keys stay out: they mean nothing
// outside Heartwork. Every query is scoped by the user's id.
//
// The lists are read in keyset pages (issue 13 item 7): the export route
// streams each page as it arrives, so a long history never sits in memory
// whole. Each page continues after the last row of the one before (its sort
// key, then its id), so a row added or removed meanwhile never shifts a page.

/** Rows a page holds: small enough to keep memory flat, large enough that round trips stay few. */
export const EXPORT_PAGE_SIZE = 500;

export type ExportPaging = {
  pageSize?: number;
  /** Told after each page is read (tests prove the export streams). */
  onPage?: (list: string, rows: number) => void;
};

/**
 * The rows after `last` in the order of `keys` (the last key unique for the
 * user): the row comparison (a, b) > (x, y) spelled out for Prisma.
 */
function after(keys: readonly string[], last: Record<string, unknown> | undefined): object {
  if (!last) return {};
  return {
    OR: keys.map((key, i) => ({
      ...Object.fromEntries(keys.slice(0, i).map((k) => [k, last[k]])),
      [key]: { gt: last[key] },
    })),
  };
}

/**
 * One list, page by page, in the order of `keys`: `read` gets the condition
 * "after the previous page's last row" and how many rows to take.
 */
async function* pagesOf<Row extends Record<string, unknown>, Out>(
  list: string,
  { pageSize = EXPORT_PAGE_SIZE, onPage }: ExportPaging,
  keys: readonly string[],
  read: (afterLast: object, take: number) => Promise<Row[]>,
  map: (row: Row) => Out,
): AsyncGenerator<Out[]> {
  let last: Row | undefined;
  for (;;) {
    const rows = await read(after(keys, last), pageSize);
    onPage?.(list, rows.length);
    if (rows.length > 0) yield rows.map(map);
    if (rows.length < pageSize) return;
    last = rows.at(-1);
  }
}

/** Every list of the tracker export, each as pages; nothing is read until a list is iterated. */
export function trackerExportPages({ userId, ...paging }: { userId: string } & ExportPaging) {
  const byCreation = ["createdAt", "id"];
  const byDay = ["day", "createdAt", "id"];
  return {
    checkIns: pagesOf(
      "checkIns",
      paging,
      ["day"],
      (afterLast, take) =>
        db.checkIn.findMany({
          where: { userId, ...afterLast },
          orderBy: { day: "asc" },
          select: {
            day: true,
            mood: true,
            missing: true,
            contact: true,
            note: true,
            createdAt: true,
            updatedAt: true,
          },
          take,
        }),
      (row) => {
        const day = dateToDay(row.day);
        return {
          day,
          mood: row.mood,
          missing: row.missing,
          contact: row.contact,
          note: unsealOptional(row.note, checkInFields.noteField(userId, day)),
          createdAt: row.createdAt.toISOString(),
          updatedAt: row.updatedAt.toISOString(),
        };
      },
    ),
    slips: pagesOf(
      "slips",
      paging,
      ["day"],
      (afterLast, take) =>
        db.slip.findMany({
          where: { userId, ...afterLast },
          orderBy: { day: "asc" },
          select: { day: true, trigger: true },
          take,
        }),
      slipOut(userId),
    ),
    memories: pagesOf(
      "memories",
      paging,
      byCreation,
      (afterLast, take) =>
        db.memory.findMany({
          where: { userId, ...afterLast },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          select: { id: true, kind: true, text: true, createdAt: true },
          take,
        }),
      (row) => ({
        kind: row.kind,
        text: unseal(row.text, memoryFields.textField(userId, row.id)),
        createdAt: row.createdAt.toISOString(),
      }),
    ),
    goals: pagesOf(
      "goals",
      paging,
      byCreation,
      (afterLast, take) =>
        db.goal.findMany({
          where: { userId, ...afterLast },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          select: {
            id: true,
            title: true,
            note: true,
            targetDate: true,
            doneAt: true,
            createdAt: true,
          },
          take,
        }),
      (row) => ({
        title: unseal(row.title, goalFields.titleField(userId, row.id)),
        note: unsealOptional(row.note, goalFields.noteField(userId, row.id)),
        targetDate: row.targetDate ? dateToDay(row.targetDate) : null,
        doneAt: row.doneAt?.toISOString() ?? null,
        createdAt: row.createdAt.toISOString(),
      }),
    ),
    activities: pagesOf(
      "activities",
      paging,
      byDay,
      (afterLast, take) =>
        db.activity.findMany({
          where: { userId, ...afterLast },
          orderBy: [{ day: "asc" }, { createdAt: "asc" }, { id: "asc" }],
          select: { id: true, title: true, day: true, createdAt: true },
          take,
        }),
      (row) => ({
        title: unseal(row.title, activityFields.titleField(userId, row.id)),
        day: dateToDay(row.day),
        createdAt: row.createdAt.toISOString(),
      }),
    ),
    reachOuts: pagesOf(
      "reachOuts",
      paging,
      byDay,
      (afterLast, take) =>
        db.reachOut.findMany({
          where: { userId, ...afterLast },
          orderBy: [{ day: "asc" }, { createdAt: "asc" }, { id: "asc" }],
          select: { id: true, who: true, day: true, feeling: true, note: true, createdAt: true },
          take,
        }),
      (row) => ({
        who: unseal(row.who, reachOutFields.whoField(userId, row.id)),
        day: dateToDay(row.day),
        feeling: row.feeling,
        note: unsealOptional(row.note, reachOutFields.noteField(userId, row.id)),
        createdAt: row.createdAt.toISOString(),
      }),
    ),
    hardDates: pagesOf(
      "hardDates",
      paging,
      ["month", "day", "id"],
      (afterLast, take) =>
        db.hardDate.findMany({
          where: { userId, ...afterLast },
          orderBy: [{ month: "asc" }, { day: "asc" }, { id: "asc" }],
          select: { id: true, label: true, month: true, day: true, plan: true },
          take,
        }),
      (row) => {
        const { label, month, day, plan } = decryptHardDate(userId, row);
        return { label, month, day, plan };
      },
    ),
  };
}

/** The "I want to text them" pauses, as the person wrote them (few: one per pause taken). */
async function exportTextPauses({ userId }: { userId: string }) {
  return (await listTextPauses({ userId })).map((pause) => ({
    day: pause.day,
    message: pause.draft,
    trigger: pause.trigger,
    outcome: pause.outcome,
    createdAt: pause.createdAt.toISOString(),
  }));
}

function slipOut(userId: string) {
  return (row: { day: Date; trigger: string | null }) => {
    const day = dateToDay(row.day);
    return { day, trigger: unsealOptional(row.trigger, checkInFields.triggerField(userId, day)) };
  };
}

export async function trackerExportSettings({ userId }: { userId: string }) {
  const settings = await getTrackerSettings({ userId });
  return {
    timeZone: settings.timeZone,
    breakupDate: settings.breakupDate,
    welcomed: settings.welcomed,
    remindersWanted: settings.remindersWanted,
  };
}

type TrackerLists = ReturnType<typeof trackerExportPages>;
type ListItem<L extends keyof TrackerLists> =
  TrackerLists[L] extends AsyncGenerator<(infer Item)[]> ? Item : never;

async function collect<Item>(pages: AsyncIterable<Item[]>): Promise<Item[]> {
  const items: Item[] = [];
  for await (const page of pages) items.push(...page);
  return items;
}

/** The whole export as one object (tests, small callers); the route streams the same pages instead. */
export async function exportTrackerData({ userId, ...paging }: { userId: string } & ExportPaging) {
  const lists = trackerExportPages({ userId, ...paging });
  const [
    settings,
    checkIns,
    slips,
    memories,
    goals,
    activities,
    reachOuts,
    hardDates,
    reminders,
    textPauses,
  ] = await Promise.all([
    trackerExportSettings({ userId }),
    collect(lists.checkIns),
    collect(lists.slips),
    collect(lists.memories),
    collect(lists.goals),
    collect(lists.activities),
    collect(lists.reachOuts),
    collect(lists.hardDates),
    exportReminderSettings({ userId }),
    exportTextPauses({ userId }),
  ]);
  return {
    settings,
    checkIns,
    slips,
    memories,
    goals,
    activities,
    reachOuts,
    hardDates,
    reminders,
    textPauses,
  };
}

export type TrackerExport = Awaited<ReturnType<typeof exportTrackerData>>;
export type TrackerExportCheckIn = ListItem<"checkIns">;

/**
 * The check-ins CSV a page at a time: each page of check-ins with the slips of
 * its own days (a slip's day is a check-in's day).
 */
export async function* trackerExportCsv({
  userId,
  ...paging
}: { userId: string } & ExportPaging): AsyncGenerator<string> {
  yield checkInsCsvHead();
  for await (const page of trackerExportPages({ userId, ...paging }).checkIns) {
    const slips = await db.slip.findMany({
      where: { userId, day: { in: page.map((row) => dayToDate(row.day)) } },
      select: { day: true, trigger: true },
    });
    const triggers = new Map(slips.map(slipOut(userId)).map((s) => [s.day, s.trigger]));
    yield checkInsCsvLines(page, triggers);
  }
}

/**
 * The JSON export, piece by piece: the same bytes as JSON.stringify of the
 * whole document with 2-space indentation, each list streamed in pages and the
 * counseling part read when the writer reaches it.
 */
export function trackerExportJson({
  userId,
  account,
  settings,
  exportedAt,
  ...paging
}: {
  userId: string;
  account: { email: string; name: string | null };
  settings: Awaited<ReturnType<typeof trackerExportSettings>>;
  exportedAt: string;
} & ExportPaging): AsyncGenerator<string> {
  const lists = trackerExportPages({ userId, ...paging });
  return jsonObjectPieces([
    ["format", { value: "heartwork-tracker-export" }],
    ["version", { value: EXPORT_FORMAT_VERSION }],
    ["exportedAt", { value: exportedAt }],
    ["account", { value: account }],
    ["settings", { value: settings }],
    ["checkIns", { pages: lists.checkIns }],
    ["slips", { pages: lists.slips }],
    ["memories", { pages: lists.memories }],
    ["goals", { pages: lists.goals }],
    ["activities", { pages: lists.activities }],
    ["reachOuts", { pages: lists.reachOuts }],
    ["hardDates", { pages: lists.hardDates }],
    ["reminders", { later: () => exportReminderSettings({ userId }) }],
    ["textPauses", { later: () => exportTextPauses({ userId }) }],
    ["counseling", { later: () => exportCounselingData({ userId }) }],
  ]);
}
