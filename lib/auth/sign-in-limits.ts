import { rateLimitNetwork } from "@/lib/security/client-ip";
import { canonicalEmailAddress } from "@/lib/validations/email-address";

// What the sign-in limits count under. Every spelling of one mailbox
// (plus tags, Gmail's dots) shares one per-address limit, so a flood of links
// cannot reach one inbox through its aliases; an IPv6 client counts as its /64.

export function signInRateLimitKeys({ email, ip }: { email: string; ip: string }) {
  return {
    ip: `sign-in:ip:${rateLimitNetwork(ip)}`,
    address: `sign-in:address:${canonicalEmailAddress(email)}`,
  };
}
