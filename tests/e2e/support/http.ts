import { randomUUID } from "node:crypto";
import type { SmtpCatcher } from "../../support/smtp-catcher";
import { actionId } from "./server-actions";
import { mailCount, waitForSignInMail } from "./sign-in";

// Raw HTTP (Node's fetch, no browser) against the running e2e server, for specs
// that make hundreds of requests: the headers table and the enumeration timing.
// Redirects are never followed, so every response's own headers are seen.
//
//   const http = new Http(baseURL);
//   const owner = await signInOverHttp(http, mail, uniqueEmail("owner"));
//   const response = await http.get("/progress", { cookie: owner.cookie });
//   await http.action("/counseling/invite", "lib/actions/counseling.ts", "invitePartner",
//     { email, inviterName: "Sam", requestKey: randomUUID() }, { cookie: owner.cookie });

export const SESSION_COOKIE = "authjs.session-token"; // http APP_URL: no __Secure- prefix

export type Fields = Record<string, string | string[]>;

export class Http {
  constructor(readonly baseURL: string) {}

  get origin(): string {
    return new URL(this.baseURL).origin;
  }

  async request(
    method: string,
    path: string,
    {
      cookie,
      headers = {},
      body,
    }: { cookie?: string; headers?: Record<string, string>; body?: BodyInit } = {},
  ): Promise<Response> {
    return fetch(new URL(path, this.baseURL), {
      method,
      redirect: "manual",
      headers: { ...(cookie ? { cookie } : {}), ...headers },
      body,
    });
  }

  get(path: string, options: { cookie?: string; headers?: Record<string, string> } = {}) {
    return this.request("GET", path, options);
  }

  /** A same-origin form POST (application/x-www-form-urlencoded). */
  postForm(path: string, fields: Record<string, string>, options: { cookie?: string } = {}) {
    return this.request("POST", path, {
      ...options,
      headers: { origin: this.origin, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields).toString(),
    });
  }

  /**
   * Calls a server action as React's client does for a form with useActionState
   * (see server-actions.ts): `Next-Action` header, the arguments in React's
   * reply encoding. Plain actions (formData only) take `{ plain: true }`.
   */
  action(
    page: string,
    file: string,
    action: string,
    fields: Fields,
    { cookie, plain = false }: { cookie?: string; plain?: boolean } = {},
  ): Promise<Response> {
    const form = new FormData();
    const prefix = "_1_";
    for (const [name, value] of Object.entries(fields)) {
      for (const v of Array.isArray(value) ? value : [value]) form.append(`${prefix}${name}`, v);
    }
    form.append("0", JSON.stringify(plain ? ["$K1"] : [{}, "$K1"]));
    return this.request("POST", page, {
      cookie,
      headers: {
        "Next-Action": actionId(file, action),
        Accept: "text/x-component",
        Origin: this.origin,
      },
      body: form,
    });
  }
}

export function setCookies(response: Response): string[] {
  return response.headers.getSetCookie();
}

export function sessionSetCookie(response: Response): string | undefined {
  return setCookies(response).find((c) => c.startsWith(`${SESSION_COOKIE}=`));
}

export type HttpUser = { email: string; cookie: string; token: string; setCookie: string };

/** The whole magic-link flow over HTTP: the sign-in action, the email, the confirmation POST. */
export async function signInOverHttp(
  http: Http,
  mail: SmtpCatcher,
  email: string,
): Promise<HttpUser> {
  const before = mailCount(mail, email);
  const requested = await http.action("/signin", "lib/actions/auth.ts", "requestSignInLink", {
    email,
  });
  await requested.arrayBuffer();
  const { link } = await waitForSignInMail(mail, email, { after: before });
  const params = new URL(link).searchParams;
  const confirmed = await http.postForm("/api/auth/callback/email", {
    token: params.get("token") ?? "",
    email: params.get("email") ?? "",
    callbackUrl: "/account",
  });
  await confirmed.arrayBuffer();
  const setCookie = sessionSetCookie(confirmed);
  if (confirmed.status !== 303 || !setCookie) {
    throw new Error(`sign-in for ${email} failed: ${confirmed.status}`);
  }
  const token = /^[^=]+=([^;]+)/.exec(setCookie)![1]!;
  return { email, token, setCookie, cookie: `${SESSION_COOKIE}=${token}` };
}

/** Signs in, answers the safety screen "no" throughout and sends a couples intake. */
export async function inviterOverHttp(
  http: Http,
  mail: SmtpCatcher,
  email: string,
): Promise<HttpUser> {
  const user = await signInOverHttp(http, mail, email);
  const screen = await http.action(
    "/counseling/screen",
    "lib/actions/counseling.ts",
    "submitSafetyScreen",
    { afraid: "no", hurt: "no", threatened: "no", controlled: "no" },
    { cookie: user.cookie },
  );
  await screen.arrayBuffer();
  const intake = await http.action(
    "/counseling/intake",
    "lib/actions/counseling.ts",
    "submitIntake",
    {
      format: "COUPLES",
      focuses: ["TRUST"],
      preferredTimes: ["WEEKEND"],
      contactMethod: "EMAIL",
    },
    { cookie: user.cookie },
  );
  await intake.arrayBuffer();
  const invite = await http.get("/counseling/invite", { cookie: user.cookie });
  if (invite.status !== 200)
    throw new Error(`the intake did not open invitations (${invite.status})`);
  await invite.arrayBuffer();
  return user;
}

/** Invites `email` from the signed-in inviter; the response is the action's (a redirect on success). */
export function invite(http: Http, inviter: HttpUser, email: string): Promise<Response> {
  return http.action(
    "/counseling/invite",
    "lib/actions/counseling.ts",
    "invitePartner",
    { email, inviterName: "Sam", message: "", requestKey: randomUUID() },
    { cookie: inviter.cookie },
  );
}

/** The ids of the inviter's invitations that still show a Revoke button. */
export async function openInvitationIds(http: Http, inviter: HttpUser): Promise<string[]> {
  const html = await (await http.get("/counseling", { cookie: inviter.cookie })).text();
  return [...html.matchAll(/name="invitationId" value="([A-Za-z0-9_-]+)"/g)].map((m) => m[1]!);
}

/** Revokes every open invitation of the inviter, so the next one may be sent. */
export async function revokeOpenInvitations(http: Http, inviter: HttpUser): Promise<void> {
  for (const invitationId of new Set(await openInvitationIds(http, inviter))) {
    const response = await http.action(
      "/counseling",
      "lib/actions/counseling.ts",
      "revokeInvitation",
      { invitationId },
      { cookie: inviter.cookie },
    );
    await response.arrayBuffer();
  }
}

/** The invitation token from the newest invitation email to `email`. */
export async function invitationToken(
  mail: SmtpCatcher,
  email: string,
  after = 0,
): Promise<string> {
  const message = await mail.waitForMessage(
    (m) =>
      m.to === email.toLowerCase() &&
      m.links.some((l) => l.includes("/invitations/")) &&
      mail.messages.filter((x) => x.to === m.to).indexOf(m) >= after,
  );
  const link = message.links.find((l) => l.includes("/invitations/"))!;
  return new URL(link).pathname.split("/").at(-1)!;
}
