"use client";

import { withdrawRequest } from "@/lib/actions/counseling";
import { ActionForm } from "@/components/forms/action-form";
import { CheckboxField } from "@/components/forms/checkbox-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { dangerButtonClass } from "@/components/ui/styles";

/**
 * Withdrawing the request: behind a disclosure, and only with the box ticked,
 * so one stray tap never closes it. It cannot be undone.
 */
export function WithdrawForm() {
  return (
    <ActionForm
      action={withdrawRequest}
      buttons={<SubmitButton className={dangerButtonClass}>Withdraw my request</SubmitButton>}
    >
      <CheckboxField
        name="confirm"
        label="Yes, I want to withdraw my request. I understand this cannot be undone."
      />
    </ActionForm>
  );
}
