import { z } from "zod";
import { decryptField } from "@/lib/crypto/field-encryption";
import { INVITATION_SUBJECT } from "@/lib/counseling/invitation-subject";
import { invitationPath } from "@/lib/counseling/invitation-token";
import { sealedField } from "@/lib/counseling/sealed-fields";
import { invitationEmailStillWanted } from "@/lib/data/invitation-mail";
import { renderLayout } from "@/lib/email/templates/layout";
import type { EmailTemplate } from "@/lib/email/templates/types";

// The invitation a partner receives. Deliberately bland (PRODUCT.md, safety):
// a fixed subject (lib/counseling/invitation-subject.ts), then who invited them, to what, that the first session is free, and links to
// accept, decline or never be contacted again. Nothing from the screen, the
// intake or the personal message (that waits behind the link). Every link
// opens a page that asks for a click: a GET (an email scanner) spends nothing.
// The token is sealed in the outbox row and only opened to render the email.

export const partnerInvitationDataSchema = z
  .object({
    invitationId: z.string().min(1).max(64),
    inviterId: z.string().min(1).max(64),
    sendNumber: z.number().int().min(0).max(1_000),
    inviterName: z.string().min(1).max(80),
    sealedToken: z.string().min(1).max(500),
  })
  .strict();

export type PartnerInvitationData = z.infer<typeof partnerInvitationDataSchema>;

export const partnerInvitationEmail: EmailTemplate<PartnerInvitationData> = {
  schema: partnerInvitationDataSchema,
  render(data, { appUrl }) {
    const token = decryptField(
      data.sealedToken,
      sealedField.invitationEmail(data.inviterId, data.invitationId, data.sendNumber),
    );
    const page = `${appUrl}${invitationPath(token)}`;
    return renderLayout({
      subject: INVITATION_SUBJECT,
      intro: [
        "Hello,",
        `${data.inviterName} invited you to start couples counseling together on Heartwork.`,
        "The first session is free. Nothing happens unless you choose to accept.",
      ],
      action: { label: "Accept the invitation", url: `${page}?choice=accept` },
      links: [
        { label: "Decline the invitation", url: `${page}?choice=decline` },
        { label: "Never contact me again", url: `${page}?choice=never` },
      ],
      outro: [
        "The invitation is open for 7 days. Each link opens a page where you decide; opening it changes nothing.",
        "If you were not expecting this email, you can ignore it.",
      ],
    });
  },
  async shouldSend(tx, message) {
    const data = partnerInvitationDataSchema.safeParse(message.data);
    if (!data.success) return false;
    return invitationEmailStillWanted(tx, {
      invitationId: data.data.invitationId,
      sendNumber: data.data.sendNumber,
      to: message.to,
    });
  },
};
