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
};

const DEFAULTS: TrackerSettingsView = {
  timeZone: "UTC",
  configured: false,
  breakupDate: null,
  valentinesOfferAnswered: false,
};

export async function getTrackerSettings({ userId }: { userId: string }) {
  const row = await db.trackerSettings.findUnique({
    where: { userId },
    select: { timeZone: true, breakupDate: true, valentinesOfferAnswered: true },
  });
  if (!row) return DEFAULTS;
  return {
    timeZone: row.timeZone,
    configured: true,
    breakupDate: row.breakupDate ? dateToDay(row.breakupDate) : null,
    valentinesOfferAnswered: row.valentinesOfferAnswered,
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
  await db.trackerSettings.upsert({
    where: { userId },
    create: { userId, ...values },
    update: values,
    select: { userId: true },
  });
  // A new zone moves every reminder's instant.
  await resyncRemindersNow({ userId });
}
