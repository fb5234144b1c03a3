import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  EMAIL_MAX_LENGTH,
  emailAddressProblem,
  emailAddressSchema,
} from "@/lib/validations/email-address";

describe("emailAddressSchema", () => {
  it.each([
    ["Ana@Example.com", "ana@example.com"],
    ["  ana.b+heart@mail.example.org ", "ana.b+heart@mail.example.org"],
    ["o'brien@example.ie", "o'brien@example.ie"],
    ["x@xn--bcher-kva.example", "x@xn--bcher-kva.example"],
  ])("accepts %j as %j", (input, normalized) => {
    expect(emailAddressSchema.parse(input)).toBe(normalized);
  });

  it.each([
    ['"a@evil.example"@victim.example', "format"],
    ['"ana"@example.com', "format"],
    ["ana@example.com\r\nBcc: everyone@evil.example", "control_characters"],
    ["ana@example.com\nBcc: x@evil.example", "control_characters"],
    ["ana@example.com%0d%0aBcc:x@evil.example", "format"],
    ["ana@example.com,bob@evil.example", "format"],
    ["ana@evil.example@victim.example", "format"],
    ["ana\uff20example.com", "format"],
    ["ana@localhost", "format"],
    ["ana@[127.0.0.1]", "format"],
    ["ana..b@example.com", "format"],
    [".ana@example.com", "format"],
    ["ana@example..com", "format"],
    ["ana@-example.com", "format"],
    ["ana(comment)@example.com", "format"],
    ["ana @example.com", "format"],
    ["", "missing"],
    ["   ", "missing"],
    [`${"a".repeat(65)}@example.com`, "too_long"],
    [`ana@${"a".repeat(63)}.${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(63)}.com`, "too_long"],
  ])("refuses %j (%s)", (input, problem) => {
    expect(emailAddressProblem(input)).toBe(problem);
    const result = emailAddressSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/\w/);
  });

  it("refuses megabytes of input with the length message", () => {
    const result = emailAddressSchema.safeParse(`${"a".repeat(1_000_000)}@example.com`);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/too long/);
  });

  it("never accepts anything with a control character, a quote or two @ (property)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (input) => {
        const result = emailAddressSchema.safeParse(input);
        if (!result.success) return;
        const value = result.data;
        expect(value.length).toBeLessThanOrEqual(EMAIL_MAX_LENGTH);
        expect(value).not.toMatch(/["\s,<>()\\]/);
        expect(value.split("@")).toHaveLength(2);
      }),
      { seed: 4242, numRuns: 2_000 },
    );
  });

  it("accepts what it produces (normalizing twice changes nothing)", () => {
    const local = fc
      .stringMatching(/^[a-z0-9]([a-z0-9._+-]{0,20}[a-z0-9])?$/)
      .filter((s) => !s.includes(".."));
    const domain = fc.stringMatching(/^[a-z0-9]{1,20}\.[a-z]{2,6}$/);
    fc.assert(
      fc.property(local, domain, (l, d) => {
        const once = emailAddressSchema.parse(`${l}@${d}`.toUpperCase());
        expect(emailAddressSchema.parse(once)).toBe(once);
      }),
      { seed: 7, numRuns: 500 },
    );
  });
});
