import { z } from "zod";
import { renderLayout } from "@/lib/email/templates/layout";
import type { EmailTemplate } from "@/lib/email/templates/types";
import { STOP_PAGE_PATH, STOP_POST_PATH } from "@/lib/reminders/stop-token";

// A check-in reminder or a hard date's heads-up. Bland on purpose: whoever
// sees the subject or the preview on a lock screen learns nothing — no name,
// no feeling, no date, not even which kind of reminder it is. The one-click
// stop (RFC 8058) works from the mail client's own button without signing in.

export const reminderDataSchema = z
  .object({
    kind: z.enum(["daily", "hard-date"]),
    token: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  })
  .strict();

export const reminderEmail: EmailTemplate<z.infer<typeof reminderDataSchema>> = {
  schema: reminderDataSchema,
  render({ token }, { appUrl }) {
    const query = `?t=${encodeURIComponent(token)}`;
    const rendered = renderLayout({
      subject: "Your Heartwork reminder",
      intro: ["Hello,", "This is the reminder you asked for."],
      action: { label: "Open Heartwork", url: `${appUrl}/progress` },
      links: [
        { label: "Stop these reminders", url: `${appUrl}${STOP_PAGE_PATH}${query}` },
        { label: "Change or pause them", url: `${appUrl}/progress/reminders` },
      ],
      outro: ["You get this email because you turned reminders on."],
    });
    return {
      ...rendered,
      headers: {
        "List-Unsubscribe": `<${appUrl}${STOP_POST_PATH}${query}>`,
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      },
    };
  },
};
