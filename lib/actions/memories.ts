"use server";

import { revalidatePath } from "next/cache";
import { type FormState } from "@/lib/actions/form-state";
import {
  actionUser,
  notFoundFor,
  parseForm,
  SIGNED_OUT_STATE,
  unlessDatabaseDown,
} from "@/lib/actions/tracker-form";
import { createMemory, deleteMemory } from "@/lib/data/memories";
import { memorySchema } from "@/lib/validations/memory";
import { rowReferenceSchema } from "@/lib/validations/row-reference";

export async function addMemory(_prev: FormState, formData: FormData): Promise<FormState> {
  return unlessDatabaseDown(async () => {
    const user = await actionUser();
    if (!user) return SIGNED_OUT_STATE;
    const parsed = parseForm(memorySchema, formData);
    if (!parsed.success) return parsed.state;
    await createMemory({ userId: user.id, ...parsed.data });
    revalidatePath("/progress", "layout");
    return { message: "Saved to your memories." };
  });
}

export async function removeMemory(_prev: FormState, formData: FormData): Promise<FormState> {
  return unlessDatabaseDown(async () => {
    const user = await actionUser();
    if (!user) return SIGNED_OUT_STATE;
    const parsed = parseForm(rowReferenceSchema, formData);
    if (!parsed.success) return notFoundFor("removeMemory", user.id);
    if (!(await deleteMemory({ userId: user.id, id: parsed.data.id })))
      return notFoundFor("removeMemory", user.id);
    revalidatePath("/progress", "layout");
    return { message: "Removed." };
  });
}
