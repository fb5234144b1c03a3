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
  const controls = [
    ...(resendsLeft > 0 ? [{ label: "Resend", action: resendInvitation }] : []),
    { label: "Revoke", action: revokeInvitation },
  ];
  return (
    <div className="mt-3 flex flex-wrap gap-3">
      {controls.map(({ label, action }) => (
        <ActionForm
          key={label}
          action={action}
          hidden={{ invitationId }}
          submitLabel={label}
          submitClassName={secondaryButtonClass}
          className="space-y-3"
        />
      ))}
    </div>
  );
}
