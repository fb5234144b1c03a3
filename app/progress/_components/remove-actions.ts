import { removeActivity, removeGoal } from "@/lib/actions/goals";
import { removeHardDate } from "@/lib/actions/hard-dates";
import { removeMemory } from "@/lib/actions/memories";
import { removeReachOut } from "@/lib/actions/reach-outs";
import type { FormState } from "@/lib/actions/form-state";
import type { UndoableList } from "@/lib/tracker/removals";

/** Each list's Remove (every one keeps the row for Undo: lib/actions/tracker-rows.ts). */
export const REMOVE_ACTIONS: Record<
  UndoableList,
  (state: FormState, formData: FormData) => Promise<FormState>
> = {
  memories: removeMemory,
  goals: removeGoal,
  activities: removeActivity,
  reachOuts: removeReachOut,
  hardDates: removeHardDate,
};
