import { requestExportSignIn } from "@/lib/actions/tracker-export";
import { ActionForm } from "@/components/forms/action-form";
import { secondaryButtonClass } from "@/components/ui/styles";

export function FreshSignInForm() {
  return (
    <ActionForm
      action={requestExportSignIn}
      submitLabel="Email me a fresh sign-in link"
      submitClassName={secondaryButtonClass}
    />
  );
}
