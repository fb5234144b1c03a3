import type { ReactNode } from "react";
import type { FormAction } from "@/lib/actions/action-pipeline";
import { ActionForm } from "@/components/forms/action-form";
import { secondaryButtonClass } from "@/components/ui/styles";

/**
 * A form that acts on the booked session (move, cancel, mark it held or
 * missed), on the person's page or the team's: the session's id travels
 * hidden, and the button is a secondary one under the session it changes.
 * A change that succeeds leaves the page with its form, so the action
 * redirects and the page confirms it (lib/booking/confirmations.ts).
 */
export function SessionForm({
  action,
  sessionId,
  submitLabel,
  children,
}: {
  action: FormAction;
  sessionId: string;
  submitLabel: string;
  children?: ReactNode;
}) {
  return (
    <ActionForm
      action={action}
      hidden={{ sessionId }}
      submitLabel={submitLabel}
      submitClassName={secondaryButtonClass}
    >
      {children}
    </ActionForm>
  );
}
