import { env } from "@/lib/env";

// Route handlers that act on a signed-in person's behalf (the tracker export)
// answer only requests a page of ours sent. Browsers always send Origin on a
// POST; a cross-site form post carries the other site's origin and is refused.
// Server actions get the same check from Next itself.
export function isSameOriginPost(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (origin === null) return false;
  return origin === new URL(env.APP_URL).origin;
}
