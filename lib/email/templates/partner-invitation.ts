import { z } from "zod";
import { INVITATION_SUBJECT } from "@/lib/counseling/invitation-subject";
import { invitationPath, isWellFormedInvitationToken } from "@/lib/counseling/invitation-token";
import { renderLayout } from "@/lib/email/templates/layout";
import type { EmailTemplate } from "@/lib/email/templates/types";

// The invitation a partner receives. Deliberately bland (docs/product.md, "Safety"):
// a fixed subject (lib/counseling/invitation-subject.ts), then who invited them,
// to what, that the first session is free, and links to
// accept, decline or never be contacted again. Nothing from the screen, the
// intake or the personal message (that waits behind the link). Every link
// opens a page that asks for a click: a GET (an email scanner) spends nothing.
// The token is sealed in the outbox row; the worker opens it just before it
// renders the email (lib/email/open-payloads.ts).

export const partnerInvitationDataSchema = z
  .object({
    inviterName: z.string().min(1).max(80),
    token: z.string().refine(isWellFormedInvitationToken, "not an invitation token"),
  })
  .strict();

export type PartnerInvitationData = z.infer<typeof partnerInvitationDataSchema>;

export const partnerInvitationEmail: EmailTemplate<PartnerInvitationData> = {
  schema: partnerInvitationDataSchema,
  render(data, { appUrl }) {
    const page = `${appUrl}${invitationPath(data.token)}`;
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
};
