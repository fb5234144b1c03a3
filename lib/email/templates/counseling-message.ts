import { z } from "zod";
import { renderLayout } from "@/lib/email/templates/layout";
import type { EmailTemplate } from "@/lib/email/templates/types";

// "You have a new message": sent to the other side(s) of a counseling thread.
// Bland by design (PRODUCT.md, SECURITY.md): no names, no words of the
// message, nothing about counseling in the subject or the body; only a link
// to the page where the message is read, behind the reader's own sign-in.

export const COUNSELING_MESSAGE_SUBJECT = "You have a new message in Heartwork";

/** Whose page the link opens: the team's referral page, the person's or the partner's counseling page. */
export const counselingMessageDataSchema = z
  .object({
    audience: z.enum(["team", "person", "partner"]),
    referralId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  })
  .strict();
export type CounselingMessageData = z.infer<typeof counselingMessageDataSchema>;

export function counselingMessagePath({ audience, referralId }: CounselingMessageData): string {
  switch (audience) {
    case "team":
      return `/team/referrals/${referralId}`;
    case "person":
      return "/counseling";
    case "partner":
      return `/counseling/joined/${referralId}`;
  }
}

export const counselingMessageEmail: EmailTemplate<CounselingMessageData> = {
  schema: counselingMessageDataSchema,
  render(data, { appUrl }) {
    return renderLayout({
      subject: COUNSELING_MESSAGE_SUBJECT,
      intro: ["Hello,", "You have a new message in Heartwork."],
      action: { label: "Read it in Heartwork", url: `${appUrl}${counselingMessagePath(data)}` },
      outro: ["You will be asked to sign in first if you are not signed in already."],
    });
  },
};
