import { env } from "@/lib/env";

// The client address for per-IP rate limits.
//
// Behind our own reverse proxy (TRUST_PROXY=true) the proxy overwrites
// X-Real-IP with the address of the connection it accepted; we read that, or
// the last X-Forwarded-For entry (the one the proxy appended).
//
// Without a proxy, Next puts the socket address into X-Forwarded-For, but only
// when the client did not send that header itself, and Next gives the app no
// other way to see the socket. So a direct client that forges the header can
// pick its own key: it only dodges the per-IP limit; the per-address limit
// still holds. Production runs behind the proxy with TRUST_PROXY=true.
export function clientIp(
  headers: Headers,
  { trustProxy = env.TRUST_PROXY }: { trustProxy?: boolean } = {},
): string {
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  const candidate = trustProxy
    ? (headers.get("x-real-ip")?.trim() ?? forwarded[forwarded.length - 1])
    : forwarded[0];
  const ip = candidate?.replace(/^::ffff:/, "").slice(0, 64);
  return ip && /^[0-9a-f:.]+$/i.test(ip) ? ip : "unknown";
}
