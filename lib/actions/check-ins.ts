"use server";

import { defineAction, type FormAction } from "@/lib/actions/action-pipeline";
import { type FormState } from "@/lib/actions/form-state";
import { savedOnProgress } from "@/lib/actions/tracker-rows";
import { saveCheckIn } from "@/lib/data/check-ins";
import { isSlip } from "@/lib/tracker/scales";
import type { CheckInAnswers } from "@/lib/tracker/reflection";
import { checkInSchema } from "@/lib/validations/check-in";

/** A saved check-in also answers with what was chosen, for the reflection that follows. */
export type CheckInState = FormState & { answers?: CheckInAnswers };

/** Saves (or corrects) the check-in of one day: today or a missed day, never the future. */
export const recordCheckIn: FormAction<CheckInState> = defineAction("recordCheckIn", {
  schema: checkInSchema,
  async work({ user, input: { trigger, ...checkIn } }) {
    const slip = isSlip(checkIn.contact);
    await saveCheckIn({ userId: user.id, ...checkIn, trigger: slip ? trigger : undefined });
    const { mood, missing, contact } = checkIn;
    return { ...savedOnProgress("Saved."), answers: { mood, missing, contact } };
  },
});
