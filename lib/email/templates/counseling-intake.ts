import { z } from "zod";
import {
  COUNSELING_FOCUSES,
  COUNSELING_FORMATS,
  COUNSELING_TIMES,
  type CounselingIntakeEmailPayload,
} from "@/lib/counseling/intake";
import { renderLayout } from "@/lib/email/templates/layout";
import type { EmailTemplate } from "@/lib/email/templates/types";

// A new referral, for the counseling team's inbox (COUNSELING_INTAKE_EMAIL).
// It carries only what the person agreed to share; the safety screen's answers
// are not part of it (they were never stored), nor is its outcome. The intake is
// sealed in the outbox and opened by the worker only to render the message.

const intakeSchema: z.ZodType<CounselingIntakeEmailPayload> = z.object({
  format: z.enum(["COUPLES", "INDIVIDUAL"]),
  focuses: z.array(z.enum(Object.keys(COUNSELING_FOCUSES) as [keyof typeof COUNSELING_FOCUSES])),
  note: z.string().nullable(),
  preferredTimes: z.array(z.enum(Object.keys(COUNSELING_TIMES) as [keyof typeof COUNSELING_TIMES])),
  contact: z.discriminatedUnion("method", [
    z.object({ method: z.literal("EMAIL"), email: z.string() }),
    z.object({ method: z.literal("PHONE"), phone: z.string(), safeToLeaveMessage: z.boolean() }),
  ]),
});

export const counselingIntakeDataSchema = z
  .object({ referralId: z.string().min(1).max(64), intake: intakeSchema })
  .strict();

export const counselingIntakeEmail: EmailTemplate<z.infer<typeof counselingIntakeDataSchema>> = {
  schema: counselingIntakeDataSchema,
  render({ referralId, intake }) {
    const contact =
      intake.contact.method === "EMAIL"
        ? `Contact by email: ${intake.contact.email}`
        : `Contact by phone: ${intake.contact.phone}. ${
            intake.contact.safeToLeaveMessage
              ? "A message may be left."
              : "Do NOT leave a message; speak only to them."
          }`;
    return renderLayout({
      subject: `New counseling referral ${referralId}`,
      intro: [
        `A new counseling referral (reference ${referralId}).`,
        `Requested: ${COUNSELING_FORMATS[intake.format]}. The first session is free.`,
        intake.focuses.length > 0
          ? `They hope counseling helps with: ${intake.focuses.map((f) => COUNSELING_FOCUSES[f]).join("; ")}.`
          : "They chose not to share what they hope counseling helps with.",
        ...(intake.note ? [`In their words: ${intake.note}`] : []),
        `Preferred times: ${intake.preferredTimes.map((t) => COUNSELING_TIMES[t]).join("; ")}.`,
        contact,
      ],
      outro: ["Speak with each partner on their own before any joint session."],
    });
  },
};
