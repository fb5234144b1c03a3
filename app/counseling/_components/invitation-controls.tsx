"use client";

import { resendInvitation, revokeInvitation } from "@/lib/actions/counseling";
import { ActionForm } from "@/components/forms/action-form";
import { secondaryButtonClass } from "@/components/ui/styles";

/** Resend (a new link; the old one dies) and revoke, for one pending invitation. */
export function InvitationControls({
  invitationId,
  resendsLeft,
}: {
  invitationId: string;
  resendsLeft: number;
}) {
  return (
    <div className="mt-3 flex flex-wrap gap-3">
      {resendsLeft > 0 ? (
        <ActionForm
          action={resendInvitation}
          hidden={{ invitationId }}
          submitLabel="Resend"
          submitClassName={secondaryButtonClass}
          className="space-y-3"
        />
      ) : null}
      <ActionForm
        action={revokeInvitation}
        hidden={{ invitationId }}
        submitLabel="Revoke"
        submitClassName={secondaryButtonClass}
        className="space-y-3"
      />
    </div>
  );
}
