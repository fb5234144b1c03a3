import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findInventory, pagePattern } from "@/tests/security/inventory";

// The walker on a small fixture tree, so that a change in how code is written
// cannot make the inventory (and with it every coverage check) silently empty.

const FILES: Record<string, string> = {
  "lib/actions/things.ts": `"use server";
import { helper } from "./helper";
export async function addThing(_prev: unknown, formData: FormData) { return helper(formData); }
export const removeThing = async (id: string) => id;
export const editThing = defineAction("editThing", { schema, work });
async function notExported() {}
export type ThingState = { ok: boolean };
`,
  "lib/actions/helper.ts": `export async function helper(formData: FormData) { return formData; }
`,
  "lib/actions/directive-later.ts": `// a comment before the directive is fine
"use strict";
"use server";
export async function laterDirective() {}
`,
  "app/(site)/things/[id]/page.tsx": `export default async function Page() {
  async function inline() { "use server"; }
  return inline;
}
`,
  "app/page.tsx": `export default function Home() { return null; }
`,
  "app/api/things/route.ts": `export async function GET() { return new Response("ok"); }
export function POST() { return new Response("ok"); }
export const dynamic = "force-dynamic";
function PUT() { return new Response("not exported"); }
`,
  "app/api/auth/[...all]/route.ts": `const handlers = { GET: () => null, POST: () => null };
export const { GET, POST } = handlers;
`,
  "app/api/other/route.ts": `function handler() { return new Response("ok"); }
export { handler as DELETE, handler as helperThing };
`,
  "app/_components/client-form.tsx": `"use client";
export function Form() { return null; }
`,
};

let root: string;
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "heartwork-inventory-"));
  for (const [file, text] of Object.entries(FILES)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe("the security inventory walker", () => {
  it("finds every runtime export of 'use server' files (each is an endpoint), and only those", () => {
    expect(findInventory(root).actions.map((a) => a.id)).toEqual([
      "action:lib/actions/directive-later.ts#laterDirective",
      "action:lib/actions/things.ts#addThing",
      "action:lib/actions/things.ts#removeThing",
      "action:lib/actions/things.ts#editThing",
    ]);
  });

  it("finds every exported HTTP method of route files, however it is exported", () => {
    expect(
      findInventory(root)
        .routes.map((r) => r.id)
        .sort(),
    ).toEqual([
      "route:app/api/auth/[...all]/route.ts#GET",
      "route:app/api/auth/[...all]/route.ts#POST",
      "route:app/api/other/route.ts#DELETE",
      "route:app/api/things/route.ts#GET",
      "route:app/api/things/route.ts#POST",
    ]);
  });

  it("finds pages by their URL pattern, route groups dropped", () => {
    expect(findInventory(root).pages.map((p) => p.id)).toEqual(["page:/things/[id]", "page:/"]);
    expect(pagePattern("")).toBe("/");
    expect(pagePattern("(marketing)/about/@modal")).toBe("/about");
  });

  it("reports inline 'use server' functions, which have no id a coverage file could list", () => {
    expect(findInventory(root).inlineActions).toEqual(["app/(site)/things/[id]/page.tsx:2"]);
  });
});
