"use server";

import { notFound, defineAction } from "@/lib/actions/action-pipeline";
import { addTrackerRow, removeTrackerRow, savedOnProgress } from "@/lib/actions/tracker-rows";
import { createActivity, deleteActivity } from "@/lib/data/activities";
import { createGoal, deleteGoal, setGoalDone } from "@/lib/data/goals";
import { activitySchema, goalDoneSchema, goalSchema } from "@/lib/validations/goal";

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

export const removeGoal = removeTrackerRow("removeGoal", deleteGoal);

export const addActivity = addTrackerRow(
  "addActivity",
  activitySchema,
  createActivity,
  "Saved. Trying something new takes courage.",
);

export const removeActivity = removeTrackerRow("removeActivity", deleteActivity);
