import "server-only";
import { listPendingRemovals } from "@/lib/data/pending-removals";
import { readPageQuery, type PageQuery } from "@/lib/http/page-query";
import { readListView, type ListView } from "@/lib/tracker/list-view";
import type { UndoableList } from "@/lib/tracker/removals";

/** What a page's tracker lists need besides their rows: the open row, the removals to undo. */
export type TrackerListState = {
  view: ListView;
  removals: Awaited<ReturnType<typeof listPendingRemovals>>;
};

export async function readTrackerListState(
  userId: string,
  searchParams: Promise<PageQuery>,
  lists: readonly UndoableList[],
): Promise<TrackerListState> {
  const [query, removals] = await Promise.all([
    readPageQuery(searchParams),
    listPendingRemovals({ userId, lists }),
  ]);
  return { view: readListView(query), removals };
}
