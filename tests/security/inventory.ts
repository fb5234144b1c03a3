import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import type { ItemKind } from "./coverage/types";

// The inventory of everything a request can reach: server actions (exports of
// "use server" files), route handler methods (exports of route.ts) and pages
// (page.tsx). It parses the sources with the TypeScript compiler rather than
// grepping, so `export const x = defineAction(…)`, `export { h as GET }` and
// `export const { GET, POST } = handlers` count too, and helpers that are not
// exported do not. Every runtime export of a "use server" file is an action:
// Next makes each one a POST endpoint (and refuses anything but a function). The ids are the shared coverage convention:
//
//   action:<repo-relative file>#<export>   route:<file>#<METHOD>   page:<path pattern>

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;

export type InventoryItem = { kind: ItemKind; id: string; file: string };

export type Inventory = {
  actions: InventoryItem[];
  routes: InventoryItem[];
  pages: InventoryItem[];
  /**
   * Functions with their own "use server" directive (inline actions inside a
   * component). They get ids no one can list, so the inventory test refuses
   * them: server actions live in "use server" files (lib/actions/).
   */
  inlineActions: string[];
};

const SOURCE = /\.(ts|tsx|js|jsx|mts)$/;
const ROUTE_FILE = /^route\.(ts|tsx|js|jsx)$/;
const PAGE_FILE = /^page\.(ts|tsx|js|jsx|mdx)$/;

function walk(directory: string): string[] {
  if (!fs.existsSync(directory)) return [];
  const files: string[] = [];
  for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) files.push(...walk(full));
    else if (SOURCE.test(entry.name) || PAGE_FILE.test(entry.name)) files.push(full);
  }
  return files.sort();
}

function hasUseServer(statements: readonly ts.Statement[]): boolean {
  for (const statement of statements) {
    // Directives are the leading string-literal expression statements.
    if (!ts.isExpressionStatement(statement) || !ts.isStringLiteral(statement.expression)) break;
    if (statement.expression.text === "use server") return true;
  }
  return false;
}

function isExported(node: ts.Node): boolean {
  return (
    ts.canHaveModifiers(node) &&
    (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
  );
}

function bindingNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((element) =>
    ts.isOmittedExpression(element) ? [] : bindingNames(element.name),
  );
}

type Export = { name: string };

/** The runtime exports of a module (types and interfaces are not reachable). */
function exportsOf(source: ts.SourceFile): Export[] {
  const found: Export[] = [];
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && isExported(statement) && statement.name) {
      found.push({ name: statement.name.text });
    } else if (ts.isVariableStatement(statement) && isExported(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        for (const name of bindingNames(declaration.name)) found.push({ name });
      }
    } else if (
      ts.isExportDeclaration(statement) &&
      !statement.isTypeOnly &&
      statement.exportClause &&
      ts.isNamedExports(statement.exportClause)
    ) {
      for (const element of statement.exportClause.elements) {
        if (!element.isTypeOnly) found.push({ name: element.name.text });
      }
    }
  }
  return found;
}

function inlineUseServer(source: ts.SourceFile, file: string): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      (ts.isFunctionDeclaration(node) ||
        ts.isFunctionExpression(node) ||
        ts.isArrowFunction(node) ||
        ts.isMethodDeclaration(node)) &&
      node.body &&
      ts.isBlock(node.body) &&
      hasUseServer(node.body.statements)
    ) {
      const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
      found.push(`${file}:${line}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** `app/(site)/progress/[day]/page.tsx` → `/progress/[day]`. */
export function pagePattern(appRelativeDirectory: string): string {
  const segments = appRelativeDirectory
    .split(/[\\/]/)
    .filter((s) => s && s !== "." && !/^\(.*\)$/.test(s) && !s.startsWith("@"));
  return `/${segments.join("/")}`;
}

/**
 * Walks `app/` and `lib/actions/` under `root` (the repository, or a fixture
 * folder in the walker's own test) and returns every item with its id.
 */
export function findInventory(root: string): Inventory {
  const inventory: Inventory = { actions: [], routes: [], pages: [], inlineActions: [] };
  const appDir = path.join(root, "app");
  const files = [...walk(appDir), ...walk(path.join(root, "lib/actions"))];
  for (const full of files) {
    const file = path.relative(root, full).split(path.sep).join("/");
    const base = path.basename(full);
    if (PAGE_FILE.test(base)) {
      const pattern = pagePattern(path.relative(appDir, path.dirname(full)));
      inventory.pages.push({ kind: "page", id: `page:${pattern}`, file });
    }
    if (base.endsWith(".mdx")) continue;
    const text = fs.readFileSync(full, "utf8");
    const source = ts.createSourceFile(full, text, ts.ScriptTarget.Latest, true);
    if (hasUseServer(source.statements)) {
      for (const item of exportsOf(source)) {
        inventory.actions.push({ kind: "action", id: `action:${file}#${item.name}`, file });
      }
    }
    if (ROUTE_FILE.test(base)) {
      for (const item of exportsOf(source)) {
        if ((HTTP_METHODS as readonly string[]).includes(item.name)) {
          inventory.routes.push({ kind: "route", id: `route:${file}#${item.name}`, file });
        }
      }
    }
    inventory.inlineActions.push(...inlineUseServer(source, file));
  }
  return inventory;
}

export function itemsOf(inventory: Inventory): InventoryItem[] {
  return [...inventory.actions, ...inventory.routes, ...inventory.pages];
}
