"use server";

import { runAction } from "@/lib/actions/action-pipeline";
import { type FormState } from "@/lib/actions/form-state";
import { savedOnProgress } from "@/lib/actions/tracker-rows";
import { saveCheckIn } from "@/lib/data/check-ins";
import { isSlip } from "@/lib/tracker/scales";
import { checkInSchema } from "@/lib/validations/check-in";

/** Saves (or corrects) the check-in of one day: today or a missed day, never the future. */
export async function recordCheckIn(_prev: FormState, formData: FormData): Promise<FormState> {
  return runAction(formData, {
    name: "recordCheckIn",
    schema: checkInSchema,
    async work({ user, input: { trigger, ...checkIn } }) {
      const slip = isSlip(checkIn.contact);
      await saveCheckIn({ userId: user.id, ...checkIn, trigger: slip ? trigger : undefined });
      return savedOnProgress(
        slip
          ? "Saved. One day of contact does not undo the days before it. Be gentle with yourself."
          : "Saved. Thank you for checking in.",
      );
    },
  });
}
