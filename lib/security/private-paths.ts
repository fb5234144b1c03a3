// Pages that show or change a person's own data. The proxy sends
// `Cache-Control: no-store` for them (browsers and proxies keep no copy). Add a
// prefix here when adding a private page; the page itself must also be dynamic
// and check the user (requireUser) — this list is not the access check.
export const PRIVATE_PATH_PREFIXES = [
  "/account",
  "/signin",
  "/signed-out",
  "/dev/mailbox",
  "/counseling",
  "/invitations",
  "/progress",
  // The counseling team's pages (never cached, never indexed: see NOINDEX_PATH_PREFIXES).
  "/team",
  // The reminders' one-click stop: its link carries a token, and its answer is
  // nobody's to cache (SECURITY.md 35).
  "/reminders",
  "/api/reminders",
  // Auth.js's endpoints: the session answer names the signed-in person, and the
  // sign-in callback sets the session cookie.
  "/api/auth",
];

export function isPrivatePath(pathname: string): boolean {
  return PRIVATE_PATH_PREFIXES.some(
    (prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`),
  );
}

/**
 * Pages no search engine may index whatever they answer (a 404 included): the
 * proxy adds `X-Robots-Tag: noindex` for them, beside each page's own meta tag.
 */
export const NOINDEX_PATH_PREFIXES = ["/team"];

export function isNoindexPath(pathname: string): boolean {
  return NOINDEX_PATH_PREFIXES.some(
    (prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`),
  );
}
