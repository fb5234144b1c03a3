"use client";

import { useState } from "react";
import { COUNSELING_CONTACTS, COUNSELING_TIMES } from "@/lib/counseling/intake";
import { CheckboxField } from "@/components/forms/checkbox-field";
import { CheckboxGroup } from "@/components/forms/checkbox-group";
import { useField } from "@/components/forms/form-context";
import { RadioGroup } from "@/components/forms/radio-group";
import { TextField } from "@/components/forms/text-field";
import { boxClass, hintClass } from "@/components/ui/styles";

// How a counselor may reach the person, and when: the same fields in the
// intake and in "Change your contact details" on the counseling page, so the
// one-contact rule (issue 12) holds in both.

/** Each question sits in its own box. */
export const boxed = { className: boxClass, legendClassName: "px-1 font-medium" };
export const choicesOf = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

export type ContactDefaults = {
  preferredTimes: readonly string[];
  contactMethod: string;
  phone: string;
  safeToLeaveMessage: boolean;
};

const BLANK: ContactDefaults = {
  preferredTimes: [],
  contactMethod: "EMAIL",
  phone: "",
  safeToLeaveMessage: false,
};

export function ContactFields({ defaults = BLANK }: { defaults?: ContactDefaults }) {
  return (
    <>
      <CheckboxGroup
        legend="When could sessions work for you?"
        {...boxed}
        name="preferredTimes"
        choices={choicesOf(COUNSELING_TIMES)}
        defaultValue={defaults.preferredTimes}
      />
      <ContactChoice defaults={defaults} />
    </>
  );
}

/**
 * The contact method, and the phone fields shown only for "By phone". It
 * starts from the echoed choice, so a refused request never flips a phone
 * request back to email while the phone number is still on screen.
 */
function ContactChoice({ defaults }: { defaults: ContactDefaults }) {
  const echoed = useField("contactMethod").text(defaults.contactMethod);
  const [contact, setContact] = useState(echoed);
  return (
    <RadioGroup
      legend="How may a counselor contact you?"
      {...boxed}
      name="contactMethod"
      choices={choicesOf(COUNSELING_CONTACTS)}
      defaultValue={defaults.contactMethod}
      onChoose={(value) => setContact(value)}
    >
      {contact === "PHONE" ? (
        <div className="mt-3">
          <TextField
            label="Phone number"
            name="phone"
            type="tel"
            autoComplete="tel"
            defaultValue={defaults.phone}
          />
          <CheckboxField
            name="safeToLeaveMessage"
            label="It is safe to leave a voice message on this number"
            defaultChecked={defaults.safeToLeaveMessage}
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
