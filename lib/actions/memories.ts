"use server";

import { type FormState } from "@/lib/actions/form-state";
import { addTrackerRow, removeTrackerRow } from "@/lib/actions/tracker-rows";
import { createMemory, deleteMemory } from "@/lib/data/memories";
import { memorySchema } from "@/lib/validations/memory";

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
  return removeTrackerRow("removeMemory", deleteMemory, formData);
}
