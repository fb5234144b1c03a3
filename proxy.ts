import { NextResponse, type NextRequest } from "next/server";
import { actionBodyProblem } from "@/lib/security/action-body";
import { contentSecurityPolicy } from "@/lib/security/headers";
import { prerenderedRoutes } from "@/lib/security/prerendered-routes";
import { isMalformedPath } from "@/lib/security/malformed-path";
import { isNoindexPath, isPrivatePath } from "@/lib/security/private-paths";
import { REQUEST_PATH_HEADER } from "@/lib/security/request-path";
import { prerenderedScriptHashes } from "@/lib/security/prerendered-script-hashes";

// The proxy sets headers; it never decides who may see data. Authorization
// lives in lib/data and lib/actions (a request can skip the proxy entirely).

const dev = process.env.NODE_ENV !== "production";

export async function proxy(request: NextRequest) {
  const pathname = request.nextUrl.pathname;
  const isStatic = prerenderedRoutes().has(pathname);
  const nonce = isStatic
    ? undefined
    : Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  // Prerendered HTML cannot carry a nonce; it gets the hashes of its own inline scripts.
  const inlineScriptHashes = isStatic ? prerenderedScriptHashes(pathname) : undefined;
  const csp = contentSecurityPolicy({ nonce, dev, inlineScriptHashes });

  // Next reads the nonce from the request's CSP header and stamps its scripts.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", csp);
  if (nonce) requestHeaders.set("x-nonce", nonce);
  // Always overwritten, so a client cannot choose where requireUser() sends it back to.
  requestHeaders.set(REQUEST_PATH_HEADER, `${pathname}${request.nextUrl.search}`);

  const refusal = isMalformedPath(pathname) ? 400 : await actionBodyProblem(request);
  if (refusal) {
    return new NextResponse(refusal === 413 ? "Request too large" : "Bad request", {
      status: refusal,
      headers: {
        "Content-Security-Policy": csp,
        "Cache-Control": "no-store",
        "Content-Type": "text/plain; charset=utf-8",
      },
    });
  }

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  if (isPrivatePath(pathname)) response.headers.set("Cache-Control", "no-store");
  if (isNoindexPath(pathname)) response.headers.set("X-Robots-Tag", "noindex, nofollow");
  return response;
}

export const config = {
  matcher: [
    // Everything but build assets, which get the baseline headers from next.config.
    { source: "/((?!_next/static|_next/image|favicon.ico).*)" },
  ],
};
