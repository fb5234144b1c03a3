"use client";

import { beginTextPause } from "@/lib/actions/text-pauses";
import { ActionForm } from "@/components/forms/action-form";
import { TextareaField } from "@/components/forms/textarea-field";
import { TextField } from "@/components/forms/text-field";
import { NOTE_MAX } from "@/lib/tracker/limits";

/** Step one of the pause: write the message here instead, and what set it off. */
export function TextPauseStartForm({ requestKey }: { requestKey: string }) {
  return (
    <ActionForm
      action={beginTextPause}
      hidden={{ requestKey }}
      submitLabel="Save it here, not there"
    >
      <TextareaField
        label="Write what you want to say to them"
        optional
        name="draft"
        rows={5}
        maxChars={NOTE_MAX}
        hint="It stays here, encrypted. It is never sent, and you can delete it."
      />
      <TextField
        label="What set it off?"
        optional
        name="trigger"
        hint="A song, a photo, a late night, a memory... Naming it helps you spot it next time."
      />
    </ActionForm>
  );
}
