"use server";

import { addTrackerRow, editTrackerRow, removeUndoableRow } from "@/lib/actions/tracker-rows";

// The memories list's forms (lib/actions/tracker-rows.ts states what they check and store).

export const addMemory = addTrackerRow("addMemory", "memories");

export const removeMemory = removeUndoableRow("removeMemory", "memories");

export const editMemory = editTrackerRow("editMemory", "memories");
