import { deleteMyAccount, requestFreshSignIn } from "@/lib/actions/account";
import { DELETE_CONFIRMATION_PHRASE } from "@/lib/account/form-rules";
import { ActionForm } from "@/components/forms/action-form";
import { TextField } from "@/components/forms/text-field";
import { dangerButtonClass, secondaryButtonClass, textClass } from "@/components/ui/styles";

export function DeleteAccountForm({ recentSignIn }: { recentSignIn: boolean }) {
  if (!recentSignIn) {
    return (
      <ActionForm
        action={requestFreshSignIn}
        submitLabel="Email me a fresh sign-in link"
        submitClassName={secondaryButtonClass}
      >
        <p className={textClass}>
          For your safety, deleting needs a sign-in from the last 10 minutes. We will email you a
          fresh link that brings you back here.
        </p>
      </ActionForm>
    );
  }
  return (
    <ActionForm
      action={deleteMyAccount}
      submitLabel="Delete my account"
      submitClassName={dangerButtonClass}
    >
      <TextField
        label={<>Type &ldquo;{DELETE_CONFIRMATION_PHRASE}&rdquo; to confirm</>}
        name="confirmation"
        autoComplete="off"
      />
    </ActionForm>
  );
}
