"use server";

import { defineAction } from "@/lib/actions/action-pipeline";
import { savedOnProgress } from "@/lib/actions/tracker-rows";
import { saveTrackerSettings } from "@/lib/data/tracker-settings";
import { trackerSettingsSchema } from "@/lib/validations/tracker-settings";

export const updateTrackerSettings = defineAction("updateTrackerSettings", {
  schema: trackerSettingsSchema,
  async work({ user, input }) {
    await saveTrackerSettings({ userId: user.id, ...input });
    return savedOnProgress("Saved.");
  },
});
