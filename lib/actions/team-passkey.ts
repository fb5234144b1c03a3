"use server";

import { redirect } from "next/navigation";
import { defineAction, notFound, type FormAction } from "@/lib/actions/action-pipeline";
import type { FormState } from "@/lib/actions/form-state";
import { currentSessionKey } from "@/lib/auth/team-access";
import { SESSION_ENDED_MESSAGE } from "@/lib/counseling/team-session";
import { finishTeamPasskey, startTeamPasskey } from "@/lib/data/team-passkeys";
import { noInputSchema } from "@/lib/validations/no-input";
import { finishPasskeySchema } from "@/lib/validations/team-passkey";

// The two steps of /team/passkey: options for the browser's passkey prompt
// (with a challenge stored for this session), then the browser's answer. Both
// are for a team member's session that has not passed the passkey yet, so
// they carry no `role: "team"` (that role needs the passkey); the data
// functions check the membership and the session themselves and answer
// everyone else "not found".

export type PasskeyOptionsState = FormState & {
  purpose?: "register" | "verify";
  /** The options JSON for @simplewebauthn/browser. */
  options?: string;
};

/** Starts a passkey prompt: registering on the first team sign-in, checking afterwards. */
export const teamPasskeyOptions: FormAction<PasskeyOptionsState> = defineAction(
  "teamPasskeyOptions",
  {
    schema: noInputSchema,
    async work({ user }) {
      const sessionKey = await currentSessionKey();
      const started =
        sessionKey &&
        (await startTeamPasskey({ userId: user.id, userName: user.email, sessionKey }));
      if (!started) return notFound();
      if (started === "verified") redirect("/team");
      return {
        message: "Ready",
        purpose: started.purpose,
        options: JSON.stringify(started.options),
      };
    },
  },
);

const FINISH_REFUSALS = {
  stale_challenge:
    "That passkey prompt is no longer open (it lasts 5 minutes and works once). Please try again.",
  failed:
    "That passkey could not be confirmed, so you are not through yet. Please try again with the passkey you made for Heartwork.",
  expired_session: SESSION_ENDED_MESSAGE,
} as const;

/** Checks the browser's answer; on success this session may open team pages. */
export const finishTeamPasskeyAction = defineAction("finishTeamPasskeyAction", {
  schema: finishPasskeySchema,
  async work({ user, input }) {
    const sessionKey = await currentSessionKey();
    if (!sessionKey) return notFound();
    const result = await finishTeamPasskey({ userId: user.id, sessionKey, input });
    if (result.ok) redirect("/team");
    if (result.reason === "not_found") return notFound();
    return { formError: FINISH_REFUSALS[result.reason] };
  },
});
