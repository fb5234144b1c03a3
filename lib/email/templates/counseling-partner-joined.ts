import { z } from "zod";
import { openJson, sealedField } from "@/lib/counseling/sealed-fields";
import { renderLayout } from "@/lib/email/templates/layout";
import type { EmailTemplate } from "@/lib/email/templates/types";

// For the counseling team: the invited partner of a referral joined and
// answered Heartwork's private questions, so joint sessions can be offered.
// Queued only then; the inviter never learns anything about the partner's
// answers, and no outcome is ever written in an email.

export const counselingPartnerJoinedDataSchema = z
  .object({
    referralId: z.string().min(1).max(64),
    partnerId: z.string().min(1).max(64),
    sealed: z.string().min(1).max(2_000),
  })
  .strict();

const payloadSchema = z.object({ email: z.string() });

export const counselingPartnerJoinedEmail: EmailTemplate<
  z.infer<typeof counselingPartnerJoinedDataSchema>
> = {
  schema: counselingPartnerJoinedDataSchema,
  render(data) {
    const { email } = payloadSchema.parse(
      openJson(data.sealed, sealedField.partnerJoinedEmail(data.partnerId, data.referralId)),
    );
    return renderLayout({
      subject: `Partner joined counseling referral ${data.referralId}`,
      intro: [
        `The invited partner of referral ${data.referralId} joined with their own account.`,
        "Both partners have now answered Heartwork's private questions, each alone; joint sessions can be offered.",
        `Contact the partner by email: ${email}`,
      ],
      outro: ["Speak with each partner on their own again before the first joint session."],
    });
  },
};
