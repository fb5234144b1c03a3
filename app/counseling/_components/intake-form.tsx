"use client";

import { useState } from "react";
import { submitIntake } from "@/lib/actions/counseling";
import {
  COUNSELING_CONTACTS,
  COUNSELING_FOCUSES,
  COUNSELING_FORMATS,
  COUNSELING_TIMES,
  INTAKE_NOTE_MAX_LENGTH,
} from "@/lib/counseling/intake";
import { ActionForm } from "@/components/forms/action-form";
import { CheckboxField } from "@/components/forms/checkbox-field";
import { CheckboxGroup } from "@/components/forms/checkbox-group";
import { useField } from "@/components/forms/form-context";
import { RadioGroup } from "@/components/forms/radio-group";
import { TextField } from "@/components/forms/text-field";
import { TextareaField } from "@/components/forms/textarea-field";
import { boxClass, borderClass, hintClass } from "@/components/ui/styles";

/** Each question of the intake sits in its own box. */
const boxed = { className: boxClass, legendClassName: "px-1 font-medium" };
const choicesOf = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

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
      <CheckboxGroup
        legend="When could sessions work for you?"
        {...boxed}
        name="preferredTimes"
        choices={choicesOf(COUNSELING_TIMES)}
      />
      <ContactChoice />
    </ActionForm>
  );
}

/**
 * The contact method, and the phone fields shown only for "By phone". It
 * starts from the echoed choice, so a refused request never flips a phone
 * request back to email while the phone number is still on screen.
 */
function ContactChoice() {
  const echoed = useField("contactMethod").text("EMAIL");
  const [contact, setContact] = useState(echoed);
  return (
    <RadioGroup
      legend="How may a counselor contact you?"
      {...boxed}
      name="contactMethod"
      choices={choicesOf(COUNSELING_CONTACTS)}
      defaultValue="EMAIL"
      onChoose={(value) => setContact(value)}
    >
      {contact === "PHONE" ? (
        <div className="mt-3">
          <TextField label="Phone number" name="phone" type="tel" autoComplete="tel" />
          <CheckboxField
            name="safeToLeaveMessage"
            label="It is safe to leave a voice message on this number"
          />
        </div>
      ) : null}
      <p className={hintClass}>
        Your contact details go to the counseling team only, so they can arrange your free first
        session.
      </p>
    </RadioGroup>
  );
}
