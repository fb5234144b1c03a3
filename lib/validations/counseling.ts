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
import { COUNSELING_CHOICES } from "@/lib/counseling/entry-points";
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

/** The person's own screen carries their choice of "for me" or "for us", if they made one. */
export const ownSafetyScreenSchema = safetyScreenSchema
  .extend({ for: z.enum(COUNSELING_CHOICES).optional() })
  .strict();

/** The partner's screen names the referral they joined. */
export const partnerSafetyScreenSchema = safetyScreenSchema
  .extend({ referralId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "Unknown referral.") })
  .strict();

// ------------------------------------------------------------------ intake --

export const PHONE_WITH_EMAIL_MESSAGE =
  'You gave a phone number but chose "By email". Choose "By phone" to be called, or clear the number.';

/** Digits, spaces, +, -, dots and parentheses; 7 to 15 digits in all. */
const PHONE = /^\+?[0-9 ().-]{7,30}$/;

const preferredTimes = z
  .array(z.enum(keysOf<CounselingTime>(COUNSELING_TIMES)), {
    error: "Choose at least one time that could work.",
  })
  .min(1, "Choose at least one time that could work.")
  .max(Object.keys(COUNSELING_TIMES).length)
  .transform((v) => [...new Set(v)]);

/** How to reach the person: the same fields in the intake and when they change them later. */
const contactFields = {
  preferredTimes,
  contactMethod: z.enum(keysOf<CounselingContact>(COUNSELING_CONTACTS), {
    error: "Choose how counselors may contact you.",
  }),
  phone: freeText(PHONE_MAX_LENGTH).default(""),
  safeToLeaveMessage: checkbox,
};

type ContactValue = { contactMethod: CounselingContact; phone: string };

function checkContact(value: ContactValue, ctx: z.RefinementCtx) {
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
}

function keepOneContact<V extends ContactValue>(value: V): V {
  return { ...value, phone: value.contactMethod === "PHONE" ? value.phone.trim() : "" };
}

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
    ...contactFields,
    shareFocuses: checkbox,
    shareNote: checkbox,
  })
  .strict()
  .superRefine(checkContact)
  .transform(keepOneContact);

/** A sent request's contact details and times, changed by the person until it is closed. */
export const counselingContactSchema = z
  .object(contactFields)
  .strict()
  .superRefine(checkContact)
  .transform(keepOneContact);

/** Withdrawing asks for a tick that says so: one stray click never closes a request. */
export const withdrawRequestSchema = z
  .object({
    confirm: z.literal("on", { error: "Tick the box to confirm that you want to withdraw." }),
  })
  .strict();

export type CounselingIntakeInput = z.infer<typeof counselingIntakeSchema>;

// ------------------------------------------------------------- invitations --

export { DECLINE_NOTE_MAX_LENGTH, INVITATION_MESSAGE_MAX_LENGTH, INVITER_NAME_MAX_LENGTH };

// A name goes into the invitation's body (never its subject): letters (any
// script), spaces, apostrophes and hyphens only. No digits, dots, slashes or
// colons, so it can never read as a link or an address.
const NAME = /^[\p{L}\p{M}][\p{L}\p{M}' -]*$/u;

// And a name, not a sentence: "I know where you live" or "Watch your back" is a
// message to the person invited, typed where a name goes. At most four names
// (particles such as "de" or "van" are not counted) and no pronoun, which no
// name is and nearly every such sentence has.
const NAME_MAX_WORDS = 4;
const NAME_PARTICLES = new Set(
  "al bin d da das de del della den der di do dos du el ibn la le st ten ter van von y zu".split(
    " ",
  ),
);
const NOT_NAMES = new Set(
  "i me my mine you your yours u ur we us our he him his she her they them their it its".split(" "),
);

function readsAsName(name: string): boolean {
  const words = name.toLowerCase().split(" ");
  if (words.some((w) => NOT_NAMES.has(w))) return false;
  return words.filter((w) => !NAME_PARTICLES.has(w)).length <= NAME_MAX_WORDS;
}

export const inviterNameSchema = freeText(
  INVITER_NAME_MAX_LENGTH,
  "Enter your name as your partner knows it.",
)
  .transform((v) => v.replace(/\s+/g, " "))
  .refine((v) => v.length > 0, "Enter your name as your partner knows it.")
  .refine(
    (v) => v.length === 0 || NAME.test(v),
    "Use letters, spaces, apostrophes and hyphens only.",
  )
  .refine(
    (v) => v.length === 0 || !NAME.test(v) || readsAsName(v),
    "Enter just your name, as your partner knows it (at most four words).",
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
