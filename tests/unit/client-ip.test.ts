import { describe, expect, it } from "vitest";
import { clientIp, rateLimitNetwork } from "@/lib/security/client-ip";

const h = (entries: Record<string, string>) => new Headers(entries);

describe(clientIp, () => {
  it("uses the address Next put in X-Forwarded-For when not behind our proxy", () => {
    expect(clientIp(h({ "x-forwarded-for": "::ffff:127.0.0.1" }), { trustProxy: false })).toBe(
      "127.0.0.1",
    );
    expect(
      clientIp(h({ "x-real-ip": "10.0.0.9", "x-forwarded-for": "::1" }), { trustProxy: false }),
    ).toBe("::1");
  });

  it("behind our proxy, trusts X-Real-IP, else the entry the proxy appended last", () => {
    expect(
      clientIp(h({ "x-real-ip": "203.0.113.7", "x-forwarded-for": "1.2.3.4" }), {
        trustProxy: true,
      }),
    ).toBe("203.0.113.7");
    expect(clientIp(h({ "x-forwarded-for": "6.6.6.6, 203.0.113.7" }), { trustProxy: true })).toBe(
      "203.0.113.7",
    );
  });

  it("answers 'unknown' for a missing or malformed address instead of using it as a key", () => {
    expect(clientIp(h({}), { trustProxy: false })).toBe("unknown");
    expect(clientIp(h({ "x-forwarded-for": "<script>" }), { trustProxy: false })).toBe("unknown");
  });
});

describe(rateLimitNetwork, () => {
  it("counts every address of one IPv6 /64 as one client, however it is written", () => {
    const keys = [
      "2001:db8:1:2::1",
      "2001:db8:1:2:ffff:ffff:ffff:ffff",
      "2001:0DB8:0001:0002:0000:0000:0000:0042",
      "2001:db8:1:2:a:b:1.2.3.4",
    ].map(rateLimitNetwork);
    expect(new Set(keys)).toEqual(new Set(["2001:db8:1:2::/64"]));
  });

  it("keeps different /64s, IPv4 addresses and the unknown apart", () => {
    expect(rateLimitNetwork("2001:db8:1:3::1")).toBe("2001:db8:1:3::/64");
    expect(rateLimitNetwork("::1")).toBe("0:0:0:0::/64");
    expect(rateLimitNetwork("2001:db8::")).toBe("2001:db8:0:0::/64");
    expect(rateLimitNetwork("203.0.113.7")).toBe("203.0.113.7");
    expect(rateLimitNetwork("203.0.113.8")).toBe("203.0.113.8");
    expect(rateLimitNetwork("unknown")).toBe("unknown");
  });
});
