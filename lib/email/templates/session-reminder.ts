import { z } from "zod";
import { JOIN_DETAIL_LABELS, JOIN_KINDS } from "@/lib/booking/rules";
import { formatAppointmentIn } from "@/lib/time/format-in-zone";
import { renderLayout } from "@/lib/email/templates/layout";
import type { EmailTemplate } from "@/lib/email/templates/types";

// A reminder 24 hours or 1 hour before a booked session, to the person, the
// joined partner and the counselor. Bland like the invitation (SECURITY.md):
// "appointment", never a health word; the time in the recipient's zone, named,
// with the same helper as the invitation.

export const SESSION_REMINDER_SUBJECT = "Reminder: your Heartwork appointment";

export const sessionReminderDataSchema = z
  .object({
    audience: z.enum(["person", "partner", "team"]),
    referralId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
    timeZone: z.string().min(1).max(64),
    hours: z.union([z.literal(24), z.literal(1)]),
    startsAt: z.iso.datetime(),
    lengthMinutes: z.number().int().min(1).max(1_440),
    joinKind: z.enum(JOIN_KINDS),
    joinDetail: z.string().max(2_000).nullable(),
  })
  .strict();
export type SessionReminderData = z.infer<typeof sessionReminderDataSchema>;

function pagePath({ audience, referralId }: SessionReminderData): string {
  if (audience === "team") return `/team/referrals/${referralId}`;
  return audience === "partner" ? `/counseling/joined/${referralId}` : "/counseling";
}

export const sessionReminderEmail: EmailTemplate<SessionReminderData> = {
  schema: sessionReminderDataSchema,
  render(data, { appUrl }) {
    const when = formatAppointmentIn(new Date(data.startsAt), data.timeZone);
    return renderLayout({
      subject: SESSION_REMINDER_SUBJECT,
      intro: [
        "Hello,",
        `A reminder: your appointment is on ${when}, for ${data.lengthMinutes} minutes.`,
        ...(data.joinDetail ? [`${JOIN_DETAIL_LABELS[data.joinKind]}: ${data.joinDetail}`] : []),
      ],
      action: { label: "Open Heartwork", url: `${appUrl}${pagePath(data)}` },
      ...(data.audience === "team"
        ? {}
        : {
            links: [
              { label: "Turn appointment reminders off", url: `${appUrl}/progress/reminders` },
            ],
          }),
      outro: ["You get this email a day and an hour before each appointment."],
    });
  },
};
