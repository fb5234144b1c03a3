"use client";

import { useId, type ReactNode } from "react";
import {
  acceptInvitation,
  declineInvitation,
  optOutOfAllInvitations,
  type InvitationFormState,
} from "@/lib/actions/invitations";
import { DECLINE_NOTE_MAX_LENGTH } from "@/lib/counseling/invitation-limits";
import { ActionForm } from "@/components/forms/action-form";
import { TextareaField } from "@/components/forms/textarea-field";
import { secondaryButtonClass, sectionRuleClass, textClass } from "@/components/ui/styles";

export function AcceptForm({ token, label }: { token: string; label: string }) {
  return <ActionForm action={acceptInvitation} hidden={{ token }} submitLabel={label} />;
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
  const declined = (
    <p className="text-lg">
      You declined. {inviterName} will see that you declined, and we will not send you another
      invitation from them.
    </p>
  );
  // The action's own message ("Done. Heartwork will not send you invitations
  // again, from anyone.") stands in the status line; the form just goes.
  const optedOut = <></>;
  return (
    <>
      {canDecline ? (
        <ChoiceSection
          title="Decline"
          action={declineInvitation}
          token={token}
          submitLabel="Decline the invitation"
          done={(state) => (state.done === "declined" ? declined : null)}
        >
          <TextareaField
            label={`A note for ${inviterName}`}
            optional
            name="note"
            maxChars={DECLINE_NOTE_MAX_LENGTH}
            hint={`You do not have to give a reason. If you write something, only ${inviterName} sees it.`}
          />
        </ChoiceSection>
      ) : null}
      <ChoiceSection
        title="Never contact me again"
        action={optOutOfAllInvitations}
        token={token}
        done={(state) => (state.done === "opted_out" ? optedOut : null)}
      >
        <p className={textClass}>
          Heartwork will never send an invitation to this address again, from anyone. We keep only a
          one-way code of the address to recognise it.
        </p>
      </ChoiceSection>
    </>
  );
}

/** One choice the invited person can make without an account, under its own heading. */
function ChoiceSection({
  title,
  action,
  token,
  submitLabel = title,
  done,
  children,
}: {
  title: string;
  action: (state: InvitationFormState, formData: FormData) => Promise<InvitationFormState>;
  token: string;
  /** The button's words; the heading's unless they need to say more. */
  submitLabel?: string;
  done: (state: InvitationFormState) => ReactNode;
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className={sectionRuleClass}>
      <h2 id={headingId} className="text-xl font-semibold">
        {title}
      </h2>
      <ActionForm
        action={action}
        hidden={{ token }}
        submitLabel={submitLabel}
        submitClassName={secondaryButtonClass}
        replacedBy={done}
      >
        {children}
      </ActionForm>
    </section>
  );
}
