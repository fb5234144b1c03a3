import type { InvitationSummary } from "@/lib/data/partner-invitations";
import { InvitationControls } from "@/app/counseling/_components/invitation-controls";
import { formatDateTimeIn } from "@/lib/time/format-in-zone";
import { boxClass, ownTextClass, softClass } from "@/components/ui/styles";

const STATUS_TEXT: Record<InvitationSummary["status"], string> = {
  pending: "Waiting for an answer",
  accepted: "Accepted",
  declined: "Declined",
  expired: "Expired",
  revoked: "Revoked",
};

export function InvitationList({
  invitations,
  timeZone,
}: {
  invitations: InvitationSummary[];
  /** The person's own zone, from their tracker settings. */
  timeZone: string;
}) {
  return (
    <ul className="mt-4 space-y-4">
      {invitations.map((invitation) => (
        <li key={invitation.id} className={boxClass}>
          <p className="font-medium">{STATUS_TEXT[invitation.status]}</p>
          <p className={`mt-1 text-sm ${softClass}`}>
            {invitation.recipientHint ? `To ${invitation.recipientHint}. ` : null}
            Sent{" "}
            <time dateTime={invitation.sentAt.toISOString()}>
              {formatDateTimeIn(invitation.sentAt, timeZone)}
            </time>
            {invitation.status === "pending" ? (
              <>
                ; open until{" "}
                <time dateTime={invitation.expiresAt.toISOString()}>
                  {formatDateTimeIn(invitation.expiresAt, timeZone)}
                </time>
              </>
            ) : null}
            .
          </p>
          {invitation.status === "declined" && invitation.declineNote ? (
            <blockquote
              className={`mt-2 ${ownTextClass} border-l-4 border-neutral-300 pl-3 text-neutral-800 dark:border-neutral-700 dark:text-neutral-200`}
            >
              {invitation.declineNote}
            </blockquote>
          ) : null}
          {invitation.status === "pending" ? (
            <InvitationControls invitationId={invitation.id} resendsLeft={invitation.resendsLeft} />
          ) : null}
        </li>
      ))}
    </ul>
  );
}
