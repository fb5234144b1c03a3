// Which row of a tracker list is open, read from the page's query string, so
// editing and the confirmation before a removal work with plain links, without
// JavaScript: ?edit=<id> opens a row's fields in place, ?remove=<id> asks
// "Remove this …?", ?saved=<id> says an edit was saved. Pure, for the unit tests.

export type ListView = { edit: string; remove: string; saved: string };

const ROW_ID = /^[A-Za-z0-9_-]{1,64}$/;

function rowIdOrEmpty(value: unknown): string {
  return typeof value === "string" && ROW_ID.test(value) ? value : "";
}

/** The open row of each kind, "" for none; anything that is not a row id is ignored. */
export function readListView(query: Record<string, unknown>): ListView {
  return {
    edit: rowIdOrEmpty(query.edit),
    remove: rowIdOrEmpty(query.remove),
    saved: rowIdOrEmpty(query.saved),
  };
}

/** A link to one row in one state, landing on the row itself. */
export function rowHref(page: string, id: string, state?: "edit" | "remove"): string {
  const query = state ? `?${state}=${encodeURIComponent(id)}` : "";
  return `${page}${query}#row-${id}`;
}
