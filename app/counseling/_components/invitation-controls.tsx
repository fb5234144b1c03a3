"use client";

import { useActionState } from "react";
import { resendInvitation, revokeInvitation } from "@/lib/actions/counseling";
import type { FormState } from "@/lib/actions/form-state";
import { FormMessage } from "@/components/ui/field-error";
import { secondaryButtonClass } from "@/components/ui/styles";

/** Resend (a new link; the old one dies) and revoke, for one pending invitation. */
export function InvitationControls({
  invitationId,
  resendsLeft,
}: {
  invitationId: string;
  resendsLeft: number;
}) {
  const [resendState, resend, resending] = useActionState<FormState, FormData>(
    resendInvitation,
    {},
  );
  const [revokeState, revoke, revoking] = useActionState<FormState, FormData>(revokeInvitation, {});
  const state = revokeState.message || revokeState.formError ? revokeState : resendState;
  return (
    <div className="mt-3">
      <div className="flex flex-wrap gap-3">
        {resendsLeft > 0 ? (
          <form action={resend}>
            <input type="hidden" name="invitationId" value={invitationId} />
            <button type="submit" className={secondaryButtonClass} disabled={resending}>
              Resend
            </button>
          </form>
        ) : null}
        <form action={revoke}>
          <input type="hidden" name="invitationId" value={invitationId} />
          <button type="submit" className={secondaryButtonClass} disabled={revoking}>
            Revoke
          </button>
        </form>
      </div>
      <FormMessage message={state.message} error={state.formError} />
    </div>
  );
}
