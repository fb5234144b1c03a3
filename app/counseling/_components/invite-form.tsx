import { invitePartner } from "@/lib/actions/counseling";
import {
  INVITATION_MESSAGE_MAX_LENGTH,
  INVITER_NAME_MAX_LENGTH,
} from "@/lib/counseling/invitation-limits";
import { ActionForm } from "@/components/forms/action-form";
import { TextField } from "@/components/forms/text-field";
import { TextareaField } from "@/components/forms/textarea-field";

/** `requestKey` is minted per page view: a double submit creates one invitation. */
export function InviteForm({
  defaultName,
  requestKey,
}: {
  defaultName: string;
  requestKey: string;
}) {
  return (
    <ActionForm
      action={invitePartner}
      hidden={{ requestKey }}
      submitLabel="Send the invitation"
      className="mt-8 space-y-6"
    >
      <TextField
        label="Your partner's email address"
        name="email"
        type="email"
        autoComplete="off"
        inputMode="email"
        hint="Used only for this invitation, and deleted once they answer or it expires."
      />
      <TextField
        label="Your name, as your partner knows you"
        name="inviterName"
        autoComplete="given-name"
        defaultValue={defaultName}
        hint={`The email says who invited them, so they know it is really you. Up to ${INVITER_NAME_MAX_LENGTH} characters.`}
      />
      <TextareaField
        label="A short personal message"
        optional
        name="message"
        rows={3}
        maxChars={INVITATION_MESSAGE_MAX_LENGTH}
        hint="Not put in the email: your partner reads it on the invitation page after opening the link. Stored encrypted."
      />
    </ActionForm>
  );
}
