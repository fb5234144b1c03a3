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
import { createReachOut, deleteReachOut } from "@/lib/data/reach-outs";
import { reachOutSchema } from "@/lib/validations/reach-out";
import { rowReferenceSchema } from "@/lib/validations/row-reference";

export async function addReachOut(_prev: FormState, formData: FormData): Promise<FormState> {
  return unlessDatabaseDown(async () => {
    const user = await actionUser();
    if (!user) return SIGNED_OUT_STATE;
    const parsed = parseForm(reachOutSchema(await userToday(user.id)), formData);
    if (!parsed.success) return parsed.state;
    await createReachOut({ userId: user.id, ...parsed.data });
    revalidatePath("/progress", "layout");
    return { message: "Saved. Good friends are worth leaning on." };
  });
}

export async function removeReachOut(_prev: FormState, formData: FormData): Promise<FormState> {
  return unlessDatabaseDown(async () => {
    const user = await actionUser();
    if (!user) return SIGNED_OUT_STATE;
    const parsed = parseForm(rowReferenceSchema, formData);
    if (!parsed.success) return notFoundFor("removeReachOut", user.id);
    if (!(await deleteReachOut({ userId: user.id, id: parsed.data.id })))
      return notFoundFor("removeReachOut", user.id);
    revalidatePath("/progress", "layout");
    return { message: "Removed." };
  });
}
