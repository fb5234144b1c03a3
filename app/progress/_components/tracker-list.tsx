import Link from "next/link";
import type { ReactNode } from "react";
import type { FormState } from "@/lib/actions/form-state";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { EditPanel } from "@/app/progress/_components/edit-panel";
import { RemoveLink } from "@/app/progress/_components/remove-link";
import { UndoBar } from "@/app/progress/_components/undo-bar";
import { REMOVE_ACTIONS } from "@/app/progress/_components/remove-actions";
import type { TrackerListState } from "@/app/progress/_components/tracker-list-state";
import { rowHref } from "@/lib/tracker/list-view";
import {
  EMPTY_LISTS,
  LIST_PAGES,
  ROW_NOUNS,
  rowAnchor,
  type UndoableList,
} from "@/lib/tracker/removals";
import { dangerButtonClass, rowControlClass } from "@/components/ui/styles";

type RowAction = (state: FormState, formData: FormData) => Promise<FormState>;

/** What one list's rows say and hold; everything they can do is {@link TrackerList}'s. */
export type RowKind<Row extends { id: string }> = {
  list: UndoableList;
  /** Names the row in its controls' accessible names: "“run 5k”", "the memory “…”". */
  name: (row: Row) => string;
  /** What the row says. */
  show: (row: Row) => ReactNode;
  /** The row's form with its current values. */
  edit: (row: Row) => ReactNode;
  /** Controls before Edit and Remove (a goal's "Mark as done"). */
  more?: (row: Row) => ReactNode;
};

/**
 * One of the tracker's lists (memories, goals, new things tried, people, hard
 * dates) with what every row can do: Edit opens the row's own form in place,
 * Remove takes it out with a few seconds to undo (a confirmation first
 * without JavaScript). Each page says only what its rows show and hold.
 */
export function TrackerList<Row extends { id: string }>({
  kind,
  rows,
  state,
}: {
  kind: RowKind<Row>;
  rows: readonly Row[];
  /** Which row is open, and the removals still open to Undo (tracker-list-state.ts). */
  state: TrackerListState;
}) {
  const { list, name, show, edit, more } = kind;
  const { view } = state;
  const page = LIST_PAGES[list];
  const noun = ROW_NOUNS[list];
  const remove = REMOVE_ACTIONS[list];
  const removal = state.removals.find((pending) => pending.list === list);
  return (
    <>
      <UndoBar
        removal={removal ? { token: removal.token, acceptedForMs: removal.acceptedForMs } : null}
        noun={noun}
      />
      {rows.length === 0 ? (
        <p className="mt-2">{EMPTY_LISTS[list]}</p>
      ) : (
        <ul className="mt-3 divide-y divide-neutral-200 dark:divide-neutral-800">
          {rows.map((row) => (
            <li key={row.id} id={rowAnchor(row.id)} className="scroll-mt-24 py-3">
              {view.edit === row.id ? (
                <EditPanel title={`Edit this ${noun}`} cancelHref={rowHref(page, row.id)}>
                  {edit(row)}
                </EditPanel>
              ) : (
                <>
                  {show(row)}
                  {view.saved === row.id && (
                    <p role="status" className="text-sm text-green-800 dark:text-green-300">
                      Changes saved.
                    </p>
                  )}
                  {view.remove === row.id ? (
                    <ConfirmRemove noun={noun} page={page} id={row.id} remove={remove} />
                  ) : (
                    <div className="mt-1 flex flex-wrap items-baseline gap-x-4 gap-y-1">
                      {more?.(row)}
                      <Link
                        href={rowHref(page, row.id, "edit")}
                        aria-label={`Edit ${name(row)}`}
                        className={rowControlClass}
                      >
                        Edit
                      </Link>
                      <RemoveLink
                        action={remove}
                        id={row.id}
                        href={rowHref(page, row.id, "remove")}
                        label={`Remove ${name(row)}`}
                        className={rowControlClass}
                      />
                    </div>
                  )}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The step before a removal where Undo cannot work: without JavaScript. */
function ConfirmRemove({
  noun,
  page,
  id,
  remove,
}: {
  noun: string;
  page: string;
  id: string;
  remove: RowAction;
}) {
  return (
    <div role="group" aria-labelledby={`confirm-${id}`} className="mt-2">
      <p id={`confirm-${id}`} className="font-medium">
        Remove this {noun}?
      </p>
      <ActionForm
        action={remove}
        hidden={{ id }}
        className="mt-2 space-y-2"
        buttons={
          <>
            <SubmitButton className={dangerButtonClass}>Remove</SubmitButton>
            <Link href={rowHref(page, id)} className={rowControlClass}>
              Keep
            </Link>
          </>
        }
      />
    </div>
  );
}
