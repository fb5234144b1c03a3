import { z } from "zod";
import { JOIN_DETAIL_LABELS, JOIN_KINDS } from "@/lib/booking/rules";
import { SESSION_ICS_FILENAME, sessionCalendar } from "@/lib/booking/session-calendar";
import { formatAppointmentIn } from "@/lib/time/format-in-zone";
import { renderLayout } from "@/lib/email/templates/layout";
import type { EmailTemplate } from "@/lib/email/templates/types";

// A booked first session: booked, moved or cancelled, to the person, the
// joined partner and the counselor, each with the calendar file. Bland like
// every email (SECURITY.md): "appointment", never counseling or a health word,
// in the subject, the body and the calendar's summary. The time is said in the
// recipient's zone, named; the calendar file carries it in UTC.

export const SESSION_SUBJECTS = {
  booked: "Your Heartwork appointment",
  moved: "Your Heartwork appointment has moved",
  cancelled: "Your Heartwork appointment is cancelled",
} as const;

export const sessionInvitationDataSchema = z
  .object({
    audience: z.enum(["person", "partner", "team"]),
    referralId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
    change: z.enum(["booked", "moved", "cancelled"]),
    timeZone: z.string().min(1).max(64),
    sequence: z.number().int().min(0),
    uid: z.string().min(1).max(200),
    startsAt: z.iso.datetime(),
    lengthMinutes: z.number().int().min(1).max(1_440),
    joinKind: z.enum(JOIN_KINDS),
    joinDetail: z.string().max(2_000).nullable(),
    stamp: z.iso.datetime(),
  })
  .strict();
export type SessionInvitationData = z.infer<typeof sessionInvitationDataSchema>;

function pagePath({ audience, referralId }: SessionInvitationData): string {
  if (audience === "team") return `/team/referrals/${referralId}`;
  return audience === "partner" ? `/counseling/joined/${referralId}` : "/counseling";
}

export const sessionInvitationEmail: EmailTemplate<SessionInvitationData> = {
  schema: sessionInvitationDataSchema,
  render(data, { appUrl }) {
    const startsAt = new Date(data.startsAt);
    const when = formatAppointmentIn(startsAt, data.timeZone);
    const cancelled = data.change === "cancelled";
    const intro = cancelled
      ? ["Hello,", `Your appointment on ${when} is cancelled.`]
      : [
          "Hello,",
          `${data.change === "moved" ? "Your appointment has moved. It is now" : "Your appointment is"} on ${when}, for ${data.lengthMinutes} minutes.`,
          ...(data.joinDetail ? [`${JOIN_DETAIL_LABELS[data.joinKind]}: ${data.joinDetail}`] : []),
        ];
    const rendered = renderLayout({
      subject: SESSION_SUBJECTS[data.change],
      intro,
      action: { label: "Open Heartwork", url: `${appUrl}${pagePath(data)}` },
      outro: [
        cancelled
          ? "The attached calendar file removes it from your calendar."
          : "The attached calendar file adds it to your calendar.",
      ],
    });
    return {
      ...rendered,
      calendar: {
        method: cancelled ? "CANCEL" : "REQUEST",
        filename: SESSION_ICS_FILENAME,
        content: sessionCalendar(
          {
            uid: data.uid,
            sequence: data.sequence,
            method: cancelled ? "CANCEL" : "REQUEST",
            startsAt,
            lengthMinutes: data.lengthMinutes,
            joinKind: data.joinKind,
            joinDetail: data.joinDetail,
            stamp: new Date(data.stamp),
          },
          { appUrl },
        ),
      },
    };
  },
};
