import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// `export const saveX = defineAction("saveX", …)` names the action twice: the
// export is what Next and the security inventory know it by, the string is
// what the refused-access log says (SECURITY.md 26). A copied action that
// keeps the old string would log under the wrong name, so they must match.

const actionsDir = path.resolve(import.meta.dirname, "../../lib/actions");

type Defined = { file: string; exported: string; named: string | null };

function definedActions(): Defined[] {
  const found: Defined[] = [];
  for (const entry of fs.readdirSync(actionsDir).sort()) {
    if (!entry.endsWith(".ts")) continue;
    const text = fs.readFileSync(path.join(actionsDir, entry), "utf8");
    if (!/^\s*(\/\/.*\n\s*)*"use server";/.test(text)) continue;
    const source = ts.createSourceFile(entry, text, ts.ScriptTarget.Latest, true);
    for (const statement of source.statements) {
      if (!ts.isVariableStatement(statement)) continue;
      const modifiers = ts.getModifiers(statement) ?? [];
      if (!modifiers.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
      for (const declaration of statement.declarationList.declarations) {
        const init = declaration.initializer;
        if (!ts.isIdentifier(declaration.name) || !init || !ts.isCallExpression(init)) continue;
        const first = init.arguments[0];
        found.push({
          file: entry,
          exported: declaration.name.text,
          named: first && ts.isStringLiteral(first) ? first.text : null,
        });
      }
    }
  }
  return found;
}

describe("actions defined through the pipeline", () => {
  it("are found (a walker that finds nothing checks nothing)", () => {
    expect(definedActions().length).toBeGreaterThan(20);
  });

  it("each carry their export's own name", () => {
    const wrong = definedActions()
      .filter((d) => d.named !== d.exported)
      .map((d) => `${d.file}: ${d.exported} is defined as ${JSON.stringify(d.named)}`);
    expect(wrong, wrong.join("\n")).toEqual([]);
  });
});
