import { z } from "zod";
import { renderLayout } from "@/lib/email/templates/layout";
import type { EmailTemplate } from "@/lib/email/templates/types";

// For the counseling team's address (COUNSELING_INTAKE_EMAIL): only that a new
// referral is waiting. No reference, name, note, phone, address or choice:
// a mailbox is a weaker place than the team's inbox, which needs the passkey
// and records every opening (issue 14, item 7).

export const counselingIntakeDataSchema = z.object({}).strict();

export const counselingIntakeEmail: EmailTemplate<z.infer<typeof counselingIntakeDataSchema>> = {
  schema: counselingIntakeDataSchema,
  render(_data, { appUrl }) {
    return renderLayout({
      subject: "A new referral is waiting in the Heartwork inbox",
      intro: ["A new referral is waiting in the Heartwork inbox."],
      action: { label: "Open the inbox", url: `${appUrl}/team` },
      outro: ["Sign in with your passkey to read it."],
    });
  },
};
