"use server";

import { type FormState } from "@/lib/actions/form-state";
import { addTrackerRow, removeTrackerRow } from "@/lib/actions/tracker-rows";
import { createReachOut, deleteReachOut } from "@/lib/data/reach-outs";
import { reachOutSchema } from "@/lib/validations/reach-out";

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
  return removeTrackerRow("removeReachOut", deleteReachOut, formData);
}
