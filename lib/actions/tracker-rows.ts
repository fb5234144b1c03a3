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
import { LIST_PAGES, ROW_ADDED, rowAnchor, type UndoableList } from "@/lib/tracker/removals";
import { createActivity, updateActivity } from "@/lib/data/activities";
import { createGoal, updateGoal } from "@/lib/data/goals";
import { createHardDate, updateHardDate } from "@/lib/data/hard-dates";
import { createMemory, updateMemory } from "@/lib/data/memories";
import { createReachOut, updateReachOut } from "@/lib/data/reach-outs";
import {
  activityEditSchema,
  activitySchema,
  goalEditSchema,
  goalSchema,
} from "@/lib/validations/goal";
import { hardDateEditSchema, hardDateSchema } from "@/lib/validations/hard-date";
import { memoryEditSchema, memorySchema } from "@/lib/validations/memory";
import { reachOutEditSchema, reachOutSchema } from "@/lib/validations/reach-out";

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
 * The forms of each undoable list, stated once: what adding and editing a row
 * check (the same fields and limits, a request key or a row id) and the data
 * functions that store them. Its actions are then named by list alone.
 */
type ListForms = {
  add: SchemaSource;
  edit: SchemaSource;
  /** Stores a new row from the add form's parsed input. */
  create: (userId: string, input: unknown) => Promise<unknown>;
  /** Saves an edit from the edit form's parsed input; false when the row is not this person's. */
  update: (userId: string, input: unknown) => Promise<boolean>;
};

type SchemaSource<S extends z.ZodType = z.ZodType> = S | ((today: CalendarDay) => S);

/**
 * One list's forms. The types tie each data function to its own schema; the
 * pipeline then hands it only what that schema parsed, hence the casts.
 */
function listForms<A extends z.ZodType, E extends z.ZodType<{ id: string }>>(
  add: SchemaSource<A>,
  edit: SchemaSource<E>,
  create: (row: z.output<A> & { userId: string }) => Promise<unknown>,
  update: (row: z.output<E> & { userId: string }) => Promise<boolean>,
): ListForms {
  return {
    add,
    edit,
    create: (userId, input) =>
      create({ ...(input as object), userId } as z.output<A> & { userId: string }),
    update: (userId, input) =>
      update({ ...(input as object), userId } as z.output<E> & { userId: string }),
  };
}

const LIST_FORMS: Record<UndoableList, ListForms> = {
  memories: listForms(memorySchema, memoryEditSchema, createMemory, updateMemory),
  goals: listForms(goalSchema, goalEditSchema, createGoal, updateGoal),
  activities: listForms(activitySchema, activityEditSchema, createActivity, updateActivity),
  reachOuts: listForms(reachOutSchema, reachOutEditSchema, createReachOut, updateReachOut),
  hardDates: listForms(hardDateSchema, hardDateEditSchema, createHardDate, updateHardDate),
};

/**
 * A list's Add: one row of the person's own. A full list answers its cap as a
 * form error, so the typed text comes back; a success says the list's own words.
 */
export function addTrackerRow(name: string, list: UndoableList): FormAction {
  const { add, create } = LIST_FORMS[list];
  return defineAction(name, {
    schema: add,
    async work({ user, input }) {
      const full = fullList(await create(user.id, input));
      if (full) return { formError: rowLimitMessage(full) };
      return savedOnProgress(ROW_ADDED[list]);
    },
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
export function editTrackerRow(name: string, list: UndoableList): FormAction {
  const { edit, update } = LIST_FORMS[list];
  return defineAction(name, {
    schema: edit,
    async work({ user, input }) {
      const { id } = input as { id: string };
      if (!(await update(user.id, input))) return notFound();
      savedOnProgress("Saved.");
      redirect(`${LIST_PAGES[list]}?saved=${encodeURIComponent(id)}#${rowAnchor(id)}`);
    },
  });
}
