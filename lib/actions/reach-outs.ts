"use server";

import { runAction } from "@/lib/actions/action-pipeline";
import { type FormState } from "@/lib/actions/form-state";
import { removeTrackerRow, savedOnProgress } from "@/lib/actions/tracker-rows";
import { createReachOut, deleteReachOut } from "@/lib/data/reach-outs";
import { reachOutSchema } from "@/lib/validations/reach-out";

export async function addReachOut(_prev: FormState, formData: FormData): Promise<FormState> {
  return runAction(formData, {
    name: "addReachOut",
    schema: reachOutSchema,
    async work({ user, input }) {
      await createReachOut({ userId: user.id, ...input });
      return savedOnProgress("Saved. Good friends are worth leaning on.");
    },
  });
}

export async function removeReachOut(_prev: FormState, formData: FormData): Promise<FormState> {
  return removeTrackerRow("removeReachOut", deleteReachOut, formData);
}
