/** Domains whose mailboxes ignore dots in the local part, and the one name they share. */
const DOTLESS_DOMAINS: Record<string, string> = {
  "gmail.com": "gmail.com",
  "googlemail.com": "gmail.com",
};

/**
 * The one form of every spelling that reaches the same mailbox, for matching
 * ("never contact me again", a decline, a limit, "is this my own address"),
 * never for sending. A plus tag is dropped on every domain (victim+again@
 * reaches victim@ at nearly every provider); at Gmail dots are ignored too and
 * googlemail.com is gmail.com. Someone's second, unrelated address cannot be
 * matched by any rule, and SECURITY.md says so.
 */
export function canonicalEmailAddress(address: string): string {
  const normalized = address.trim().toLowerCase();
  const at = normalized.lastIndexOf("@");
  if (at <= 0) return normalized;
  let local = normalized.slice(0, at);
  const domain = normalized.slice(at + 1);
  const plus = local.indexOf("+");
  if (plus > 0) local = local.slice(0, plus);
  const dotless = DOTLESS_DOMAINS[domain];
  if (!dotless) return `${local}@${domain}`;
  return `${local.replaceAll(".", "") || local}@${dotless}`;
}
