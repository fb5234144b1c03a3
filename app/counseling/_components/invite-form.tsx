"use client";

import { useActionState } from "react";
import { invitePartner } from "@/lib/actions/counseling";
import type { FormState } from "@/lib/actions/form-state";
import {
  INVITATION_MESSAGE_MAX_LENGTH,
  INVITER_NAME_MAX_LENGTH,
} from "@/lib/counseling/invitation-limits";
import { FieldError, FormMessage } from "@/components/ui/field-error";
import { buttonClass, inputClass } from "@/components/ui/styles";

const hintClass = "mt-1 text-sm text-neutral-600 dark:text-neutral-400";

/** `requestKey` is minted per page view: a double submit creates one invitation. */
export function InviteForm({
  defaultName,
  requestKey,
}: {
  defaultName: string;
  requestKey: string;
}) {
  const [state, action, pending] = useActionState<FormState, FormData>(invitePartner, {});
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="mt-8 space-y-6" noValidate>
      <input type="hidden" name="requestKey" value={requestKey} />
      <div>
        <label htmlFor="email" className="block font-medium">
          Your partner&apos;s email address
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="off"
          inputMode="email"
          required
          maxLength={320}
          defaultValue={state.values?.email ?? ""}
          aria-describedby={errors.email ? "email-error" : "email-hint"}
          aria-invalid={errors.email ? true : undefined}
          className={inputClass}
        />
        <p id="email-hint" className={hintClass}>
          Used only for this invitation, and deleted once they answer or it expires.
        </p>
        <FieldError id="email-error" errors={errors.email} />
      </div>
      <div>
        <label htmlFor="inviterName" className="block font-medium">
          Your name, as your partner knows you
        </label>
        <input
          id="inviterName"
          name="inviterName"
          autoComplete="given-name"
          required
          maxLength={INVITER_NAME_MAX_LENGTH}
          defaultValue={state.values?.inviterName ?? defaultName}
          aria-describedby={errors.inviterName ? "inviterName-error" : "inviterName-hint"}
          aria-invalid={errors.inviterName ? true : undefined}
          className={inputClass}
        />
        <p id="inviterName-hint" className={hintClass}>
          The email says who invited them, so they know it is really you.
        </p>
        <FieldError id="inviterName-error" errors={errors.inviterName} />
      </div>
      <div>
        <label htmlFor="message" className="block font-medium">
          A short personal message (optional)
        </label>
        <textarea
          id="message"
          name="message"
          rows={3}
          maxLength={INVITATION_MESSAGE_MAX_LENGTH}
          defaultValue={state.values?.message ?? ""}
          aria-describedby={errors.message ? "message-error" : "message-hint"}
          aria-invalid={errors.message ? true : undefined}
          className={inputClass}
        />
        <p id="message-hint" className={hintClass}>
          Not put in the email: your partner reads it on the invitation page after opening the link.
          Stored encrypted.
        </p>
        <FieldError id="message-error" errors={errors.message} />
      </div>
      <FormMessage error={state.formError} />
      <button type="submit" className={buttonClass} disabled={pending}>
        Send the invitation
      </button>
    </form>
  );
}
