import "server-only";
import type { z } from "zod";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
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
import { removeWithUndo } from "@/lib/data/pending-removals";
import { LIST_PAGES, rowAnchor, type UndoableList } from "@/lib/tracker/removals";

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
 * A list's Remove: this person's row leaves the list at once and waits a few
 * seconds for Undo (lib/data/pending-removals.ts); anyone else's id is "not found".
 */
export function removeUndoableRow(name: string, list: UndoableList): FormAction {
  return removeTrackerRow(name, async (row) => (await removeWithUndo(list, row)) !== null);
}

/**
 * A row's edit form: the same fields and limits as adding one, the row named
 * by id and changed only when it is this person's. A refusal comes back to the
 * form with everything typed; a success returns to the list, at the row.
 */
export function editTrackerRow<S extends z.ZodType<{ id: string }>>(
  name: string,
  list: UndoableList,
  schema: S | ((today: CalendarDay) => S),
  update: (row: z.output<S> & { userId: string }) => Promise<boolean>,
): FormAction {
  return defineAction(name, {
    schema,
    async work({ user, input }) {
      if (!(await update({ ...input, userId: user.id }))) return notFound();
      savedOnProgress("Saved.");
      redirect(`${LIST_PAGES[list]}?saved=${encodeURIComponent(input.id)}#${rowAnchor(input.id)}`);
    },
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
