// The shared shape of every security suite's coverage file (tests/security/coverage/<suite>.ts).
// The inventory test (tests/unit/security-inventory.test.ts) reads them all and fails when an
// action, route or page of a suite's kinds is neither covered nor exempt, or when a listed id
// no longer exists in the code.

/** What the inventory finds: server actions, route handler methods, pages. */
export type ItemKind = "action" | "route" | "page";

export type SuiteCoverage = {
  /** The spec that tests the covered ids, e.g. "tests/e2e/security-access.spec.ts". */
  suite: string;
  /** Which kinds of item this suite must account for (cover or exempt). */
  kinds: ItemKind[];
  /**
   * Ids the suite tests: `action:<file>#<export>`, `route:<file>#<METHOD>`, `page:<path>`.
   * The suite drives its tests from this list, so listing an id means testing it.
   */
  covers: string[];
  /** Ids the suite deliberately does not test, each with a non-empty reason. */
  exempt: Record<string, string>;
};
