"use server";

import { revalidatePath } from "next/cache";
import { type FormState } from "@/lib/actions/form-state";
import {
  actionUser,
  parseForm,
  SIGNED_OUT_STATE,
  unlessDatabaseDown,
} from "@/lib/actions/tracker-form";
import { saveTrackerSettings } from "@/lib/data/tracker-settings";
import { trackerSettingsSchema } from "@/lib/validations/tracker-settings";

export async function updateTrackerSettings(
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  return unlessDatabaseDown(async () => {
    const user = await actionUser();
    if (!user) return SIGNED_OUT_STATE;
    const parsed = parseForm(trackerSettingsSchema, formData);
    if (!parsed.success) return parsed.state;
    await saveTrackerSettings({ userId: user.id, ...parsed.data });
    revalidatePath("/progress", "layout");
    return { message: "Saved." };
  });
}
