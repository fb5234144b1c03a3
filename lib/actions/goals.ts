"use server";

import { notFound, defineAction } from "@/lib/actions/action-pipeline";
import {
  addTrackerRow,
  editTrackerRow,
  removeUndoableRow,
  savedOnProgress,
} from "@/lib/actions/tracker-rows";
import { setGoalDone } from "@/lib/data/goals";
import { goalDoneSchema } from "@/lib/validations/goal";

// The goals and "new things you tried" lists' forms (lib/actions/tracker-rows.ts
// states what adding, editing and removing check and store).

export const addGoal = addTrackerRow("addGoal", "goals");

export const markGoal = defineAction("markGoal", {
  schema: goalDoneSchema,
  invalid: "not-found",
  async work({ user, input }) {
    const done = input.done === "true";
    if (!(await setGoalDone({ userId: user.id, id: input.id, done }))) return notFound();
    return savedOnProgress(done ? "Done. Well done." : "Marked as not done yet.");
  },
});

export const removeGoal = removeUndoableRow("removeGoal", "goals");

export const editGoal = editTrackerRow("editGoal", "goals");

export const addActivity = addTrackerRow("addActivity", "activities");

export const removeActivity = removeUndoableRow("removeActivity", "activities");

export const editActivity = editTrackerRow("editActivity", "activities");
