import { z } from "zod";
import { renderLayout } from "@/lib/email/templates/layout";
import type { EmailTemplate } from "@/lib/email/templates/types";

// Tells the inviter their invitation was accepted. It carries nothing else: no
// name or address of the partner, nothing about counseling in the subject.

export const partnerAcceptedDataSchema = z.object({}).strict();

export const partnerAcceptedEmail: EmailTemplate<z.infer<typeof partnerAcceptedDataSchema>> = {
  schema: partnerAcceptedDataSchema,
  render(_data, { appUrl }) {
    return renderLayout({
      subject: "Your Heartwork invitation was accepted",
      intro: ["Hello,", "The person you invited to Heartwork has accepted your invitation."],
      action: { label: "Open Heartwork", url: `${appUrl}/counseling` },
      outro: ["You can see what happens next on your counseling page."],
    });
  },
};
