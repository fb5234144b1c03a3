import fc from "fast-check";
import { z } from "zod";
import { describe, expect, it } from "vitest";
import {
  counselingIntakeSchema,
  declineInvitationSchema,
  invitePartnerSchema,
  invitationIdSchema,
  invitationTokenSchema,
  safetyScreenSchema,
} from "@/lib/validations/counseling";

const requestKey = "4f1c2a53-7f6e-4e3b-9a77-0b5c1d2e3f40";
const invite = (email: string, extra: Record<string, unknown> = {}) =>
  invitePartnerSchema.safeParse({ email, inviterName: "Sam", message: "", requestKey, ...extra });

function emailError(email: string) {
  const result = invite(email);
  return result.success ? null : z.flattenError(result.error).fieldErrors.email;
}

describe("invitePartnerSchema", () => {
  it("accepts a plain address and lower-cases it", () => {
    const result = invite("  Jordan.Lee+us@Example.COM ");
    expect(result.success && result.data.email).toBe("jordan.lee+us@example.com");
  });

  it.each([
    ["a quoted local part", '"jordan@evil.example"@example.com'],
    ["a quoted local part without @", '"jordan"@example.com'],
    ["a CR/LF header injection", "jordan@example.com\r\nBcc: everyone@example.com"],
    ["a line feed", "jordan@example.com\n"],
    ["no domain", "jordan@"],
    ["two @", "a@b@example.com"],
    ["an oversized address", `${"a".repeat(300)}@example.com`],
    ["an oversized local part", `${"a".repeat(65)}@example.com`],
    ["an IP literal", "jordan@[127.0.0.1]"],
    ["nothing", ""],
  ])("refuses %s with a clear message", (_, email) => {
    const errors = emailError(email);
    expect(errors?.length).toBeGreaterThan(0);
    expect(errors!.join(" ")).toMatch(/address|line break|hidden|long|Enter/);
  });

  it("refuses names that could read as a link, and oversized messages", () => {
    for (const inviterName of [
      "evil.example",
      "http://x",
      "Sam\r\nBcc:",
      "",
      "a".repeat(61),
      "123",
    ]) {
      expect(invite("jordan@example.com", { inviterName }).success, inviterName).toBe(false);
    }
    for (const inviterName of [
      "Sam",
      "Anne-Marie O'Neil",
      "Zoë",
      "José Luis",
      "李雷",
      "Juan Carlos de la Cruz",
      "Ludwig van Beethoven",
      "Mary Ann Smith Jones",
    ]) {
      expect(invite("jordan@example.com", { inviterName }).success, inviterName).toBe(true);
    }
    expect(invite("jordan@example.com", { message: "x".repeat(501) }).success).toBe(false);
    expect(invite("jordan@example.com", { message: "Line one\nLine two" }).success).toBe(true);
  });

  it("takes a name, not a sentence", () => {
    for (const inviterName of [
      "I know where you live",
      "I Will Find You",
      "Watch your back",
      "you are dead",
      "Call me now or else",
      "Someone Who Knows What You Did",
      "Open this right now please",
    ]) {
      const result = invite("jordan@example.com", { inviterName });
      expect(result.success, inviterName).toBe(false);
      expect(JSON.stringify(result.error?.issues), inviterName).toContain("just your name");
    }
  });

  it("refuses unknown fields and a missing request key", () => {
    expect(invite("jordan@example.com", { admin: "yes" }).success).toBe(false);
    expect(invite("jordan@example.com", { requestKey: "not-a-uuid" }).success).toBe(false);
  });

  it("never throws, whatever it is sent", () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom("email", "inviterName", "message", "requestKey", "other"),
          fc.oneof(fc.string({ maxLength: 2_000 }), fc.integer(), fc.constant(null)),
        ),
        (input) => {
          expect(() => invitePartnerSchema.safeParse(input)).not.toThrow();
        },
      ),
      { seed: 20261126, numRuns: 500 },
    );
  });
});

describe("safetyScreenSchema", () => {
  it("needs an answer to every question", () => {
    const result = safetyScreenSchema.safeParse({ afraid: "no", hurt: "no" });
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(Object.keys(z.flattenError(result.error).fieldErrors).sort()).toEqual([
        "controlled",
        "threatened",
      ]);
    }
  });

  it("accepts only yes, no and not sure", () => {
    const answers = { afraid: "no", hurt: "no", threatened: "no", controlled: "maybe" };
    expect(safetyScreenSchema.safeParse(answers).success).toBe(false);
    expect(safetyScreenSchema.safeParse({ ...answers, controlled: "unsure" }).success).toBe(true);
  });
});

describe("counselingIntakeSchema", () => {
  const base = {
    format: "COUPLES",
    focuses: ["TRUST", "TRUST"],
    note: "",
    preferredTimes: ["WEEKEND"],
    contactMethod: "EMAIL",
    phone: "",
  };

  it("reads checkboxes and drops repeated choices", () => {
    const result = counselingIntakeSchema.safeParse({ ...base, shareNote: "on" });
    expect(result.success && result.data).toMatchObject({
      focuses: ["TRUST"],
      shareNote: true,
      shareFocuses: false,
      safeToLeaveMessage: false,
    });
  });

  it("needs a time, and a phone number when contact is by phone", () => {
    const result = counselingIntakeSchema.safeParse({
      ...base,
      preferredTimes: [],
      contactMethod: "PHONE",
      phone: "call me",
    });
    expect(result.success).toBe(false);
    if (!result.success) {
      const errors = z.flattenError(result.error).fieldErrors;
      expect(errors.preferredTimes).toBeDefined();
      expect(errors.phone).toBeDefined();
    }
    const ok = counselingIntakeSchema.safeParse({
      ...base,
      contactMethod: "PHONE",
      phone: " +1 (555) 010-9999 ",
    });
    expect(ok.success && ok.data.phone).toBe("+1 (555) 010-9999");
  });

  it("refuses unknown choices, oversized notes and hidden characters", () => {
    expect(counselingIntakeSchema.safeParse({ ...base, focuses: ["ASTROLOGY"] }).success).toBe(
      false,
    );
    expect(counselingIntakeSchema.safeParse({ ...base, note: "x".repeat(1_001) }).success).toBe(
      false,
    );
    expect(counselingIntakeSchema.safeParse({ ...base, note: "a\u0000b" }).success).toBe(false);
    expect(counselingIntakeSchema.safeParse({ ...base, extra: 1 }).success).toBe(false);
  });

  it("never throws, whatever it is sent", () => {
    fc.assert(
      fc.property(
        fc.record(
          {
            format: fc.oneof(fc.constantFrom("COUPLES", "INDIVIDUAL"), fc.string()),
            focuses: fc.array(fc.string({ maxLength: 40 }), { maxLength: 20 }),
            note: fc.string({ maxLength: 3_000 }),
            preferredTimes: fc.array(fc.string({ maxLength: 40 }), { maxLength: 10 }),
            contactMethod: fc.string({ maxLength: 10 }),
            phone: fc.string({ maxLength: 100 }),
          },
          { requiredKeys: [] },
        ),
        (input) => {
          expect(() => counselingIntakeSchema.safeParse(input)).not.toThrow();
        },
      ),
      { seed: 20261126, numRuns: 500 },
    );
  });
});

describe("the invitation page's inputs", () => {
  it("accept only a well-formed token and invitation id", () => {
    expect(invitationTokenSchema.safeParse("a".repeat(43)).success).toBe(true);
    expect(invitationTokenSchema.safeParse("../../etc/passwd").success).toBe(false);
    expect(invitationIdSchema.safeParse({ invitationId: "abc_DEF-123" }).success).toBe(true);
    expect(invitationIdSchema.safeParse({ invitationId: "a b" }).success).toBe(false);
    expect(declineInvitationSchema.safeParse({ note: "x".repeat(501) }).success).toBe(false);
  });
});
