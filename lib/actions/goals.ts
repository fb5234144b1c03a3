"use server";

import { notFound, runAction } from "@/lib/actions/action-pipeline";
import { type FormState } from "@/lib/actions/form-state";
import { removeTrackerRow, savedOnProgress } from "@/lib/actions/tracker-rows";
import { createActivity, deleteActivity } from "@/lib/data/activities";
import { createGoal, deleteGoal, setGoalDone } from "@/lib/data/goals";
import { activitySchema, goalDoneSchema, goalSchema } from "@/lib/validations/goal";

export async function addGoal(_prev: FormState, formData: FormData): Promise<FormState> {
  return runAction(formData, {
    name: "addGoal",
    schema: goalSchema,
    async work({ user, input }) {
      await createGoal({ userId: user.id, ...input });
      return savedOnProgress("Goal added. Small and achievable is perfect.");
    },
  });
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
  return removeTrackerRow("removeGoal", deleteGoal, formData);
}

export async function addActivity(_prev: FormState, formData: FormData): Promise<FormState> {
  return runAction(formData, {
    name: "addActivity",
    schema: activitySchema,
    async work({ user, input }) {
      await createActivity({ userId: user.id, ...input });
      return savedOnProgress("Saved. Trying something new takes courage.");
    },
  });
}

export async function removeActivity(_prev: FormState, formData: FormData): Promise<FormState> {
  return removeTrackerRow("removeActivity", deleteActivity, formData);
}
