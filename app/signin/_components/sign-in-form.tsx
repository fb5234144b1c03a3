import { requestSignInLink } from "@/lib/actions/auth";
import { ActionForm } from "@/components/forms/action-form";
import { TextField } from "@/components/forms/text-field";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  return (
    <ActionForm
      action={requestSignInLink}
      hidden={{ callbackUrl }}
      submitLabel="Email me a sign-in link"
      className="mt-8 space-y-6"
    >
      <TextField
        label="Email address"
        name="email"
        type="email"
        autoComplete="email"
        inputMode="email"
      />
    </ActionForm>
  );
}
