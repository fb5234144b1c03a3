import type { z } from "zod";
import type { EmailTemplateName } from "@/lib/data/outbox-payloads";
import { counselingIntakeEmail } from "@/lib/email/templates/counseling-intake";
import { counselingMessageEmail } from "@/lib/email/templates/counseling-message";
import { counselingRequestReceivedEmail } from "@/lib/email/templates/counseling-request-received";
import { counselingPartnerJoinedEmail } from "@/lib/email/templates/counseling-partner-joined";
import { partnerAcceptedEmail } from "@/lib/email/templates/partner-accepted";
import { partnerInvitationEmail } from "@/lib/email/templates/partner-invitation";
import { reminderEmail } from "@/lib/email/templates/reminder";
import { sessionInvitationEmail } from "@/lib/email/templates/session-invitation";
import { sessionReminderEmail } from "@/lib/email/templates/session-reminder";
import { signInEmail } from "@/lib/email/templates/sign-in";
import type { EmailTemplate } from "@/lib/email/templates/types";

// Every email Heartwork can send. To add one: give its stored payload a schema
// in lib/data/outbox-payloads.ts (enqueueEmail then accepts `template: "<name>"`),
// write lib/email/templates/<name>.ts exporting an EmailTemplate, list it here,
// and say how the worker opens its payload in lib/email/open-payloads.ts. A
// re-check against the database before sending goes in lib/data/outbox-send-guards.ts.
export const emailTemplates = {
  "sign-in": signInEmail,
  "partner-invitation": partnerInvitationEmail,
  "partner-accepted": partnerAcceptedEmail,
  "counseling-intake": counselingIntakeEmail,
  "counseling-partner-joined": counselingPartnerJoinedEmail,
  "counseling-message": counselingMessageEmail,
  "counseling-request-received": counselingRequestReceivedEmail,
  reminder: reminderEmail,
  "session-invitation": sessionInvitationEmail,
  "session-reminder": sessionReminderEmail,
} as const satisfies {
  // Every stored kind of email has a template; the schema is checked loosely
  // here (its data type differs per template), the render function exactly.
  [Name in EmailTemplateName]: { schema: z.ZodType; render: EmailTemplate<never>["render"] };
};

export type EmailTemplateData<Name extends EmailTemplateName> =
  (typeof emailTemplates)[Name] extends EmailTemplate<infer Data> ? Data : never;
