import { env } from "@/lib/env";

// Route handlers that act for a signed-in person (the tracker export) answer
// only requests sent by a page of ours. Browsers say where a request comes
// from in Sec-Fetch-Site; our Referrer-Policy (no-referrer) makes them send
// `Origin: null` on plain form posts, so Origin is only the fallback for
// clients without Sec-Fetch-Site. (Server actions get Next's own check.)
export function isSameOriginRequest(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site) return site === "same-origin";
  return request.headers.get("origin") === new URL(env.APP_URL).origin;
}
