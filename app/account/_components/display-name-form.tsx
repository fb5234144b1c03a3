import { saveDisplayName } from "@/lib/actions/account";
import { DISPLAY_NAME_MAX_LENGTH } from "@/lib/account/form-rules";
import { ActionForm } from "@/components/forms/action-form";
import { TextField } from "@/components/forms/text-field";

export function DisplayNameForm({ name }: { name: string }) {
  return (
    <ActionForm action={saveDisplayName} submitLabel="Save name">
      <TextField
        label="Display name"
        name="name"
        defaultValue={name}
        autoComplete="nickname"
        hint="Optional. Shown to a partner you invite; leave empty to stay unnamed."
        maxChars={DISPLAY_NAME_MAX_LENGTH}
      />
    </ActionForm>
  );
}
