import { z } from "zod";

import { DELETE_CONFIRMATION_PHRASE, DISPLAY_NAME_MAX_LENGTH } from "@/lib/account/form-rules";

export { DELETE_CONFIRMATION_PHRASE, DISPLAY_NAME_MAX_LENGTH };

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
