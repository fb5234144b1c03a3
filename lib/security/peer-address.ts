import http from "node:http";
import { isIPv4, isIPv6 } from "node:net";

// Who is on the other end of the connection, for the one page that must only
// ever answer this machine: the development mailbox (its sign-in links take
// over any account). Next gives pages no view of the socket, and the
// X-Forwarded-For it fills in is whatever the client sent, if it sent one. So
// before Next sees a request we overwrite one header with the socket's own
// remote address; a client cannot set it. A request that carries a forwarding
// header came through a proxy (or pretends to): the socket then says nothing
// about the real client, and the header says "forwarded", which is never local.

export const PEER_ADDRESS_HEADER = "x-heartwork-peer-address";
const FORWARDING_HEADERS = ["forwarded", "x-forwarded-for", "x-real-ip"];

/** 127.0.0.0/8, ::1, and IPv4 loopback mapped into IPv6. */
export function isLoopbackAddress(address: string | null | undefined): boolean {
  if (!address) return false;
  const v4 = address.toLowerCase().replace(/^::ffff:/, "");
  if (isIPv4(v4)) return v4.startsWith("127.");
  return isIPv6(address) && /^(0{0,4}:){2,7}0{0,3}1$|^::1$/i.test(address);
}

export function peerAddressOf(request: http.IncomingMessage): string {
  if (FORWARDING_HEADERS.some((name) => request.headers[name] !== undefined)) return "forwarded";
  return request.socket.remoteAddress ?? "unknown";
}

/** Whether the request that rendered this came over a loopback connection, unproxied. */
export function isLoopbackRequest(headers: Headers): boolean {
  return isLoopbackAddress(headers.get(PEER_ADDRESS_HEADER));
}

const installed = globalThis as unknown as { __heartworkPeerAddressStamp?: boolean };

/**
 * Stamps every request any HTTP server of this process receives, before its
 * handler runs. A request that arrives before this is installed (during
 * start-up) carries no stamp and counts as not local.
 */
export function installPeerAddressStamp(): void {
  if (installed.__heartworkPeerAddressStamp) return;
  installed.__heartworkPeerAddressStamp = true;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function stampedEmit(
    this: http.Server,
    event: string | symbol,
    ...args: unknown[]
  ): boolean {
    if (event === "request" && args[0] instanceof http.IncomingMessage) {
      const request = args[0];
      request.headers[PEER_ADDRESS_HEADER] = peerAddressOf(request);
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof emit;
}

/**
 * The address `npm start` listens on while the development mailbox is on:
 * loopback only, in the family APP_URL names (localhost resolves to 127.0.0.1).
 */
export function loopbackListenHost(appUrl: string): string {
  return new URL(appUrl).hostname === "[::1]" ? "::1" : "127.0.0.1";
}
