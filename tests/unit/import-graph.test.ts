import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// The dependency direction of docs/architecture.md, checked on the real
// sources: every import in lib/ (static, type-only, re-exports and dynamic
// import()) is read with the TypeScript compiler's parser and resolved to a file.

const root = path.resolve(import.meta.dirname, "../..");

type Import = { from: string; to: string; names: string[]; typeOnly: boolean };

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return relative === "lib/db/generated" ? [] : sourceFiles(relative);
    return /\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

/** The repository file a module specifier names, or null for a package. */
function resolveSpecifier(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = specifier.slice(2);
  else if (specifier.startsWith(".")) base = path.posix.join(path.posix.dirname(from), specifier);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`]) {
    const full = path.join(root, candidate);
    if (fs.existsSync(full) && fs.statSync(full).isFile()) return candidate;
  }
  throw new Error(`${from}: cannot resolve "${specifier}"`);
}

const parsedFiles = new Map<string, { imports: Import[]; constructsPrismaClient: boolean }>();

function importsOf(file: string): { imports: Import[]; constructsPrismaClient: boolean } {
  const known = parsedFiles.get(file);
  if (known) return known;
  const text = fs.readFileSync(path.join(root, file), "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const imports: Import[] = [];
  let constructsPrismaClient = false;
  const add = (specifier: ts.Expression | undefined, names: string[], typeOnly: boolean) => {
    if (!specifier || !ts.isStringLiteral(specifier)) return;
    const to = resolveSpecifier(file, specifier.text);
    if (to) imports.push({ from: file, to, names, typeOnly });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const bindings = clause?.namedBindings;
      const names =
        bindings && ts.isNamedImports(bindings)
          ? bindings.elements.filter((e) => !e.isTypeOnly).map((e) => e.name.text)
          : [];
      add(node.moduleSpecifier, names, clause?.isTypeOnly ?? false);
    } else if (ts.isExportDeclaration(node)) {
      add(node.moduleSpecifier, [], node.isTypeOnly);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      add(node.arguments[0], [], false);
    } else if (
      ts.isNewExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === "PrismaClient"
    ) {
      constructsPrismaClient = true;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  parsedFiles.set(file, { imports, constructsPrismaClient });
  return { imports, constructsPrismaClient };
}

/** Each cycle once, as "a -> b -> a". */
function findCycles(edges: Map<string, Set<string>>): string[] {
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const cycles: string[] = [];
  const visit = (node: string) => {
    state.set(node, "open");
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      if (state.get(next) === "open") {
        cycles.push([...stack.slice(stack.indexOf(next)), next].join(" -> "));
      } else if (!state.has(next)) {
        visit(next);
      }
    }
    stack.pop();
    state.set(node, "done");
  };
  for (const node of [...edges.keys()].sort()) if (!state.has(node)) visit(node);
  return cycles;
}

function graph(pairs: [string, string][]): Map<string, Set<string>> {
  const edges = new Map<string, Set<string>>();
  for (const [from, to] of pairs) {
    if (from === to) continue;
    if (!edges.has(from)) edges.set(from, new Set());
    edges.get(from)!.add(to);
  }
  return edges;
}

/** lib/data/x.ts -> "lib/data"; lib/env.ts -> "lib/env"; app/x/page.tsx -> "app". */
function concernOf(file: string): string {
  const parts = file.split("/");
  if (parts[0] !== "lib") return parts[0]!;
  return parts.length > 2 ? `lib/${parts[1]}` : file.replace(/\.tsx?$/, "");
}

const libFiles = sourceFiles("lib");
const parsed = libFiles.map(importsOf);
const libImports = parsed.flatMap((p) => p.imports);

describe("the imports of lib/", () => {
  it("are read from every file, so the checks below see the real graph", () => {
    expect(libFiles.length).toBeGreaterThan(100);
    expect(libImports).toContainEqual(
      expect.objectContaining({ from: "lib/email/worker.ts", to: "lib/data/outbox.ts" }),
    );
  });

  it("form no cycle between files", () => {
    expect(findCycles(graph(libImports.map((i) => [i.from, i.to])))).toEqual([]);
  });

  it("form no cycle between concerns (lib/data never imports lib/email, which sends through it)", () => {
    const edges = graph(libImports.map((i) => [concernOf(i.from), concernOf(i.to)]));
    expect(findCycles(edges)).toEqual([]);
    expect([...(edges.get("lib/data") ?? [])]).not.toContain("lib/email");
  });

  it("never reach into app/ or components/", () => {
    expect(libImports.filter((i) => /^(app|components)\//.test(i.to))).toEqual([]);
  });
});

describe("the database", () => {
  const code = ["lib", "app", "components"].flatMap(sourceFiles);

  it("has its PrismaClient constructed in lib/db only", () => {
    const constructors = code.filter((file) => importsOf(file).constructsPrismaClient);
    expect(constructors).toEqual(["lib/db/index.ts"]);
  });

  it("is queried through `db` by lib/data only", () => {
    const users = code
      .flatMap((file) => importsOf(file).imports)
      .filter((i) => i.to === "lib/db/index.ts" && !i.typeOnly && i.names.includes("db"))
      .map((i) => i.from)
      .filter((file) => !file.startsWith("lib/data/"));
    expect(users).toEqual([]);
  });
});

describe(findCycles, () => {
  it("reports a cycle, so an empty answer above means something", () => {
    const edges = graph([
      ["a", "b"],
      ["b", "c"],
      ["c", "a"],
      ["c", "d"],
    ]);
    expect(findCycles(edges)).toEqual(["a -> b -> c -> a"]);
  });
});
