import { NextRequest, NextResponse } from "next/server";
import { handlers } from "@/lib/auth";
import { confirmEmailSignIn } from "@/lib/auth/confirm-sign-in";
import { cookiesForAuthJs } from "@/lib/auth/cookies";
import { EMAIL_PROVIDER_ID } from "@/lib/auth/constants";
import { env } from "@/lib/env";

// Auth.js's endpoints, narrowed to what Heartwork uses:
// - GET  session, csrf: as Auth.js serves them.
// - GET  callback/email (an emailed Auth.js link) NEVER spends the token: it is
//   sent to our confirmation page, whose button POSTs back here.
// - POST callback/email: the confirmation click; spends the token.
// Everything else (Auth.js's own sign-in/sign-out pages and POSTs) is 404:
// sign-in requests go through our rate-limited server action.
export const dynamic = "force-dynamic";

const CALLBACK = `callback/${EMAIL_PROVIDER_ID}`;

function actionOf(request: NextRequest): string {
  return request.nextUrl.pathname.replace(/^\/api\/auth\/?/, "");
}

/**
 * session and csrf take no input. Auth.js validates a callbackUrl in the query
 * (or its cookie) on every request and answers a malformed one with a 500, so
 * it gets the request without either.
 */
function forAuthJs(request: NextRequest): NextRequest {
  const url = request.nextUrl.clone();
  url.search = "";
  const headers = new Headers(request.headers);
  headers.set("cookie", cookiesForAuthJs(request.headers.get("cookie")));
  return new NextRequest(url, { method: "GET", headers });
}

function notFound() {
  return NextResponse.json({ error: "not found" }, { status: 404 });
}

export async function GET(request: NextRequest) {
  const action = actionOf(request);
  if (action === CALLBACK) {
    return NextResponse.redirect(`${env.APP_URL}/signin/confirm${request.nextUrl.search}`, 303);
  }
  if (action === "session" || action === "csrf") return handlers.GET(forAuthJs(request));
  return notFound();
}

export async function POST(request: NextRequest) {
  if (actionOf(request) === CALLBACK) return confirmEmailSignIn(request);
  return notFound();
}
