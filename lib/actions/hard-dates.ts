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
import { answerValentinesOffer, createHardDate, deleteHardDate } from "@/lib/data/hard-dates";
import { getTrackerSettings } from "@/lib/data/tracker-settings";
import { hardDateSchema, valentinesOfferSchema } from "@/lib/validations/hard-date";
import { rowReferenceSchema } from "@/lib/validations/row-reference";

export async function addHardDate(_prev: FormState, formData: FormData): Promise<FormState> {
  return unlessDatabaseDown(async () => {
    const user = await actionUser();
    if (!user) return SIGNED_OUT_STATE;
    const parsed = parseForm(hardDateSchema, formData);
    if (!parsed.success) return parsed.state;
    await createHardDate({ userId: user.id, ...parsed.data });
    revalidatePath("/progress", "layout");
    return { message: "Saved. We will remind you two weeks before." };
  });
}

export async function answerValentines(_prev: FormState, formData: FormData): Promise<FormState> {
  return unlessDatabaseDown(async () => {
    const user = await actionUser();
    if (!user) return SIGNED_OUT_STATE;
    const parsed = parseForm(valentinesOfferSchema, formData);
    if (!parsed.success) return parsed.state;
    // A second tab's answer must not add a second Valentine's Day.
    if ((await getTrackerSettings({ userId: user.id })).valentinesOfferAnswered) {
      return { message: "Already answered." };
    }
    await answerValentinesOffer({ userId: user.id, ...parsed.data });
    revalidatePath("/progress", "layout");
    return {
      message: parsed.data.answer === "add" ? "Valentine's Day is on your list." : "Understood.",
    };
  });
}

export async function removeHardDate(_prev: FormState, formData: FormData): Promise<FormState> {
  return unlessDatabaseDown(async () => {
    const user = await actionUser();
    if (!user) return SIGNED_OUT_STATE;
    const parsed = parseForm(rowReferenceSchema, formData);
    if (!parsed.success) return notFoundFor("removeHardDate", user.id);
    if (!(await deleteHardDate({ userId: user.id, id: parsed.data.id })))
      return notFoundFor("removeHardDate", user.id);
    revalidatePath("/progress", "layout");
    return { message: "Removed." };
  });
}
