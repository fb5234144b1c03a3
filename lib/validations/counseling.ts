import { z } from "zod";
import {
  COUNSELING_CONTACTS,
  COUNSELING_FOCUSES,
  COUNSELING_FORMATS,
  COUNSELING_TIMES,
  INTAKE_NOTE_MAX_LENGTH,
  PHONE_MAX_LENGTH,
  type CounselingContact,
  type CounselingFocus,
  type CounselingFormat,
  type CounselingTime,
} from "@/lib/counseling/intake";
import { SAFETY_ANSWERS, type SAFETY_QUESTIONS } from "@/lib/counseling/safety-screen";
import { emailAddress } from "@/lib/validations/email-address";
import { freeText } from "@/lib/validations/free-text";
import {
  DECLINE_NOTE_MAX_LENGTH,
  INVITATION_MESSAGE_MAX_LENGTH,
  INVITER_NAME_MAX_LENGTH,
} from "@/lib/counseling/invitation-limits";

// The counseling flow's forms. Every object is strict, every string has a
// maximum length, and choices are closed lists.

function keysOf<K extends string>(record: Record<K, string>): [K, ...K[]] {
  return Object.keys(record) as [K, ...K[]];
}

const checkbox = z
  .enum(["on", "true"])
  .optional()
  .transform((v) => v !== undefined);

// ---------------------------------------------------------- safety screen --

const answer = z.enum(SAFETY_ANSWERS, { error: "Choose an answer." });

export const safetyScreenSchema = z
  .object({
    afraid: answer,
    hurt: answer,
    threatened: answer,
    controlled: answer,
  })
  .strict() satisfies z.ZodType<Record<(typeof SAFETY_QUESTIONS)[number]["id"], unknown>>;

export type SafetyScreenInput = z.infer<typeof safetyScreenSchema>;

/** The partner's screen names the referral they joined. */
export const partnerSafetyScreenSchema = safetyScreenSchema
  .extend({ referralId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "Unknown referral.") })
  .strict();

// ------------------------------------------------------------------ intake --

export const PHONE_WITH_EMAIL_MESSAGE =
  'You gave a phone number but chose "By email". Choose "By phone" to be called, or clear the number.';

/** Digits, spaces, +, -, dots and parentheses; 7 to 15 digits in all. */
const PHONE = /^\+?[0-9 ().-]{7,30}$/;

export const counselingIntakeSchema = z
  .object({
    format: z.enum(keysOf<CounselingFormat>(COUNSELING_FORMATS), {
      error: "Choose couples or individual counseling.",
    }),
    focuses: z
      .array(z.enum(keysOf<CounselingFocus>(COUNSELING_FOCUSES)))
      .max(Object.keys(COUNSELING_FOCUSES).length)
      .default([])
      .transform((v) => [...new Set(v)]),
    note: freeText(INTAKE_NOTE_MAX_LENGTH).default(""),
    preferredTimes: z
      .array(z.enum(keysOf<CounselingTime>(COUNSELING_TIMES)), {
        error: "Choose at least one time that could work.",
      })
      .min(1, "Choose at least one time that could work.")
      .max(Object.keys(COUNSELING_TIMES).length)
      .transform((v) => [...new Set(v)]),
    contactMethod: z.enum(keysOf<CounselingContact>(COUNSELING_CONTACTS), {
      error: "Choose how counselors may contact you.",
    }),
    phone: freeText(PHONE_MAX_LENGTH).default(""),
    safeToLeaveMessage: checkbox,
    shareFocuses: checkbox,
    shareNote: checkbox,
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.contactMethod !== "PHONE") {
      // A number sent with "By email" means the form and the person disagree
      // (issue 12: the radio had flipped back after an error). Asking is safe;
      // emailing someone who asked for a call may reach whoever reads their mail.
      if (value.phone !== "") {
        ctx.addIssue({
          code: "custom",
          path: ["contactMethod"],
          message: PHONE_WITH_EMAIL_MESSAGE,
        });
      }
      return;
    }
    const digits = value.phone.replace(/\D/g, "").length;
    if (!PHONE.test(value.phone.trim()) || digits < 7 || digits > 15) {
      ctx.addIssue({
        code: "custom",
        path: ["phone"],
        message: "Enter a phone number, like +1 555 123 4567.",
      });
    }
  })
  .transform((value) => ({
    ...value,
    phone: value.contactMethod === "PHONE" ? value.phone.trim() : "",
  }));

export type CounselingIntakeInput = z.infer<typeof counselingIntakeSchema>;

// ------------------------------------------------------------- invitations --

export { DECLINE_NOTE_MAX_LENGTH, INVITATION_MESSAGE_MAX_LENGTH, INVITER_NAME_MAX_LENGTH };

// A name goes into an email's subject and body: letters (any script), spaces,
// apostrophes and hyphens only. No digits, dots, slashes or colons, so it can
// never read as a link or an address.
const NAME = /^[\p{L}\p{M}][\p{L}\p{M}' -]*$/u;

export const inviterNameSchema = freeText(
  INVITER_NAME_MAX_LENGTH,
  "Enter your name as your partner knows it.",
)
  .transform((v) => v.replace(/\s+/g, " "))
  .refine((v) => v.length > 0, "Enter your name as your partner knows it.")
  .refine(
    (v) => v.length === 0 || NAME.test(v),
    "Use letters, spaces, apostrophes and hyphens only.",
  );

export const requestKeySchema = z.uuid({ error: "Please reload the page and try again." });

export const invitationIdSchema = z
  .object({ invitationId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "Unknown invitation.") })
  .strict();

/** The emailed token: 32 random bytes in base64url. Anything else is simply "not found". */
export const invitationTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

export const declineInvitationSchema = z
  .object({ note: freeText(DECLINE_NOTE_MAX_LENGTH).default("") })
  .strict();

export const invitePartnerSchema = z
  .object({
    email: emailAddress("Enter your partner's email address."),
    inviterName: inviterNameSchema,
    message: freeText(INVITATION_MESSAGE_MAX_LENGTH).default(""),
    requestKey: requestKeySchema,
  })
  .strict();

export type InvitePartnerInput = z.infer<typeof invitePartnerSchema>;
