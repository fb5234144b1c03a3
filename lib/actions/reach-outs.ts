"use server";

import { addTrackerRow, editTrackerRow, removeUndoableRow } from "@/lib/actions/tracker-rows";

// The "people you reached out to" list's forms (lib/actions/tracker-rows.ts
// states what they check and store).

export const addReachOut = addTrackerRow("addReachOut", "reachOuts");

export const removeReachOut = removeUndoableRow("removeReachOut", "reachOuts");

export const editReachOut = editTrackerRow("editReachOut", "reachOuts");
