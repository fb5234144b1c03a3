"use server";

import { runAction } from "@/lib/actions/action-pipeline";
import { type FormState } from "@/lib/actions/form-state";
import { savedOnProgress } from "@/lib/actions/tracker-rows";
import { saveTrackerSettings } from "@/lib/data/tracker-settings";
import { trackerSettingsSchema } from "@/lib/validations/tracker-settings";

export async function updateTrackerSettings(
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  return runAction(formData, {
    name: "updateTrackerSettings",
    schema: trackerSettingsSchema,
    async work({ user, input }) {
      await saveTrackerSettings({ userId: user.id, ...input });
      return savedOnProgress("Saved.");
    },
  });
}
