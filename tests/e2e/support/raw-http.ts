import type { SmtpCatcher } from "../../support/smtp-catcher";
import { actionId, findState, type ActionState } from "./server-actions";

// The app over plain HTTP (fetch, no browser): server actions called exactly as
// React's client calls them, sign-in through the real email link, and a
// session as nothing but a cookie string. Fast enough to call every action as
// several people, which is what the access control matrix does.

export type Fields = Array<[string, string]> | Record<string, string>;

export type RawResult = {
  status: number;
  state: ActionState | null;
  /** Where the server sent the caller: an action's redirect or a Location header. */
  redirect: string | null;
  body: string;
  headers: Headers;
};

export type RawActionCall = {
  /** A page that renders a form using the action (the URL the browser posts to). */
  page: string;
  file: string;
  action: string;
  fields: Fields;
  /**
   * A plain `<form action={fn}>` calls `fn(formData)`; a form with
   * useActionState calls `fn(previousState, formData)` (the default).
   */
  formOnly?: boolean;
};

export async function rawAction(
  origin: string,
  { page, file, action, fields, formOnly = false }: RawActionCall,
  { cookie = "", headers = {} }: { cookie?: string; headers?: Record<string, string> } = {},
): Promise<RawResult> {
  const form = new FormData();
  const entries = Array.isArray(fields) ? fields : Object.entries(fields);
  for (const [name, value] of entries) form.append(`_1_${name}`, value);
  form.append("0", JSON.stringify(formOnly ? ["$K1"] : [{}, "$K1"]));
  const response = await fetch(new URL(page, origin), {
    method: "POST",
    headers: {
      "Next-Action": actionId(file, action),
      Accept: "text/x-component",
      Origin: origin,
      ...(cookie ? { Cookie: cookie } : {}),
      ...headers,
    },
    body: form,
    redirect: "manual",
  });
  const raw = Buffer.from(await response.arrayBuffer());
  const actionRedirect = response.headers.get("x-action-redirect");
  return {
    status: response.status,
    state: findState(raw),
    redirect: actionRedirect?.split(";")[0] ?? response.headers.get("location"),
    body: raw.toString("utf8"),
    headers: response.headers,
  };
}

export async function rawRequest(
  origin: string,
  path: string,
  {
    method = "GET",
    cookie = "",
    headers = {},
    body,
  }: {
    method?: string;
    cookie?: string;
    headers?: Record<string, string>;
    body?: FormData | string;
  } = {},
): Promise<{ status: number; redirect: string | null; body: string; headers: Headers }> {
  const response = await fetch(new URL(path, origin), {
    method,
    headers: { ...(cookie ? { Cookie: cookie } : {}), ...headers },
    body,
    redirect: "manual",
  });
  return {
    status: response.status,
    redirect: response.headers.get("location"),
    body: await response.text(),
    headers: response.headers,
  };
}

const SESSION_COOKIE = "authjs.session-token";

/**
 * Signs `email` in (or up) through the real flow, over HTTP: the sign-in
 * form's action, the emailed link, the confirmation page's POST. Returns the
 * session cookie as a `Cookie` header value.
 */
export async function signInRaw(origin: string, mail: SmtpCatcher, email: string): Promise<string> {
  const address = email.toLowerCase();
  const before = mail.messages.filter((m) => m.to === address).length;
  const asked = await rawAction(origin, {
    page: "/signin",
    file: "lib/actions/auth.ts",
    action: "requestSignInLink",
    fields: { email, callbackUrl: "/account" },
  });
  if (asked.redirect !== "/signin/check-email") {
    throw new Error(
      `sign-in request for ${email} refused: ${asked.status} ${asked.redirect} ${asked.body.slice(0, 300)}`,
    );
  }
  const message = await mail.waitForMessage(
    (m) => m.to === address && mail.messages.filter((x) => x.to === address).indexOf(m) >= before,
  );
  const link = message.links.find((l) => l.includes("/signin/confirm?"));
  if (!link) throw new Error("the sign-in email has no confirmation link");
  const params = new URL(link).searchParams;
  const form = new FormData();
  for (const name of ["token", "email", "callbackUrl"]) form.append(name, params.get(name) ?? "");
  const confirmed = await rawRequest(origin, "/api/auth/callback/email", {
    method: "POST",
    headers: { Origin: origin },
    body: form,
  });
  const cookie = confirmed.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .find((c) => c.startsWith(`${SESSION_COOKIE}=`) && c.length > SESSION_COOKIE.length + 1);
  if (!cookie) throw new Error(`no session cookie after confirming ${email} (${confirmed.status})`);
  return cookie;
}
