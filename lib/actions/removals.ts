"use server";

import { notFound, runAction } from "@/lib/actions/action-pipeline";
import { type FormState } from "@/lib/actions/form-state";
import { savedOnProgress } from "@/lib/actions/tracker-rows";
import { undoRemoval } from "@/lib/data/pending-removals";
import { rowLimitMessage } from "@/lib/validations/row-limits";
import { undoRemovalSchema } from "@/lib/validations/undo-removal";

/** "Undo" after a removal: puts the row back while the window is open. */
export async function undoRemove(_prev: FormState, formData: FormData): Promise<FormState> {
  return runAction(formData, {
    name: "undoRemove",
    schema: undoRemovalSchema,
    invalid: "not-found",
    async work({ user, input }) {
      const result = await undoRemoval({ userId: user.id, token: input.token });
      // Another person's token and one whose window has closed look the same.
      if (!result) return notFound("Too late to undo: it has been removed for good.");
      if (!result.restored) return { formError: rowLimitMessage(result.full) };
      return savedOnProgress("Restored.");
    },
  });
}
