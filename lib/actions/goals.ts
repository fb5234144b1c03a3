"use server";

import { notFound, runAction } from "@/lib/actions/action-pipeline";
import { type FormState } from "@/lib/actions/form-state";
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

export async function addGoal(_prev: FormState, formData: FormData): Promise<FormState> {
  return addTrackerRow(
    "addGoal",
    goalSchema,
    createGoal,
    "Goal added. Small and achievable is perfect.",
    formData,
  );
}

export async function markGoal(_prev: FormState, formData: FormData): Promise<FormState> {
  return runAction(formData, {
    name: "markGoal",
    schema: goalDoneSchema,
    invalid: "not-found",
    async work({ user, input }) {
      const done = input.done === "true";
      if (!(await setGoalDone({ userId: user.id, id: input.id, done }))) return notFound();
      return savedOnProgress(done ? "Done. Well done." : "Marked as not done yet.");
    },
  });
}

export async function removeGoal(_prev: FormState, formData: FormData): Promise<FormState> {
  return removeUndoableRow("removeGoal", "goals", formData);
}

export async function editGoal(_prev: FormState, formData: FormData): Promise<FormState> {
  return editTrackerRow("editGoal", "goals", goalEditSchema, updateGoal, formData);
}

export async function addActivity(_prev: FormState, formData: FormData): Promise<FormState> {
  return addTrackerRow(
    "addActivity",
    activitySchema,
    createActivity,
    "Saved. Trying something new takes courage.",
    formData,
  );
}

export async function removeActivity(_prev: FormState, formData: FormData): Promise<FormState> {
  return removeUndoableRow("removeActivity", "activities", formData);
}

export async function editActivity(_prev: FormState, formData: FormData): Promise<FormState> {
  return editTrackerRow("editActivity", "activities", activityEditSchema, updateActivity, formData);
}
