"use server";

import { type FormState } from "@/lib/actions/form-state";
import { addTrackerRow, editTrackerRow, removeUndoableRow } from "@/lib/actions/tracker-rows";
import { createReachOut, updateReachOut } from "@/lib/data/reach-outs";
import { reachOutEditSchema, reachOutSchema } from "@/lib/validations/reach-out";

export async function addReachOut(_prev: FormState, formData: FormData): Promise<FormState> {
  return addTrackerRow(
    "addReachOut",
    reachOutSchema,
    createReachOut,
    "Saved. Good friends are worth leaning on.",
    formData,
  );
}

export async function removeReachOut(_prev: FormState, formData: FormData): Promise<FormState> {
  return removeUndoableRow("removeReachOut", "reachOuts", formData);
}

export async function editReachOut(_prev: FormState, formData: FormData): Promise<FormState> {
  return editTrackerRow("editReachOut", "reachOuts", reachOutEditSchema, updateReachOut, formData);
}
