import "server-only";
import { connection } from "next/server";

/** A page's query string, as Next hands it to the page. */
export type PageQuery = Record<string, string | string[] | undefined>;

/** The props of a page that reads its query string. */
export type QueryPageProps = { searchParams: Promise<PageQuery> };

/** The props of a dynamic route's page that reads its path segments and its query string. */
export type RoutePageProps<Params> = QueryPageProps & { params: Promise<Params> };

/**
 * The query of a page that is rendered for each request, never prerendered
 * (`connection()`): what it shows depends on the link that was opened.
 */
export async function readPageQuery(searchParams: Promise<PageQuery>): Promise<PageQuery> {
  await connection();
  return searchParams;
}

/** One query value as text: "" when it is absent, or given more than once. */
export function queryText(value: PageQuery[string]): string {
  return typeof value === "string" ? value : "";
}
