import { parseOutboxPayload, type EmailTemplateName } from "@/lib/data/outbox-payloads";
import { composeEmail } from "@/lib/email/compose-email";
import { env } from "@/lib/env";

/** Renders a queued row's payload as the delivery worker would: parsed, opened, rendered. */
export function renderQueuedEmail(
  template: EmailTemplateName,
  data: unknown,
  context: { appUrl: string } = { appUrl: env.APP_URL },
) {
  const payload = parseOutboxPayload(template, data);
  if (!payload) throw new Error(`the queued ${template} payload does not match its schema`);
  return composeEmail(template, payload, context);
}
