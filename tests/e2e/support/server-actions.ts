import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";

// Calls a server action over HTTP exactly as React's client does when a form
// with useActionState submits: POST to a page that uses the action, header
// `Next-Action: <id>`, body in React's reply encoding for the arguments
// (prevState, formData) — part "0" is the argument list, with the FormData as
// reference "$K1" whose entries travel as "_1_<name>" (the React 19.3 format). The action id comes from
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
  const raw = await response.body();
  return { status: response.status(), state: findState(raw), body: raw.toString("utf8") };
}

/**
 * The action's return value: the row of the RSC payload shaped like our form
 * state. Rows are "<id>:<json>\n", except text rows "<id>:T<hex byte length>,<text>"
 * (React outlines long strings that way), which have no newline.
 */
export function findState(raw: Buffer): ActionState | null {
  const rows: string[] = [];
  let at = 0;
  while (at < raw.length) {
    const colon = raw.indexOf(":", at);
    if (colon < 0) break;
    if (raw[colon + 1] === 0x54 /* T */) {
      const comma = raw.indexOf(",", colon);
      const length = parseInt(raw.subarray(colon + 2, comma).toString("latin1"), 16);
      at = comma + 1 + length;
      continue;
    }
    const end = raw.indexOf("\n", colon);
    rows.push(raw.subarray(colon + 1, end < 0 ? raw.length : end).toString("utf8"));
    at = end < 0 ? raw.length : end + 1;
  }
  for (const row of rows) {
    if (!row.startsWith("{")) continue;
    try {
      const value = JSON.parse(row) as Record<string, unknown>;
      if ("fieldErrors" in value || "formError" in value || "message" in value) {
        return value as ActionState;
      }
    } catch {
      // another kind of row
    }
  }
  return null;
}

export type RawActionCall = {
  /** The page to POST to (any page of the app dispatches any action id of the build). */
  page: string;
  file: string;
  action: string;
  fields: Array<[string, string | Blob]>;
  /** The React reply's argument list; by default (prevState, formData) as a form sends it. */
  args?: string;
};

/**
 * callAction without Playwright's request context: plain fetch with a Cookie
 * header, so many calls can be in flight at once (the fuzz spec).
 */
export async function fetchAction(
  baseURL: string,
  cookie: string,
  { page, file, action, fields, args }: RawActionCall,
): Promise<{ status: number; state: ActionState | null; location: string | null }> {
  const form = new FormData();
  for (const [name, value] of fields) form.append(`_1_${name}`, value);
  form.append("0", args ?? JSON.stringify([{}, "$K1"]));
  const response = await fetch(new URL(page, baseURL), {
    method: "POST",
    headers: {
      "Next-Action": actionId(file, action),
      Accept: "text/x-component",
      Origin: baseURL,
      ...(cookie ? { Cookie: cookie } : {}),
    },
    body: form,
    redirect: "manual",
  });
  const raw = Buffer.from(await response.arrayBuffer());
  return {
    status: response.status,
    state: findState(raw),
    location: response.headers.get("x-action-redirect") ?? response.headers.get("location"),
  };
}
