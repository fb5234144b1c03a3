import { env } from "@/lib/env";

// Route handlers that act for a signed-in person (the tracker export) answer
// only requests sent by a page of ours. Browsers say where a request comes
// from in Sec-Fetch-Site; Origin is the fallback for clients without it (our
// Referrer-Policy, same-origin, lets a browser send our Origin on our own
// form posts). Server actions get Next's own check.
export function isSameOriginRequest(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site) return site === "same-origin";
  return request.headers.get("origin") === new URL(env.APP_URL).origin;
}
