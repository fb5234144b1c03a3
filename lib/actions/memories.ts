"use server";

import { runAction } from "@/lib/actions/action-pipeline";
import { type FormState } from "@/lib/actions/form-state";
import { removeTrackerRow, savedOnProgress } from "@/lib/actions/tracker-rows";
import { createMemory, deleteMemory } from "@/lib/data/memories";
import { memorySchema } from "@/lib/validations/memory";

export async function addMemory(_prev: FormState, formData: FormData): Promise<FormState> {
  return runAction(formData, {
    name: "addMemory",
    schema: memorySchema,
    async work({ user, input }) {
      await createMemory({ userId: user.id, ...input });
      return savedOnProgress("Saved to your memories.");
    },
  });
}

export async function removeMemory(_prev: FormState, formData: FormData): Promise<FormState> {
  return removeTrackerRow("removeMemory", deleteMemory, formData);
}
