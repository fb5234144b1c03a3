"use server";

import { defineAction } from "@/lib/actions/action-pipeline";
import { freshSignInLink } from "@/lib/actions/sign-in-link";
import { noInputSchema } from "@/lib/validations/no-input";

/** Emails a fresh sign-in link that comes back to the export page (exports need a recent sign-in). */
export const requestExportSignIn = defineAction("requestExportSignIn", {
  schema: noInputSchema,
  work: ({ user }) => freshSignInLink(user.email, "/progress/export"),
});
