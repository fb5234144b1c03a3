"use server";

import { revalidatePath } from "next/cache";
import { type FormState } from "@/lib/actions/form-state";
import {
  actionUser,
  parseForm,
  SIGNED_OUT_STATE,
  unlessDatabaseDown,
  userToday,
} from "@/lib/actions/tracker-form";
import { saveCheckIn } from "@/lib/data/check-ins";
import { isSlip } from "@/lib/tracker/scales";
import { checkInSchema } from "@/lib/validations/check-in";

/** Saves (or corrects) the check-in of one day: today or a missed day, never the future. */
export async function recordCheckIn(_prev: FormState, formData: FormData): Promise<FormState> {
  return unlessDatabaseDown(() => saveCheckInFrom(formData));
}

async function saveCheckInFrom(formData: FormData): Promise<FormState> {
  const user = await actionUser();
  if (!user) return SIGNED_OUT_STATE;
  const parsed = parseForm(checkInSchema(await userToday(user.id)), formData);
  if (!parsed.success) return parsed.state;
  const { trigger, ...checkIn } = parsed.data;
  const slip = isSlip(checkIn.contact);
  await saveCheckIn({ userId: user.id, ...checkIn, trigger: slip ? trigger : undefined });
  revalidatePath("/progress", "layout");
  return {
    message: slip
      ? "Saved. One day of contact does not undo the days before it. Be gentle with yourself."
      : "Saved. Thank you for checking in.",
  };
}
