"use client";

import { changeContactDetails } from "@/lib/actions/counseling";
import { ContactFields, type ContactDefaults } from "@/app/counseling/_components/contact-fields";
import { ActionForm } from "@/components/forms/action-form";

/** The sent request's contact details and times, changeable until it is closed. */
export function ContactDetailsForm({ defaults }: { defaults: ContactDefaults }) {
  return (
    <ActionForm
      action={changeContactDetails}
      submitLabel="Save my contact details"
      className="mt-4 space-y-6"
    >
      <ContactFields defaults={defaults} />
    </ActionForm>
  );
}
