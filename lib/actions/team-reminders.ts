"use server";

import { revalidatePath } from "next/cache";
import { defineAction, notFound } from "@/lib/actions/action-pipeline";
import { saveTeamSessionReminders } from "@/lib/data/session-reminders";
import { teamAppointmentRemindersSchema } from "@/lib/validations/reminders";

// A counselor's appointment reminders (24 hours and 1 hour before a session),
// turned on or off where they work: /team/agenda. The same preference as the
// box on /progress/reminders. Team members past the passkey only; the data
// function checks the active membership again.

export const updateTeamAppointmentReminders = defineAction("updateTeamAppointmentReminders", {
  role: "team",
  schema: teamAppointmentRemindersSchema,
  async work({ user, input }) {
    const result = await saveTeamSessionReminders({
      userId: user.id,
      enabled: input.sessionRemindersEnabled,
    });
    if (!result.ok) return notFound("We could not find your team membership. Nothing was changed.");
    revalidatePath("/team/agenda");
    return {
      message: input.sessionRemindersEnabled
        ? "Saved. You get a reminder a day and an hour before each session."
        : "Saved. Appointment reminders are off.",
    };
  },
});
