import { z } from "zod";
import { renderLayout } from "@/lib/email/templates/layout";
import type { EmailTemplate } from "@/lib/email/templates/types";

// For the counseling team's address (COUNSELING_INTAKE_EMAIL): only that a
// referral in the inbox changed. Queued when an invited partner joined with a
// clear screen of their own, but it says neither that nor who: no reference,
// name or address. The team reads the referral (its "Partner: has joined" line
// and the partner's thread) in the inbox, behind the passkey, where every
// opening is recorded; the partner's address is never the team's to have.

export const counselingPartnerJoinedDataSchema = z.object({}).strict();

export const counselingPartnerJoinedEmail: EmailTemplate<
  z.infer<typeof counselingPartnerJoinedDataSchema>
> = {
  schema: counselingPartnerJoinedDataSchema,
  render(_data, { appUrl }) {
    return renderLayout({
      subject: "A referral in the Heartwork inbox was updated",
      intro: ["A referral in the Heartwork inbox was updated."],
      action: { label: "Open the inbox", url: `${appUrl}/team` },
      outro: ["Sign in with your passkey to read it."],
    });
  },
};
