import "server-only";
import type { EmailTemplateName, OutboxPayload } from "@/lib/data/outbox-payloads";
import { openPayload } from "@/lib/email/open-payloads";
import { emailTemplates } from "@/lib/email/templates";
import type { RenderedEmail } from "@/lib/email/templates/layout";
import type { EmailTemplate } from "@/lib/email/templates/types";

/**
 * The message a stored payload becomes: opened, checked against its
 * template's schema, rendered. Throws when the payload does not open or the
 * opened data does not fit the template.
 */
export function composeEmail<Name extends EmailTemplateName>(
  template: Name,
  payload: OutboxPayload<Name>,
  context: { appUrl: string },
): RenderedEmail {
  const email = emailTemplates[template] as EmailTemplate<unknown>;
  return email.render(email.schema.parse(openPayload(template, payload)), context);
}
