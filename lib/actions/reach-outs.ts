"use server";

import { addTrackerRow, removeTrackerRow } from "@/lib/actions/tracker-rows";
import { createReachOut, deleteReachOut } from "@/lib/data/reach-outs";
import { reachOutSchema } from "@/lib/validations/reach-out";

export const addReachOut = addTrackerRow(
  "addReachOut",
  reachOutSchema,
  createReachOut,
  "Saved. Good friends are worth leaning on.",
);

export const removeReachOut = removeTrackerRow("removeReachOut", deleteReachOut);
