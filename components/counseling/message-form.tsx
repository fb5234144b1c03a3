import type { FormState } from "@/lib/actions/form-state";
import { MESSAGE_MAX_LENGTH, type MessageThread } from "@/lib/counseling/team";
import { ActionForm } from "@/components/forms/action-form";
import { TextareaField } from "@/components/forms/textarea-field";

/**
 * Write into one thread. `requestKey` is minted per page view, so a double
 * submit posts once; after a message is sent the page renders with a new key.
 */
export function MessageForm({
  action,
  referralId,
  thread,
  requestKey,
  label = "Your message",
  hint,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  referralId: string;
  thread: MessageThread;
  requestKey: string;
  label?: string;
  hint?: string;
}) {
  return (
    <ActionForm
      action={action}
      hidden={{ referralId, thread, requestKey }}
      submitLabel="Send"
      className="mt-4 space-y-3"
    >
      <TextareaField
        label={label}
        name="text"
        rows={4}
        maxChars={MESSAGE_MAX_LENGTH}
        hint={hint ?? "Stored encrypted. The email about it says only that there is a new message."}
      />
    </ActionForm>
  );
}
