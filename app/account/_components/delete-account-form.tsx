"use client";

import { useActionState } from "react";
import { deleteMyAccount, requestFreshSignIn } from "@/lib/actions/account";
import type { FormState } from "@/lib/actions/form-state";
import { DELETE_CONFIRMATION_PHRASE } from "@/lib/account/form-rules";
import { FieldError, FormMessage } from "@/components/ui/field-error";
import { dangerButtonClass, inputClass, secondaryButtonClass } from "@/components/ui/styles";

export function DeleteAccountForm({ recentSignIn }: { recentSignIn: boolean }) {
  const [state, action, pending] = useActionState<FormState, FormData>(deleteMyAccount, {});
  const errors = state.fieldErrors?.confirmation;
  if (!recentSignIn) return <FreshSignInForm />;
  return (
    <form action={action} className="mt-4">
      <label htmlFor="confirmation" className="block font-medium">
        Type &ldquo;{DELETE_CONFIRMATION_PHRASE}&rdquo; to confirm
      </label>
      <input
        id="confirmation"
        name="confirmation"
        autoComplete="off"
        maxLength={100}
        aria-invalid={errors ? true : undefined}
        aria-describedby={errors ? "confirmation-error" : undefined}
        className={inputClass}
      />
      <FieldError id="confirmation-error" errors={errors} />
      <FormMessage error={state.formError} />
      <button type="submit" className={`${dangerButtonClass} mt-4`} disabled={pending}>
        Delete my account
      </button>
    </form>
  );
}

function FreshSignInForm() {
  const [state, action, pending] = useActionState<FormState, FormData>(requestFreshSignIn, {});
  return (
    <form action={action} className="mt-4">
      <p className="text-neutral-700 dark:text-neutral-300">
        For your safety, deleting needs a sign-in from the last 10 minutes. We will email you a
        fresh link that brings you back here.
      </p>
      <button type="submit" className={`${secondaryButtonClass} mt-4`} disabled={pending}>
        Email me a fresh sign-in link
      </button>
      <FormMessage message={state.message} error={state.formError} />
    </form>
  );
}
