"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/action-pipeline";
import { messageRefusal } from "@/lib/actions/message-refusals";
import { addCounselingMessage } from "@/lib/data/counseling-messages";
import { counselingMessageSchema } from "@/lib/validations/team";

// The person's and the joined partner's side of their counseling threads. The
// data function decides which side the caller is on from the referral itself
// and refuses a thread that is not theirs as "not found".

export const sendCounselingMessage = defineAction("sendCounselingMessage", {
  schema: counselingMessageSchema,
  async work({ user, input }) {
    const result = await addCounselingMessage({ userId: user.id, as: "people", ...input });
    if (!result.ok) {
      return messageRefusal(result, "We could not find that conversation.");
    }
    revalidatePath("/counseling");
    revalidatePath(`/counseling/joined/${input.referralId}`);
    return { message: "Sent. We will email you when there is an answer." };
  },
});
