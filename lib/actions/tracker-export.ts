"use server";

import { runAction } from "@/lib/actions/action-pipeline";
import { type FormState } from "@/lib/actions/form-state";
import { freshSignInLink } from "@/lib/actions/sign-in-link";
import { noInputSchema } from "@/lib/validations/no-input";

/** Emails a fresh sign-in link that comes back to the export page (exports need a recent sign-in). */
export async function requestExportSignIn(
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  return runAction(formData, {
    name: "requestExportSignIn",
    schema: noInputSchema,
    work: ({ user }) => freshSignInLink(user.email, "/progress/export"),
  });
}
