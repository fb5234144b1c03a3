"use server";

import { revalidatePath } from "next/cache";
import { defineAction, notFound, type FormAction } from "@/lib/actions/action-pipeline";
import type { FormState } from "@/lib/actions/form-state";
import { agendaFeedPath } from "@/lib/booking/agenda-feed-token";
import { createAgendaFeed, revokeAgendaFeed } from "@/lib/data/team-agenda";
import { env } from "@/lib/env";
import { noInputSchema } from "@/lib/validations/no-input";

// The private calendar feed of /team/agenda: make (or replace) its link, and
// revoke it. Team members past the passkey only (`role: "team"`); the data
// functions check the active membership again. The new link is answered once,
// in this action's state, and never logged or stored in clear.

export type AgendaFeedState = FormState & {
  /** The full feed link, in the answer that made it only. */
  feedUrl?: string;
  /** When that link was made (ISO): the page shows it while it is the live one. */
  madeAt?: string;
};

const GONE = "We could not find your team membership. Nothing was changed.";

export const createAgendaFeedAction: FormAction<AgendaFeedState> = defineAction(
  "createAgendaFeedAction",
  {
    role: "team",
    schema: noInputSchema,
    async work({ user }) {
      const result = await createAgendaFeed({ userId: user.id });
      if (!result.ok) return notFound(GONE);
      revalidatePath("/team/agenda");
      return {
        message:
          "Your calendar link is ready. Copy it now: it is shown only this once. Any earlier link has stopped working.",
        feedUrl: new URL(agendaFeedPath(result.token), env.APP_URL).toString(),
        madeAt: result.createdAt.toISOString(),
      };
    },
  },
);

export const revokeAgendaFeedAction = defineAction("revokeAgendaFeedAction", {
  role: "team",
  schema: noInputSchema,
  async work({ user }) {
    const result = await revokeAgendaFeed({ userId: user.id });
    if (!result.ok) return notFound(GONE);
    revalidatePath("/team/agenda");
    return {
      message:
        result.revoked > 0
          ? "Revoked. The link has stopped working; calendars that used it will stop updating."
          : "There was no link to revoke.",
    };
  },
});
