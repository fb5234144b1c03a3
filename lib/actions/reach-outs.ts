"use server";

import { addTrackerRow, editTrackerRow, removeUndoableRow } from "@/lib/actions/tracker-rows";
import { createReachOut, updateReachOut } from "@/lib/data/reach-outs";
import { reachOutEditSchema, reachOutSchema } from "@/lib/validations/reach-out";

export const addReachOut = addTrackerRow(
  "addReachOut",
  reachOutSchema,
  createReachOut,
  "Saved. Good friends are worth leaning on.",
);

export const removeReachOut = removeUndoableRow("removeReachOut", "reachOuts");

export const editReachOut = editTrackerRow(
  "editReachOut",
  "reachOuts",
  reachOutEditSchema,
  updateReachOut,
);
