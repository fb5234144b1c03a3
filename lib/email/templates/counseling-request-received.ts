import { z } from "zod";
import { renderLayout } from "@/lib/email/templates/layout";
import type { EmailTemplate } from "@/lib/email/templates/types";

// The person's receipt when their request is sent. Bland on purpose: a shared
// inbox or a lock screen must not tell anyone that they asked for counseling,
// so no health words, no names, nothing they chose or wrote.

export const counselingRequestReceivedDataSchema = z.object({}).strict();

export const counselingRequestReceivedEmail: EmailTemplate<
  z.infer<typeof counselingRequestReceivedDataSchema>
> = {
  schema: counselingRequestReceivedDataSchema,
  render(_data, { appUrl }) {
    return renderLayout({
      subject: "We received your request",
      intro: ["Hello,", "We received your request on Heartwork."],
      action: { label: "Open Heartwork", url: `${appUrl}/counseling` },
      outro: ["You can see what happens next on Heartwork."],
    });
  },
};
