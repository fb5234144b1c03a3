import "server-only";
import { db } from "@/lib/db";
import { resyncRemindersNow } from "@/lib/data/reminders";
import { dateToDay, dayToDate, type CalendarDay } from "@/lib/data/tracker-records";

export type TrackerSettingsView = {
  timeZone: string;
  /** False until the user saved their settings once (the time zone is then a guess: UTC). */
  configured: boolean;
  breakupDate: CalendarDay | null;
  valentinesOfferAnswered: boolean;
  /** False until the first-visit welcome was finished or skipped. */
  welcomed: boolean;
  /** The welcome's offer of reminders: true "yes", false "not now", null unanswered. */
  remindersWanted: boolean | null;
};

const DEFAULTS: TrackerSettingsView = {
  timeZone: "UTC",
  configured: false,
  breakupDate: null,
  valentinesOfferAnswered: false,
  welcomed: false,
  remindersWanted: null,
};

export async function getTrackerSettings({ userId }: { userId: string }) {
  const row = await db.trackerSettings.findUnique({
    where: { userId },
    select: {
      timeZone: true,
      breakupDate: true,
      valentinesOfferAnswered: true,
      welcomedAt: true,
      remindersWanted: true,
    },
  });
  if (!row) return DEFAULTS;
  return {
    timeZone: row.timeZone,
    configured: true,
    breakupDate: row.breakupDate ? dateToDay(row.breakupDate) : null,
    valentinesOfferAnswered: row.valentinesOfferAnswered,
    welcomed: row.welcomedAt !== null,
    remindersWanted: row.remindersWanted,
  } satisfies TrackerSettingsView;
}

export async function saveTrackerSettings({
  userId,
  timeZone,
  breakupDate,
}: {
  userId: string;
  timeZone: string;
  breakupDate: CalendarDay | undefined;
}): Promise<void> {
  const values = { timeZone, breakupDate: breakupDate ? dayToDate(breakupDate) : null };
  // Saving the settings answers what the welcome would ask: no welcome after it.
  await db.trackerSettings.upsert({
    where: { userId },
    create: { userId, ...values, welcomedAt: new Date() },
    update: values,
    select: { userId: true },
  });
}

/** One answer of the welcome: only the fields given change; `finished` ends the welcome. */
export async function saveWelcomeAnswer({
  userId,
  finished,
  ...answer
}: {
  userId: string;
  finished: boolean;
  timeZone?: string;
  breakupDate?: CalendarDay | null;
  remindersWanted?: boolean;
}): Promise<void> {
  const values = {
    ...(answer.timeZone !== undefined && { timeZone: answer.timeZone }),
    ...(answer.breakupDate !== undefined && {
      breakupDate: answer.breakupDate ? dayToDate(answer.breakupDate) : null,
    }),
    ...(answer.remindersWanted !== undefined && { remindersWanted: answer.remindersWanted }),
    ...(finished && { welcomedAt: new Date() }),
  };
  await db.trackerSettings.upsert({
    where: { userId },
    create: { userId, ...values },
    update: values,
    select: { userId: true },
  });
  // A new zone moves every reminder's instant.
  await resyncRemindersNow({ userId });
}
