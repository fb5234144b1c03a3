import { z } from "zod";
import { INVITATION_SUBJECT } from "@/lib/counseling/invitation-subject";
import { invitationPath, isWellFormedInvitationToken } from "@/lib/counseling/invitation-token";
import { isValidTimeZone } from "@/lib/tracker/calendar-day";
import { formatDateTimeIn } from "@/lib/time/format-in-zone";
import { renderLayout } from "@/lib/email/templates/layout";
import type { EmailTemplate } from "@/lib/email/templates/types";

// The invitation a partner receives. Deliberately bland (docs/product.md, "Safety"):
// a fixed subject (lib/counseling/invitation-subject.ts), then who invited them,
// to what, that the first session is free, and links to
// accept, decline or never be contacted again. Nothing from the screen, the
// intake or the personal message (that waits behind the link). Every link
// opens a page that asks for a click: a GET (an email scanner) spends nothing.
// The token is sealed in the outbox row; the worker opens it just before it
// renders the email (lib/email/open-payloads.ts). The closing time is said in
// the invitee's zone when their address already has an account that chose one,
// and otherwise in UTC, named: we do not know where a stranger lives, and a
// time without its zone could be read hours off.

export const partnerInvitationDataSchema = z
  .object({
    inviterName: z.string().min(1).max(80),
    token: z.string().refine(isWellFormedInvitationToken, "not an invitation token"),
    /** When the link stops working; absent in rows queued before it was sent along. */
    expiresAt: z.iso.datetime().optional(),
    /** The invitee's own zone if their address has an account that chose one; else UTC. */
    timeZone: z.string().refine(isValidTimeZone, "not a time zone").optional(),
  })
  .strict();

export type PartnerInvitationData = z.infer<typeof partnerInvitationDataSchema>;

/** "The invitation is open until Dec 12, 2026, 4:40 PM (UTC)." — the zone always named. */
function openUntil({ expiresAt, timeZone = "UTC" }: PartnerInvitationData): string {
  if (!expiresAt) return "The invitation is open for 7 days.";
  return `The invitation is open until ${formatDateTimeIn(new Date(expiresAt), timeZone)}.`;
}

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
        `${openUntil(data)} Each link opens a page where you decide; opening it changes nothing.`,
        "If you were not expecting this email, you can ignore it.",
      ],
    });
  },
};
