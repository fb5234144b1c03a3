"use server";

import { revalidatePath } from "next/cache";
import { type FormState } from "@/lib/actions/form-state";
import {
  actionUser,
  notFoundFor,
  parseForm,
  SIGNED_OUT_STATE,
  unlessDatabaseDown,
  userToday,
} from "@/lib/actions/tracker-form";
import { createActivity, deleteActivity } from "@/lib/data/activities";
import { createGoal, deleteGoal, setGoalDone } from "@/lib/data/goals";
import { activitySchema, goalDoneSchema, goalSchema } from "@/lib/validations/goal";
import { rowReferenceSchema } from "@/lib/validations/row-reference";

export async function addGoal(_prev: FormState, formData: FormData): Promise<FormState> {
  return unlessDatabaseDown(async () => {
    const user = await actionUser();
    if (!user) return SIGNED_OUT_STATE;
    const parsed = parseForm(goalSchema, formData);
    if (!parsed.success) return parsed.state;
    await createGoal({ userId: user.id, ...parsed.data });
    revalidatePath("/progress", "layout");
    return { message: "Goal added. Small and achievable is perfect." };
  });
}

export async function markGoal(_prev: FormState, formData: FormData): Promise<FormState> {
  return unlessDatabaseDown(async () => {
    const user = await actionUser();
    if (!user) return SIGNED_OUT_STATE;
    const parsed = parseForm(goalDoneSchema, formData);
    if (!parsed.success) return notFoundFor("markGoal", user.id);
    const done = parsed.data.done === "true";
    if (!(await setGoalDone({ userId: user.id, id: parsed.data.id, done })))
      return notFoundFor("markGoal", user.id);
    revalidatePath("/progress", "layout");
    return { message: done ? "Done. Well done." : "Marked as not done yet." };
  });
}

export async function removeGoal(_prev: FormState, formData: FormData): Promise<FormState> {
  return unlessDatabaseDown(async () => {
    const user = await actionUser();
    if (!user) return SIGNED_OUT_STATE;
    const parsed = parseForm(rowReferenceSchema, formData);
    if (!parsed.success) return notFoundFor("removeGoal", user.id);
    if (!(await deleteGoal({ userId: user.id, id: parsed.data.id })))
      return notFoundFor("removeGoal", user.id);
    revalidatePath("/progress", "layout");
    return { message: "Removed." };
  });
}

export async function addActivity(_prev: FormState, formData: FormData): Promise<FormState> {
  return unlessDatabaseDown(async () => {
    const user = await actionUser();
    if (!user) return SIGNED_OUT_STATE;
    const parsed = parseForm(activitySchema(await userToday(user.id)), formData);
    if (!parsed.success) return parsed.state;
    await createActivity({ userId: user.id, ...parsed.data });
    revalidatePath("/progress", "layout");
    return { message: "Saved. Trying something new takes courage." };
  });
}

export async function removeActivity(_prev: FormState, formData: FormData): Promise<FormState> {
  return unlessDatabaseDown(async () => {
    const user = await actionUser();
    if (!user) return SIGNED_OUT_STATE;
    const parsed = parseForm(rowReferenceSchema, formData);
    if (!parsed.success) return notFoundFor("removeActivity", user.id);
    if (!(await deleteActivity({ userId: user.id, id: parsed.data.id })))
      return notFoundFor("removeActivity", user.id);
    revalidatePath("/progress", "layout");
    return { message: "Removed." };
  });
}
