"use server";

import { notFound, defineAction } from "@/lib/actions/action-pipeline";
import { removeTrackerRow, savedOnProgress } from "@/lib/actions/tracker-rows";
import { deleteTextPauseDraft, endTextPause, startTextPause } from "@/lib/data/text-pauses";
import { getTrackerSettings } from "@/lib/data/tracker-settings";
import { todayIn } from "@/lib/tracker/calendar-day";
import { PAUSE_ENDINGS } from "@/lib/tracker/pause";
import { endTextPauseSchema, startTextPauseSchema } from "@/lib/validations/text-pause";

export const beginTextPause = defineAction("beginTextPause", {
  schema: startTextPauseSchema,
  async work({ user, input }) {
    const { timeZone } = await getTrackerSettings({ userId: user.id });
    await startTextPause({ userId: user.id, day: todayIn(timeZone), ...input });
    return savedOnProgress("Saved here, not sent. Now take a minute.");
  },
});

export const finishTextPause = defineAction("finishTextPause", {
  schema: endTextPauseSchema,
  invalid: "not-found",
  async work({ user, input }) {
    const ended = await endTextPause({ userId: user.id, ...input });
    return ended ? savedOnProgress(PAUSE_ENDINGS[input.outcome]) : notFound();
  },
});

export const removeTextPauseDraft = removeTrackerRow("removeTextPauseDraft", deleteTextPauseDraft);
