"use client";

import { useActionState } from "react";
import {
  acceptInvitation,
  declineInvitation,
  optOutOfAllInvitations,
  type InvitationFormState,
} from "@/lib/actions/invitations";
import { DECLINE_NOTE_MAX_LENGTH } from "@/lib/counseling/invitation-limits";
import { FieldError, FormMessage } from "@/components/ui/field-error";
import { buttonClass, inputClass, secondaryButtonClass } from "@/components/ui/styles";

const sectionClass = "mt-8 border-t border-neutral-200 pt-6 dark:border-neutral-800";

export function AcceptForm({ token, label }: { token: string; label: string }) {
  const [state, action, pending] = useActionState<InvitationFormState, FormData>(
    acceptInvitation,
    {},
  );
  return (
    <form action={action} className="mt-4">
      <input type="hidden" name="token" value={token} />
      <button type="submit" className={buttonClass} disabled={pending}>
        {label}
      </button>
      <FormMessage error={state.formError} />
    </form>
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
  const [declined, decline, declining] = useActionState<InvitationFormState, FormData>(
    declineInvitation,
    {},
  );
  const [optedOut, optOut, optingOut] = useActionState<InvitationFormState, FormData>(
    optOutOfAllInvitations,
    {},
  );

  if (optedOut.done === "opted_out") {
    return (
      <p role="status" className={`${sectionClass} text-lg`}>
        Done. Heartwork will not send you invitations again, from anyone.
      </p>
    );
  }
  if (declined.done === "declined") {
    return (
      <div className={sectionClass}>
        <p role="status" className="text-lg">
          You declined. {inviterName} will see that you declined, and we will not send you another
          invitation from them.
        </p>
        <NeverContactForm token={token} action={optOut} pending={optingOut} />
      </div>
    );
  }
  return (
    <>
      {canDecline ? (
        <section aria-labelledby="decline-heading" className={sectionClass}>
          <h2 id="decline-heading" className="text-xl font-semibold">
            Decline
          </h2>
          <form action={decline} className="mt-4" noValidate>
            <input type="hidden" name="token" value={token} />
            <label htmlFor="note" className="block font-medium">
              A note for {inviterName} (optional)
            </label>
            <p id="note-hint" className="mt-1 text-sm text-neutral-600 dark:text-neutral-400">
              You do not have to give a reason. If you write something, only {inviterName} sees it.
            </p>
            <textarea
              id="note"
              name="note"
              rows={3}
              maxLength={DECLINE_NOTE_MAX_LENGTH}
              aria-describedby={declined.fieldErrors?.note ? "note-error" : "note-hint"}
              className={inputClass}
            />
            <FieldError id="note-error" errors={declined.fieldErrors?.note} />
            <button type="submit" className={`${secondaryButtonClass} mt-4`} disabled={declining}>
              Decline the invitation
            </button>
            <FormMessage error={declined.formError} />
          </form>
        </section>
      ) : null}
      <section aria-labelledby="never-heading" className={sectionClass}>
        <h2 id="never-heading" className="text-xl font-semibold">
          Never contact me again
        </h2>
        <NeverContactForm token={token} action={optOut} pending={optingOut} />
      </section>
    </>
  );
}

function NeverContactForm({
  token,
  action,
  pending,
}: {
  token: string;
  action: (formData: FormData) => void;
  pending: boolean;
}) {
  return (
    <form action={action} className="mt-4">
      <input type="hidden" name="token" value={token} />
      <p className="text-neutral-700 dark:text-neutral-300">
        Heartwork will never send an invitation to this address again, from anyone. We keep only a
        one-way code of the address to recognise it.
      </p>
      <button type="submit" className={`${secondaryButtonClass} mt-4`} disabled={pending}>
        Never contact me again
      </button>
    </form>
  );
}
