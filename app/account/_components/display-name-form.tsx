"use client";

import { useActionState } from "react";
import { saveDisplayName } from "@/lib/actions/account";
import type { FormState } from "@/lib/actions/form-state";
import { DISPLAY_NAME_MAX_LENGTH } from "@/lib/account/form-rules";
import { FieldError, FormMessage } from "@/components/ui/field-error";
import { buttonClass, inputClass } from "@/components/ui/styles";

export function DisplayNameForm({ name }: { name: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(saveDisplayName, {});
  const errors = state.fieldErrors?.name;
  return (
    <form action={action} className="mt-4">
      <label htmlFor="name" className="block font-medium">
        Display name
      </label>
      <input
        id="name"
        name="name"
        defaultValue={name}
        maxLength={DISPLAY_NAME_MAX_LENGTH}
        autoComplete="nickname"
        aria-invalid={errors ? true : undefined}
        aria-describedby={errors ? "name-error" : "name-hint"}
        className={inputClass}
      />
      <p id="name-hint" className="mt-1 text-sm text-neutral-600 dark:text-neutral-400">
        Optional. Shown to a partner you invite; leave empty to stay unnamed.
      </p>
      <FieldError id="name-error" errors={errors} />
      <button type="submit" className={`${buttonClass} mt-4`} disabled={pending}>
        Save name
      </button>
      <FormMessage message={state.message} error={state.formError} />
    </form>
  );
}
