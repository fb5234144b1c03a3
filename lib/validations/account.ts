import { z } from "zod";

export const DISPLAY_NAME_MAX_LENGTH = 80;
/** What a person types to confirm deleting their account. */
export const DELETE_CONFIRMATION_PHRASE = "delete my account";

export const displayNameSchema = z
  .object({
    name: z
      .string()
      .max(DISPLAY_NAME_MAX_LENGTH, `Keep it to ${DISPLAY_NAME_MAX_LENGTH} characters or fewer.`)

      .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), "Use letters, spaces and punctuation only.")
      .transform((v) => v.trim()),
  })
  .strict();

export const deleteAccountSchema = z
  .object({
    confirmation: z
      .string()
      .max(100)
      .refine((v) => v.trim().toLowerCase() === DELETE_CONFIRMATION_PHRASE, {
        message: `Type "${DELETE_CONFIRMATION_PHRASE}" to confirm.`,
      }),
  })
  .strict();
