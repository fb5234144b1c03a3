import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalEmailAddress } from "@/lib/validations/email-address";

describe(canonicalEmailAddress, () => {
  it.each([
    ["victim@example.com", "victim@example.com"],
    ["Victim+again@Example.com", "victim@example.com"],
    ["victim+a+b@example.com", "victim@example.com"],
    [" v.ictim@gmail.com ", "victim@gmail.com"],
    ["V.I.C.T.I.M+x@GoogleMail.com", "victim@gmail.com"],
    ["first.last@example.com", "first.last@example.com"],
    ["first.last+tag@mail.example.org", "first.last@mail.example.org"],
  ])("matches %j as %j", (input, canonical) => {
    expect(canonicalEmailAddress(input)).toBe(canonical);
  });

  it("keeps a local part that is only a tag, and dots elsewhere than Gmail", () => {
    expect(canonicalEmailAddress("+tag@example.com")).toBe("+tag@example.com");
    expect(canonicalEmailAddress("v.ictim@gmail.com.evil.example")).toBe(
      "v.ictim@gmail.com.evil.example",
    );
  });

  it("is idempotent", () => {
    fc.assert(
      fc.property(fc.emailAddress(), (address) => {
        const once = canonicalEmailAddress(address);
        expect(canonicalEmailAddress(once)).toBe(once);
      }),
    );
  });
});
