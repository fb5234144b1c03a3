"use server";

import { notFound, runAction } from "@/lib/actions/action-pipeline";
import { type FormState } from "@/lib/actions/form-state";
import { removeTrackerRow, savedOnProgress } from "@/lib/actions/tracker-rows";
import { deleteTextPauseDraft, endTextPause, startTextPause } from "@/lib/data/text-pauses";
import { getTrackerSettings } from "@/lib/data/tracker-settings";
import { todayIn } from "@/lib/tracker/calendar-day";
import { PAUSE_ENDINGS } from "@/lib/tracker/pause";
import { endTextPauseSchema, startTextPauseSchema } from "@/lib/validations/text-pause";

export async function beginTextPause(_prev: FormState, formData: FormData): Promise<FormState> {
  return runAction(formData, {
    name: "beginTextPause",
    schema: startTextPauseSchema,
    async work({ user, input }) {
      const { timeZone } = await getTrackerSettings({ userId: user.id });
      await startTextPause({ userId: user.id, day: todayIn(timeZone), ...input });
      return savedOnProgress("Saved here, not sent. Now take a minute.");
    },
  });
}

export async function finishTextPause(_prev: FormState, formData: FormData): Promise<FormState> {
  return runAction(formData, {
    name: "finishTextPause",
    schema: endTextPauseSchema,
    invalid: "not-found",
    async work({ user, input }) {
      const ended = await endTextPause({ userId: user.id, ...input });
      return ended ? savedOnProgress(PAUSE_ENDINGS[input.outcome]) : notFound();
    },
  });
}

export async function removeTextPauseDraft(
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  return removeTrackerRow("removeTextPauseDraft", deleteTextPauseDraft, formData);
}
