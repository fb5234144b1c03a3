"use server";

import { notFound, defineAction } from "@/lib/actions/action-pipeline";
import {
  addTrackerRow,
  editTrackerRow,
  removeUndoableRow,
  savedOnProgress,
} from "@/lib/actions/tracker-rows";
import { createActivity, updateActivity } from "@/lib/data/activities";
import { createGoal, setGoalDone, updateGoal } from "@/lib/data/goals";
import {
  activityEditSchema,
  activitySchema,
  goalDoneSchema,
  goalEditSchema,
  goalSchema,
} from "@/lib/validations/goal";

export const addGoal = addTrackerRow(
  "addGoal",
  goalSchema,
  createGoal,
  "Goal added. Small and achievable is perfect.",
);

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

export const editGoal = editTrackerRow("editGoal", "goals", goalEditSchema, updateGoal);

export const addActivity = addTrackerRow(
  "addActivity",
  activitySchema,
  createActivity,
  "Saved. Trying something new takes courage.",
);

export const removeActivity = removeUndoableRow("removeActivity", "activities");

export const editActivity = editTrackerRow(
  "editActivity",
  "activities",
  activityEditSchema,
  updateActivity,
);
