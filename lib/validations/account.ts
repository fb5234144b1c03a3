import { z } from "zod";
import { freeText } from "@/lib/validations/free-text";

import { DELETE_CONFIRMATION_PHRASE, DISPLAY_NAME_MAX_LENGTH } from "@/lib/account/form-rules";

export { DELETE_CONFIRMATION_PHRASE, DISPLAY_NAME_MAX_LENGTH };

export const displayNameSchema = z
  .object({
    name: freeText(DISPLAY_NAME_MAX_LENGTH),
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
