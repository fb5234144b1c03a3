"use server";

import { addTrackerRow, editTrackerRow, removeUndoableRow } from "@/lib/actions/tracker-rows";
import { createMemory, updateMemory } from "@/lib/data/memories";
import { memoryEditSchema, memorySchema } from "@/lib/validations/memory";

export const addMemory = addTrackerRow(
  "addMemory",
  memorySchema,
  createMemory,
  "Saved to your memories.",
);

export const removeMemory = removeUndoableRow("removeMemory", "memories");

export const editMemory = editTrackerRow("editMemory", "memories", memoryEditSchema, updateMemory);
