"use server";

import { addTrackerRow, removeTrackerRow } from "@/lib/actions/tracker-rows";
import { createMemory, deleteMemory } from "@/lib/data/memories";
import { memorySchema } from "@/lib/validations/memory";

export const addMemory = addTrackerRow(
  "addMemory",
  memorySchema,
  createMemory,
  "Saved to your memories.",
);

export const removeMemory = removeTrackerRow("removeMemory", deleteMemory);
