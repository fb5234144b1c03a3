import "server-only";
import { NextRequest, NextResponse } from "next/server";
import { z } from "zod";
import { handlers } from "@/lib/auth";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { EMAIL_PROVIDER_ID } from "@/lib/auth/constants";
import { cookiesForAuthJs, sessionCookieName } from "@/lib/auth/cookies";
import { deleteSessionByToken } from "@/lib/data/sessions";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { emailAddressSchema } from "@/lib/validations/email-address";

// The "Sign in" button on /signin/confirm POSTs here. We hand Auth.js the GET
// it expects for its email callback (it checks and deletes the token, creates
// the session and answers with a redirect that sets the cookie). Only this POST
// reaches that code: GETs of the emailed link only render the page.

const confirmSchema = z
  .object({
    token: z.string().regex(/^[A-Za-z0-9_-]{16,256}$/),
    email: emailAddressSchema,
    callbackUrl: z.string().max(1_000).optional(),
  })
  .strict();

/**
 * A cross-site form could sign a victim into the attacker's account (login
 * CSRF). Browsers say where a request comes from in Sec-Fetch-Site; Origin
 * is only the fallback for clients without it.
 */
function isSameOrigin(request: NextRequest): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site) return site === "same-origin";
  return request.headers.get("origin") === new URL(env.APP_URL).origin;
}

export async function confirmEmailSignIn(request: NextRequest): Promise<Response> {
  if (!isSameOrigin(request)) {
    logger.warn({ event: "auth.confirm_cross_site" }, "refused a cross-site sign-in confirmation");
    return NextResponse.json({ error: "cross-site request refused" }, { status: 403 });
  }
  let fields: Record<string, string> = {};
  try {
    const form = await request.formData();
    for (const name of ["token", "email", "callbackUrl"]) {
      const value = form.get(name);
      if (typeof value === "string") fields[name] = value;
    }
  } catch {
    fields = {};
  }
  const parsed = confirmSchema.safeParse(fields);
  if (!parsed.success) {
    return NextResponse.redirect(`${env.APP_URL}/signin/error?error=Verification`, 303);
  }
  const { token, email, callbackUrl } = parsed.data;
  const url = new URL(`${env.APP_URL}/api/auth/callback/${EMAIL_PROVIDER_ID}`);
  url.search = new URLSearchParams({
    token,
    email,
    callbackUrl: `${env.APP_URL}${safeCallbackPath(callbackUrl)}`,
  }).toString();
  const callback = new NextRequest(url, {
    method: "GET",
    headers: { cookie: cookiesForAuthJs(request.headers.get("cookie")) },
  });
  const response = await handlers.GET(callback);
  // 303: the browser follows with a GET whatever the method it used here.
  const location = response.headers.get("location");
  if (!location || response.status < 300 || response.status >= 400) return response;
  const redirect = NextResponse.redirect(location, 303);
  const setCookies = response.headers.getSetCookie();
  for (const cookie of setCookies) redirect.headers.append("set-cookie", cookie);
  // Signed in afresh: the session this browser had before is replaced, not kept alive beside it.
  const name = sessionCookieName();
  const previous = request.cookies.get(name)?.value;
  const replaced = setCookies.some((c) => c.startsWith(`${name}=`) && !c.startsWith(`${name}=;`));
  if (previous && replaced) await deleteSessionByToken({ sessionToken: previous });
  return redirect;
}
