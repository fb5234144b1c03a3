import { describe, expect, it } from "vitest";
import { signInRateLimitKeys } from "@/lib/auth/sign-in-limits";

describe(signInRateLimitKeys, () => {
  it("counts every spelling of one mailbox under one address limit", () => {
    const spellings = [
      "victim@gmail.com",
      "v.ictim@gmail.com",
      "victim+again@gmail.com",
      "vic.tim+x@googlemail.com",
    ];
    const keys = spellings.map((email) => signInRateLimitKeys({ email, ip: "203.0.113.7" }));
    expect(new Set(keys.map((k) => k.address)).size).toBe(1);
    expect(signInRateLimitKeys({ email: "other@gmail.com", ip: "203.0.113.7" }).address).not.toBe(
      keys[0]!.address,
    );
  });

  it("counts every address of an IPv6 /64 under one IP limit, and other /64s apart", () => {
    const email = "someone@example.com";
    const a = signInRateLimitKeys({ email, ip: "2001:db8:0:1::1" }).ip;
    const b = signInRateLimitKeys({ email, ip: "2001:db8:0:1:dead:beef:0:7" }).ip;
    const c = signInRateLimitKeys({ email, ip: "2001:db8:0:2::1" }).ip;
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });
});
