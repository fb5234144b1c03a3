"use client";

import {
  acceptInvitation,
  declineInvitation,
  optOutOfAllInvitations,
} from "@/lib/actions/invitations";
import { DECLINE_NOTE_MAX_LENGTH } from "@/lib/counseling/invitation-limits";
import { ActionForm } from "@/components/forms/action-form";
import { TextareaField } from "@/components/forms/textarea-field";
import { secondaryButtonClass, sectionRuleClass, textClass } from "@/components/ui/styles";

export function AcceptForm({ token, label }: { token: string; label: string }) {
  return (
    <ActionForm
      action={acceptInvitation}
      hidden={{ token }}
      submitLabel={label}
      className="mt-4 space-y-4"
    />
  );
}

/** Decline (with an optional note) and "never contact me again"; both work without an account. */
export function DeclineChoices({
  token,
  inviterName,
  canDecline,
}: {
  token: string;
  inviterName: string;
  canDecline: boolean;
}) {
  return (
    <>
      {canDecline ? (
        <section aria-labelledby="decline-heading" className={sectionRuleClass}>
          <h2 id="decline-heading" className="text-xl font-semibold">
            Decline
          </h2>
          <ActionForm
            action={declineInvitation}
            hidden={{ token }}
            submitLabel="Decline the invitation"
            submitClassName={secondaryButtonClass}
            className="mt-4 space-y-4"
            replacedBy={(state) =>
              state.done === "declined" ? (
                <p className="text-lg">
                  You declined. {inviterName} will see that you declined, and we will not send you
                  another invitation from them.
                </p>
              ) : null
            }
          >
            <TextareaField
              label={`A note for ${inviterName}`}
              optional
              name="note"
              rows={3}
              maxChars={DECLINE_NOTE_MAX_LENGTH}
              hint={`You do not have to give a reason. If you write something, only ${inviterName} sees it.`}
            />
          </ActionForm>
        </section>
      ) : null}
      <section aria-labelledby="never-heading" className={sectionRuleClass}>
        <h2 id="never-heading" className="text-xl font-semibold">
          Never contact me again
        </h2>
        <ActionForm
          action={optOutOfAllInvitations}
          hidden={{ token }}
          submitLabel="Never contact me again"
          submitClassName={secondaryButtonClass}
          className="mt-4 space-y-4"
          replacedBy={(state) =>
            state.done === "opted_out" ? (
              <p className="text-lg">
                Done. Heartwork will not send you invitations again, from anyone.
              </p>
            ) : null
          }
        >
          <p className={textClass}>
            Heartwork will never send an invitation to this address again, from anyone. We keep only
            a one-way code of the address to recognise it.
          </p>
        </ActionForm>
      </section>
    </>
  );
}
