"use client";

import { useActionState } from "react";
import { requestExportSignIn } from "@/lib/actions/tracker-export";
import type { FormState } from "@/lib/actions/form-state";
import { FormMessage } from "@/components/ui/field-error";
import { secondaryButtonClass } from "@/components/ui/styles";

export function FreshSignInForm() {
  const [state, action, pending] = useActionState<FormState, FormData>(requestExportSignIn, {});
  return (
    <form action={action} className="mt-4">
      <button type="submit" className={secondaryButtonClass} disabled={pending}>
        Email me a fresh sign-in link
      </button>
      <FormMessage message={state.message} error={state.formError} />
    </form>
  );
}
