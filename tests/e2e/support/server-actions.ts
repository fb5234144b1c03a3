import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";

// Calls a server action over HTTP exactly as React's client does when a form
// with useActionState submits: POST to a page that uses the action, header
// `Next-Action: <id>`, body in React's reply encoding for the arguments
// (prevState, formData) — part "0" is the argument list, with the FormData as
// reference "$K1" whose entries travel as "_1_<name>". The action id comes from
// the build's own manifest, looked up by file and export name. This lets the
// property and IDOR tests send input no form would (extra fields, oversized
// text, other people's ids) through the real server, the real action
// dispatch and the real session check.

type Manifest = {
  node: Record<string, { filename?: string; exportedName?: string }>;
};

let manifest: Manifest | undefined;

export function actionId(file: string, exportedName: string): string {
  manifest ??= JSON.parse(
    fs.readFileSync(
      path.join(process.cwd(), ".next/server/server-reference-manifest.json"),
      "utf8",
    ),
  ) as Manifest;
  const entry = Object.entries(manifest.node).find(
    ([, value]) => value.filename === file && value.exportedName === exportedName,
  );
  if (!entry) throw new Error(`no server action ${exportedName} in ${file} in the build`);
  return entry[0];
}

export type ActionState = {
  fieldErrors?: Record<string, string[]>;
  formError?: string;
  message?: string;
  values?: Record<string, string>;
};

export type ActionCall = {
  /** A page that renders a form using the action. */
  page: string;
  file: string;
  action: string;
  fields: Array<[string, string | Blob]> | Record<string, string>;
};

export async function callAction(
  request: APIRequestContext,
  { page, file, action, fields }: ActionCall,
  origin: string,
): Promise<{ status: number; state: ActionState | null; body: string }> {
  const form = new FormData();
  const entries = Array.isArray(fields) ? fields : Object.entries(fields);
  // As React's client writes it: the FormData's entries first, named
  // "<prefix>_<part id>_<name>" (a plain reply's prefix is empty, so "_1_<name>"),
  // then the root "0". The server resolves "$K1" when it reads "0", from the
  // entries that arrived before it: sent after, they would be silently dropped.
  for (const [name, value] of entries) form.append(`_1_${name}`, value);
  form.append("0", JSON.stringify([{}, "$K1"]));
  const response = await request.post(page, {
    headers: {
      "Next-Action": actionId(file, action),
      Accept: "text/x-component",
      Origin: origin,
    },
    multipart: form,
    maxRedirects: 0,
  });
  const body = await response.text();
  return { status: response.status(), state: findState(body), body };
}

/** The action's return value: the one row of the RSC payload shaped like our form state. */
function findState(body: string): ActionState | null {
  for (const line of body.split("\n")) {
    const match = /^[0-9a-f]+:(\{.*\})$/.exec(line);
    if (!match) continue;
    try {
      const value = JSON.parse(match[1]!) as Record<string, unknown>;
      if ("fieldErrors" in value || "formError" in value || "message" in value) {
        return value as ActionState;
      }
    } catch {
      // not JSON: another kind of row
    }
  }
  return null;
}
