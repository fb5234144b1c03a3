import { answerRefusal, notFound, type WorkResult } from "@/lib/actions/action-pipeline";
import type { AddMessageResult } from "@/lib/data/counseling-messages";
import { rowLimitMessage } from "@/lib/validations/row-limits";

// What a refused message says, the same on the team's page and on the
// person's and partner's counseling pages. Nothing was stored in any case.

export function messageRefusal(
  result: Exclude<AddMessageResult, { ok: true }>,
  notFoundMessage: string,
): WorkResult {
  return answerRefusal(
    {
      invalid: ({ fieldErrors }) => ({ fieldErrors }),
      not_found: notFound(notFoundMessage),
      closed: { formError: "This conversation is closed, so the message was not sent." },
      not_owner: {
        formError:
          "Only the team member who holds this referral can write here. The message was not sent.",
      },
      full: { formError: rowLimitMessage("counselingMessages") },
      limited: ({ resetAt }) => {
        const hours = Math.max(1, Math.ceil((resetAt.getTime() - Date.now()) / 3_600_000));
        return {
          formError: `You have sent as many messages as we allow in one day, so this one was not sent. You can write again in about ${hours} hour${hours === 1 ? "" : "s"}. Your text is still here.`,
        };
      },
    },
    result,
  );
}
