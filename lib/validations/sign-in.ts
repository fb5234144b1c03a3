import { z } from "zod";
import { emailAddressSchema } from "@/lib/validations/email-address";

export const signInRequestSchema = z
  .object({
    email: emailAddressSchema,
    callbackUrl: z.string().max(1_000).optional(),
  })
  .strict();

export type SignInRequest = z.infer<typeof signInRequestSchema>;
