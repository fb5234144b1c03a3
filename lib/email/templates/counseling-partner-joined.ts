import { z } from "zod";
import { renderLayout } from "@/lib/email/templates/layout";
import type { EmailTemplate } from "@/lib/email/templates/types";

// For the counseling team: the invited partner of a referral joined and
// answered Heartwork's private questions, so joint sessions can be offered.
// Queued only then; the inviter never learns anything about the partner's
// answers, and no outcome is ever written in an email. The partner's address
// is sealed in the outbox and opened by the worker only to render the message.

export const counselingPartnerJoinedDataSchema = z
  .object({ referralId: z.string().min(1).max(64), email: z.string().max(320) })
  .strict();

export const counselingPartnerJoinedEmail: EmailTemplate<
  z.infer<typeof counselingPartnerJoinedDataSchema>
> = {
  schema: counselingPartnerJoinedDataSchema,
  render({ referralId, email }) {
    return renderLayout({
      subject: `Partner joined counseling referral ${referralId}`,
      intro: [
        `The invited partner of referral ${referralId} joined with their own account.`,
        "Both partners have now answered Heartwork's private questions, each alone; joint sessions can be offered.",
        `Contact the partner by email: ${email}`,
      ],
      outro: ["Speak with each partner on their own again before the first joint session."],
    });
  },
};
