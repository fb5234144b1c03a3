"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/action-pipeline";
import { saveWelcomeAnswer } from "@/lib/data/tracker-settings";
import { welcomeSchema } from "@/lib/validations/welcome";

/** Where the reminders are set up (built with the reminders themselves). */
const REMINDERS_PATH = "/progress/reminders";

/**
 * One screen of the first-visit welcome: saves its answer and moves on. A
 * redirect, so the next screen (or the dashboard) opens with JavaScript off too.
 */
export const answerWelcome = defineAction("answerWelcome", {
  schema: welcomeSchema,
  async work({ user, input }) {
    const userId = user.id;
    switch (input.step) {
      case "zone":
        await saveWelcomeAnswer({ userId, finished: false, timeZone: input.timeZone });
        break;
      case "breakup":
        await saveWelcomeAnswer({
          userId,
          finished: false,
          breakupDate: input.breakupDate ?? null,
        });
        break;
      case "reminders":
        await saveWelcomeAnswer({
          userId,
          finished: true,
          remindersWanted: input.reminders === "yes",
        });
        break;
      case "skip":
        await saveWelcomeAnswer({ userId, finished: true });
        break;
    }
    revalidatePath("/progress", "layout");
    if (input.step === "zone") redirect("/progress?welcome=breakup");
    if (input.step === "breakup") redirect("/progress?welcome=reminders");
    redirect(
      input.step === "reminders" && input.reminders === "yes" ? REMINDERS_PATH : "/progress",
    );
  },
});
