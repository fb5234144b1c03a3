import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import type { SuiteCoverage } from "@/tests/security/coverage/types";
import { findInventory, itemsOf, type Inventory } from "@/tests/security/inventory";
import { report } from "../support/report";

// Every server action, route handler method and page must be accounted for by
// each security suite whose coverage file claims that kind of item: tested
// (listed in `covers`, which the suite's spec is driven by) or exempt with a
// reason. A new action, route or page fails here until a suite takes it on; a
// removed one fails here until its entry goes. See tests/security/coverage/.

const root = path.resolve(import.meta.dirname, "../..");
const coverageDir = path.join(root, "tests/security/coverage");

type Loaded = { file: string; coverage: SuiteCoverage };

let inventory: Inventory;
let suites: Loaded[];

beforeAll(async () => {
  inventory = findInventory(root);
  const files = fs
    .readdirSync(coverageDir)
    .filter((f) => f.endsWith(".ts") && f !== "types.ts")
    .sort();
  suites = await Promise.all(
    files.map(async (f) => {
      const loaded = (await import(pathToFileURL(path.join(coverageDir, f)).href)) as {
        coverage?: SuiteCoverage;
      };
      const file = `tests/security/coverage/${f}`;
      if (!loaded.coverage) throw new Error(`${file} must export \`coverage: SuiteCoverage\``);
      return { file, coverage: loaded.coverage };
    }),
  );
  // The counts, for the closing note of a test run.
  report(
    `security inventory: ${inventory.actions.length} actions, ${inventory.routes.length} routes, ` +
      `${inventory.pages.length} pages; coverage files: ${suites.map((s) => s.file).join(", ")}`,
  );
});

describe("the security inventory", () => {
  it("finds the app's actions, routes and pages (a walker that finds nothing checks nothing)", () => {
    expect(inventory.actions.length).toBeGreaterThan(20);
    expect(inventory.routes.length).toBeGreaterThan(3);
    expect(inventory.pages.length).toBeGreaterThan(15);
    expect(suites.length).toBeGreaterThan(0);
  });

  it("has no inline 'use server' functions: actions live in 'use server' files such as lib/actions/", () => {
    expect(
      inventory.inlineActions,
      "Move these inline server actions into a file under lib/actions/ so the inventory can name them",
    ).toEqual([]);
  });

  it("every item of a suite's kinds is covered or exempt by that suite", () => {
    const problems: string[] = [];
    for (const { file, coverage } of suites) {
      const accounted = new Set([...coverage.covers, ...Object.keys(coverage.exempt)]);
      for (const item of itemsOf(inventory)) {
        if (!coverage.kinds.includes(item.kind) || accounted.has(item.id)) continue;
        problems.push(
          `${item.id} (in ${item.file}) is not covered by ${coverage.suite}: ` +
            `add "${item.id}" to \`covers\` in ${file} and test it in ${coverage.suite} ` +
            `(or, if it touches nothing this suite checks, to \`exempt\` with the reason)`,
        );
      }
    }
    expect(problems, problems.join("\n")).toEqual([]);
  });

  it("lists no id that no longer exists in the code (stale entries)", () => {
    const ids = new Set(itemsOf(inventory).map((item) => item.id));
    const stale: string[] = [];
    for (const { file, coverage } of suites) {
      for (const id of [...coverage.covers, ...Object.keys(coverage.exempt)]) {
        if (!ids.has(id))
          stale.push(`${file} lists ${id}, which the code no longer has: remove it`);
      }
    }
    expect(stale, stale.join("\n")).toEqual([]);
  });

  it("lists each id once, never as both covered and exempt, and gives every exemption a reason", () => {
    const problems: string[] = [];
    for (const { file, coverage } of suites) {
      const seen = new Set<string>();
      for (const id of coverage.covers) {
        if (seen.has(id)) problems.push(`${file} covers ${id} twice`);
        seen.add(id);
      }
      for (const [id, reason] of Object.entries(coverage.exempt)) {
        if (seen.has(id)) problems.push(`${file} both covers and exempts ${id}`);
        if (reason.trim().length < 10) {
          problems.push(`${file} exempts ${id} without a reason: say why it needs no test`);
        }
      }
      if (!fs.existsSync(path.join(root, coverage.suite))) {
        problems.push(`${file} names the suite ${coverage.suite}, which does not exist`);
      }
      if (coverage.kinds.length === 0) problems.push(`${file} claims no kinds of item`);
    }
    expect(problems, problems.join("\n")).toEqual([]);
  });
});
