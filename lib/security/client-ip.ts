import { isIPv4, isIPv6 } from "node:net";
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

/**
 * The key a per-IP limit counts under. An IPv4 address is its own key; an IPv6
 * address counts as its /64, because one subscriber, host or VM is routinely
 * handed a whole /64 and can pick any of its 2^64 addresses per request.
 */
export function rateLimitNetwork(ip: string): string {
  if (isIPv4(ip) || !isIPv6(ip)) return ip;
  const hextets = expandIPv6(ip);
  return `${hextets.slice(0, 4).join(":")}::/64`;
}

/** Eight hextets, lower-case, without leading zeros (the embedded IPv4 form too). */
function expandIPv6(ip: string): string[] {
  let address = ip.toLowerCase();
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(address)?.[1];
  if (v4) {
    const [a, b, c, d] = v4.split(".").map(Number) as [number, number, number, number];
    address = `${address.slice(0, -v4.length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = address.split("::") as [string, string | undefined];
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const zeros = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill("0");
  return [...left, ...zeros, ...right].map((h) => parseInt(h, 16).toString(16));
}
