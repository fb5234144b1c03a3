import "server-only";
import type { z } from "zod";
import { revalidatePath } from "next/cache";
import {
  defineAction,
  notFound,
  type FormAction,
  type WorkResult,
} from "@/lib/actions/action-pipeline";
import type { CalendarDay } from "@/lib/tracker/calendar-day";
import { rowReferenceSchema } from "@/lib/validations/row-reference";
import { rowLimitMessage } from "@/lib/validations/row-limits";
import { fullList } from "@/lib/data/row-caps";

// What the tracker's actions share beyond the pipeline: every change shows on
// /progress and its subpages, most forms add one row of the person's own, and
// every list's delete button names one row.

/** A tracker change is saved: refresh /progress (and its subpages) and say so. */
export function savedOnProgress(message: string): WorkResult {
  revalidatePath("/progress", "layout");
  return { message };
}

/** A delete button: this person's row by id, or "not found" (logged) for anyone else's. */
export function removeTrackerRow(
  name: string,
  remove: (row: { userId: string; id: string }) => Promise<boolean>,
): FormAction {
  return defineAction(name, {
    schema: rowReferenceSchema,
    invalid: "not-found",
    work: async ({ user, input }) =>
      (await remove({ userId: user.id, id: input.id })) ? savedOnProgress("Removed.") : notFound(),
  });
}

/**
 * A form that adds one row of the person's own (a memory, a goal, a hard date...).
 * A full list answers its cap as a form error, so the typed text comes back.
 */
export function addTrackerRow<S extends z.ZodType<Record<string, unknown>>>(
  name: string,
  schema: S | ((today: CalendarDay) => S),
  create: (row: z.output<S> & { userId: string }) => Promise<unknown>,
  message: string,
): FormAction {
  return defineAction(name, {
    schema,
    async work({ user, input }) {
      const full = fullList(await create({ ...input, userId: user.id }));
      if (full) return { formError: rowLimitMessage(full) };
      return savedOnProgress(message);
    },
  });
}
