import { randomBytes } from "node:crypto";
import { actionId, findState, type ActionState } from "../e2e/support/server-actions";

// Server actions over plain fetch (drills, benchmarks), encoded as React's
// client sends them; see tests/e2e/support/server-actions.ts for the format.
// The action id comes from the build in .next.

export type ActionTarget = {
  /** A page that renders a form using the action (the POST goes there). */
  page: string;
  file: string;
  action: string;
};

/**
 * The multipart body of an action call, as bytes (autocannon wants them):
 * `(prevState, formData)` for useActionState forms, `(formData)` for plain
 * form actions (`withPrevState: false`).
 */
export function encodeActionBody(
  fields: Record<string, string>,
  { withPrevState = true }: { withPrevState?: boolean } = {},
): { body: Buffer; contentType: string } {
  const boundary = `----heartwork${randomBytes(12).toString("hex")}`;
  const parts: Array<[string, string]> = [
    ...Object.entries(fields).map(([name, value]): [string, string] => [`_1_${name}`, value]),
    ["0", JSON.stringify(withPrevState ? [{}, "$K1"] : ["$K1"])],
  ];
  const text =
    parts
      .map(
        ([name, value]) =>
          `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      )
      .join("") + `--${boundary}--\r\n`;
  return {
    body: Buffer.from(text, "utf8"),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

/** Headers of an action POST, for a client that browses `origin`. */
export function actionHeaders(
  target: ActionTarget,
  { origin, contentType, cookie }: { origin: string; contentType: string; cookie?: string },
): Record<string, string> {
  return {
    "next-action": actionId(target.file, target.action),
    accept: "text/x-component",
    origin,
    "content-type": contentType,
    ...(cookie ? { cookie } : {}),
  };
}

export type ActionResult = {
  status: number;
  /** Where the action redirected (Next answers 303 with x-action-redirect). */
  redirect: string | null;
  state: ActionState | null;
  headers: Headers;
};

/** Calls an action at `base` (an instance or nginx) as a browser on that origin would. */
export async function postAction(
  base: string,
  target: ActionTarget,
  fields: Record<string, string>,
  {
    cookie,
    headers = {},
    withPrevState = true,
  }: { cookie?: string; headers?: Record<string, string>; withPrevState?: boolean } = {},
): Promise<ActionResult> {
  const { body, contentType } = encodeActionBody(fields, { withPrevState });
  const response = await fetch(`${base}${target.page}`, {
    method: "POST",
    headers: {
      ...actionHeaders(target, { origin: new URL(base).origin, contentType, cookie }),
      ...headers,
    },
    body: new Uint8Array(body),
    redirect: "manual",
  });
  const raw = Buffer.from(await response.arrayBuffer());
  return {
    status: response.status,
    redirect: response.headers.get("x-action-redirect"),
    state: findState(raw),
    headers: response.headers,
  };
}
