"use server";

import { type FormState } from "@/lib/actions/form-state";
import { addTrackerRow, editTrackerRow, removeUndoableRow } from "@/lib/actions/tracker-rows";
import { createMemory, updateMemory } from "@/lib/data/memories";
import { memoryEditSchema, memorySchema } from "@/lib/validations/memory";

export async function addMemory(_prev: FormState, formData: FormData): Promise<FormState> {
  return addTrackerRow(
    "addMemory",
    memorySchema,
    createMemory,
    "Saved to your memories.",
    formData,
  );
}

export async function removeMemory(_prev: FormState, formData: FormData): Promise<FormState> {
  return removeUndoableRow("removeMemory", "memories", formData);
}

export async function editMemory(_prev: FormState, formData: FormData): Promise<FormState> {
  return editTrackerRow("editMemory", "memories", memoryEditSchema, updateMemory, formData);
}
