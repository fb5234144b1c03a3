import { counselingIntakeEmail } from "@/lib/email/templates/counseling-intake";
import { counselingPartnerJoinedEmail } from "@/lib/email/templates/counseling-partner-joined";
import { partnerAcceptedEmail } from "@/lib/email/templates/partner-accepted";
import { partnerInvitationEmail } from "@/lib/email/templates/partner-invitation";
import { signInEmail } from "@/lib/email/templates/sign-in";
import type { EmailTemplate } from "@/lib/email/templates/types";

// Every email Heartwork can send. To add one: write lib/email/templates/<name>.ts
// exporting an EmailTemplate (schema, render, optional shouldSend guard) and
// list it here; enqueueEmail() then accepts `template: "<name>"` with its data.
export const emailTemplates = {
  "sign-in": signInEmail,
  "partner-invitation": partnerInvitationEmail,
  "partner-accepted": partnerAcceptedEmail,
  "counseling-intake": counselingIntakeEmail,
  "counseling-partner-joined": counselingPartnerJoinedEmail,
} as const;

export type EmailTemplateName = keyof typeof emailTemplates;

export type EmailTemplateData<Name extends EmailTemplateName> =
  (typeof emailTemplates)[Name] extends EmailTemplate<infer Data> ? Data : never;

export function isEmailTemplateName(name: string): name is EmailTemplateName {
  return Object.hasOwn(emailTemplates, name);
}

export function getEmailTemplate(name: string): EmailTemplate<unknown> | undefined {
  return isEmailTemplateName(name)
    ? (emailTemplates[name] as unknown as EmailTemplate<unknown>)
    : undefined;
}
