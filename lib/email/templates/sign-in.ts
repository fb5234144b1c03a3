import { z } from "zod";
import { SIGN_IN_CONFIRM_PATH } from "@/lib/data/outbox-payloads";
import { renderLayout } from "@/lib/email/templates/layout";
import type { EmailTemplate } from "@/lib/email/templates/types";

// The magic-link email. It links to our confirmation page (a GET there spends
// nothing), never straight to the Auth.js callback. The subject and body say
// nothing about what the person uses Heartwork for.

export const signInEmailDataSchema = z
  .object({
    /** Path and query of the confirmation page; the origin comes from APP_URL. */
    path: z.string().startsWith(SIGN_IN_CONFIRM_PATH).max(2_000),
  })
  .strict();
export type SignInEmailData = z.infer<typeof signInEmailDataSchema>;

export const signInEmail: EmailTemplate<SignInEmailData> = {
  schema: signInEmailDataSchema,
  render(data, { appUrl }) {
    return renderLayout({
      subject: "Your Heartwork sign-in link",
      intro: ["Hello,", "Someone, we hope you, asked to sign in to Heartwork with this address."],
      action: { label: "Sign in to Heartwork", url: `${appUrl}${data.path}` },
      outro: [
        "The link works once, for 10 minutes.",
        "If you did not ask for it, you can ignore this email. Nothing happens without a click.",
      ],
    });
  },
};
