"use client";

import { useActionState } from "react";
import { requestSignInLink } from "@/lib/actions/auth";
import type { FormState } from "@/lib/actions/form-state";
import { FieldError, FormMessage } from "@/components/ui/field-error";
import { buttonClass, inputClass } from "@/components/ui/styles";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(requestSignInLink, {});
  const emailErrors = state.fieldErrors?.email;
  return (
    <form action={action} className="mt-8" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <label htmlFor="email" className="block font-medium">
        Email address
      </label>
      <input
        id="email"
        name="email"
        type="email"
        autoComplete="email"
        inputMode="email"
        required
        maxLength={320}
        defaultValue={state.values?.email ?? ""}
        aria-invalid={emailErrors ? true : undefined}
        aria-describedby={emailErrors ? "email-error" : undefined}
        className={inputClass}
      />
      <FieldError id="email-error" errors={emailErrors} />
      <FormMessage error={state.formError} />
      <button type="submit" className={`${buttonClass} mt-6`} disabled={pending}>
        {pending ? "Sending…" : "Email me a sign-in link"}
      </button>
    </form>
  );
}
