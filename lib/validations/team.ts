import { z } from "zod";
import {
  CLOSING_OUTCOMES,
  DISPLAY_NAME_MAX_LENGTH,
  INBOX_FILTERS,
  MESSAGE_MAX_LENGTH,
  MESSAGE_THREADS,
  OPERATOR_MAX_LENGTH,
  RESOURCES_MAX_LENGTH,
  TEAM_ROLES,
} from "@/lib/counseling/team";
import { emailAddressSchema } from "@/lib/validations/email-address";
import { optionalText, requiredText } from "@/lib/validations/free-text";
import { rowId } from "@/lib/validations/tracker-fields";
import { requestKeySchema } from "@/lib/validations/counseling";

// Inputs of the counseling team's data functions and command line. Strict
// objects, bounded strings, closed lists: the data layer parses them again, so
// a caller that skipped its form schema still cannot store a 10,000-character
// message or an unknown role.

const CONTROL = /[\u0000-\u001f\u007f\u2028\u2029]/;

export const teamRoleSchema = z.enum(TEAM_ROLES, {
  error: `The role must be one of: ${TEAM_ROLES.join(", ")}.`,
});

/** A first name shown to people ("Dana is reviewing your request"). */
export const teamDisplayNameSchema = z
  .string()
  .trim()
  .min(1, "The name cannot be empty.")
  .max(DISPLAY_NAME_MAX_LENGTH, `Keep the name to ${DISPLAY_NAME_MAX_LENGTH} characters or fewer.`)
  .refine((v) => /^[\p{L}\p{M}][\p{L}\p{M}' -]*$/u.test(v), {
    error: "Use letters, spaces, apostrophes and hyphens only in the name.",
  });

/** Who ran a team command, for the record of role changes. */
export const teamOperatorSchema = z
  .string()
  .trim()
  .min(1, "The operator (--by) cannot be empty.")
  .max(OPERATOR_MAX_LENGTH, `Keep the operator (--by) to ${OPERATOR_MAX_LENGTH} characters.`)
  .refine((v) => !CONTROL.test(v), "The operator (--by) contains a hidden character.");

export const addTeamMemberSchema = z
  .object({
    email: emailAddressSchema,
    role: teamRoleSchema,
    displayName: teamDisplayNameSchema.optional(),
    operator: teamOperatorSchema,
  })
  .strict();
export type AddTeamMemberInput = z.infer<typeof addTeamMemberSchema>;

export const removeTeamMemberSchema = z
  .object({ email: emailAddressSchema, operator: teamOperatorSchema })
  .strict();
export type RemoveTeamMemberInput = z.infer<typeof removeTeamMemberSchema>;

export const referralIdSchema = rowId;

export const inboxQuerySchema = z
  .object({
    filter: z.enum(INBOX_FILTERS).default("new"),
    cursor: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,200}$/)
      .optional(),
  })
  .strict();
export type InboxQuery = z.infer<typeof inboxQuerySchema>;

export const counselingMessageSchema = z
  .object({
    referralId: referralIdSchema,
    thread: z.enum(MESSAGE_THREADS, { error: "Choose a conversation." }),
    text: requiredText(MESSAGE_MAX_LENGTH, "Your message"),
    requestKey: requestKeySchema,
  })
  .strict();
export type CounselingMessageInput = z.infer<typeof counselingMessageSchema>;

export const closeReferralSchema = z
  .object({
    referralId: referralIdSchema,
    outcome: z.enum(CLOSING_OUTCOMES, { error: "Choose how the referral ends." }),
    resources: optionalText(RESOURCES_MAX_LENGTH),
  })
  .strict();
export type CloseReferralInput = z.infer<typeof closeReferralSchema>;

export const reassignReferralSchema = z
  .object({
    referralId: referralIdSchema,
    toUserId: z
      .string({ error: "Choose a team member." })
      .min(1, { error: "Choose a team member.", abort: true })
      .regex(/^[A-Za-z0-9_-]{1,64}$/, "Choose a team member from the list."),
  })
  .strict();

/** A button that names one referral (claim). */
export const claimReferralSchema = z.object({ referralId: referralIdSchema }).strict();
