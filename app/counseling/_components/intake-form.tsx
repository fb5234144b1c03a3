"use client";

import { submitIntake } from "@/lib/actions/counseling";
import {
  COUNSELING_FOCUSES,
  COUNSELING_FORMATS,
  INTAKE_NOTE_MAX_LENGTH,
} from "@/lib/counseling/intake";
import { boxed, choicesOf, ContactFields } from "@/app/counseling/_components/contact-fields";
import { ActionForm } from "@/components/forms/action-form";
import { CheckboxField } from "@/components/forms/checkbox-field";
import { CheckboxGroup } from "@/components/forms/checkbox-group";
import { RadioGroup } from "@/components/forms/radio-group";
import { TextareaField } from "@/components/forms/textarea-field";
import { borderClass } from "@/components/ui/styles";

export function IntakeForm({ couplesAllowed }: { couplesAllowed: boolean }) {
  const formats = couplesAllowed
    ? choicesOf(COUNSELING_FORMATS)
    : [{ value: "INDIVIDUAL", label: COUNSELING_FORMATS.INDIVIDUAL }];
  return (
    <ActionForm action={submitIntake} submitLabel="Send my request" className="mt-8 space-y-6">
      <RadioGroup
        legend="What would you like?"
        {...boxed}
        name="format"
        choices={formats}
        defaultValue={formats[0]!.value}
      />
      <CheckboxGroup
        legend="What do you hope counseling helps with?"
        {...boxed}
        hint="Optional. Choose any that fit."
        name="focuses"
        choices={choicesOf(COUNSELING_FOCUSES)}
      >
        <div className={`mt-2 border-t pt-2 ${borderClass}`}>
          <CheckboxField
            name="shareFocuses"
            label="Share these choices with the counseling team"
            defaultChecked
          />
        </div>
      </CheckboxGroup>
      <div>
        <TextareaField
          label="Anything else you would like a counselor to know?"
          optional
          name="note"
          hint="Stored encrypted. It is shared only if you tick the box below, and never with your partner."
          rows={4}
          maxChars={INTAKE_NOTE_MAX_LENGTH}
        />
        <CheckboxField name="shareNote" label="Share my note with the counseling team" />
      </div>
      <ContactFields />
    </ActionForm>
  );
}
