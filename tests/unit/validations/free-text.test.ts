import fc from "fast-check";
import type { z } from "zod";
import { describe, expect, it } from "vitest";
import { displayNameSchema } from "@/lib/validations/account";
import { checkInSchema } from "@/lib/validations/check-in";
import {
  counselingIntakeSchema,
  declineInvitationSchema,
  invitePartnerSchema,
} from "@/lib/validations/counseling";
import {
  freeText,
  HIDDEN_CHARACTER_MESSAGE,
  optionalText,
  requiredText,
} from "@/lib/validations/free-text";
import { goalSchema } from "@/lib/validations/goal";
import { hardDateSchema } from "@/lib/validations/hard-date";
import { memorySchema } from "@/lib/validations/memory";
import { reachOutSchema } from "@/lib/validations/reach-out";

const SEED = 20261205;
/** Every Unicode control character (Cc) other than tab, LF and CR. */
const FORBIDDEN = /[^\P{Cc}\t\n\r]/u;

function messages(schema: z.ZodType, input: unknown): string[] {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

describe(freeText, () => {
  it("keeps tabs and line breaks inside the text, and trims around it", () => {
    expect(freeText(50).parse("  \tLine one\r\nLine two\twith a tab \n")).toBe(
      "Line one\r\nLine two\twith a tab",
    );
  });

  it("counts after trimming: surrounding spaces never make a text too long", () => {
    expect(freeText(5).parse(`   ${"x".repeat(5)}\n\n`)).toBe("xxxxx");
  });

  it("names the limit and the length when the text is too long", () => {
    expect(messages(freeText(5_000), "x".repeat(5_214))).toEqual([
      "Please keep this to 5,000 characters or fewer. It has 5,214.",
    ]);
  });

  it("refuses a hidden control character with a message that says so, and only that message", () => {
    for (const hidden of ["\u0000", "\u0007", "\u000b", "\u001b[31m", "\u007f", "\u0085"]) {
      expect(messages(freeText(10), `a${hidden}b${"x".repeat(20)}`)).toEqual([
        HIDDEN_CHARACTER_MESSAGE,
      ]);
    }
  });

  it("refuses a control character even at the edges, where trimming would hide it", () => {
    expect(messages(freeText(10), "\u000bnote\u000c")).toEqual([HIDDEN_CHARACTER_MESSAGE]);
  });

  it("never accepts a control character other than tab, CR and LF (property)", () => {
    const schema = freeText(60);
    // Mostly C0/C1 controls and their neighbours, so most cases hold one.
    const unit = fc.oneof(
      fc.integer({ min: 0, max: 0xa0 }).map((code) => String.fromCharCode(code)),
      fc.constantFrom("a", " ", "é", "\u2028", "\ufeff", "😀"),
    );
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), (text) => {
        const result = schema.safeParse(text);
        if (FORBIDDEN.test(text)) expect(result.success).toBe(false);
        if (result.success) expect(FORBIDDEN.test(result.data)).toBe(false);
      }),
      { seed: SEED, numRuns: 2_000 },
    );
  });

  it("trims before counting (property)", () => {
    const edge = fc.constantFrom(" ", "\t", "\n", "\r\n", "\u00a0");
    fc.assert(
      fc.property(
        fc.array(edge, { maxLength: 30 }),
        fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 40 }),
        fc.array(edge, { maxLength: 30 }),
        (before, core, after) => {
          const body = core.trim();
          fc.pre(body.length > 0 && !FORBIDDEN.test(body));
          const result = freeText(body.length).safeParse(before.join("") + body + after.join(""));
          expect(result.success && result.data).toBe(body);
          expect(freeText(body.length - 1).safeParse(body).success).toBe(false);
        },
      ),
      { seed: SEED, numRuns: 500 },
    );
  });

  it("optional text that is empty or only spaces is absent; required text says what is missing", () => {
    expect(optionalText(10).parse("   \n")).toBeUndefined();
    expect(optionalText(10).parse(undefined)).toBeUndefined();
    expect(messages(requiredText(10, "The goal"), "  \t ")).toEqual(["Please write the goal."]);
    expect(messages(requiredText(10, "The goal"), undefined)).toEqual(["Please write the goal."]);
  });
});

describe("every schema with free text uses the one rule", () => {
  const today = "2026-12-05";
  const requestKey = "abcdefghijklmnop";
  const uuid = "4f1c2a53-7f6e-4e3b-9a77-0b5c1d2e3f40";
  const cases: Array<[string, z.ZodType, Record<string, unknown>, string, number]> = [
    [
      "check-in note",
      checkInSchema(today),
      { day: today, mood: "3", missing: "2", contact: "NONE" },
      "note",
      5_000,
    ],
    [
      "check-in trigger",
      checkInSchema(today),
      { day: today, mood: "3", missing: "2", contact: "WE_MET" },
      "trigger",
      500,
    ],
    ["memory", memorySchema, { kind: "GOOD", requestKey }, "text", 2_000],
    ["goal title", goalSchema, { requestKey }, "title", 200],
    ["goal note", goalSchema, { title: "Walk", requestKey }, "note", 2_000],
    [
      "hard date plan",
      hardDateSchema,
      { label: "Birthday", month: "3", day: "4", requestKey },
      "plan",
      1_000,
    ],
    [
      "reach-out who",
      reachOutSchema(today),
      { day: today, feeling: "BETTER", requestKey },
      "who",
      100,
    ],
    ["display name", displayNameSchema, {}, "name", 80],
    ["decline note", declineInvitationSchema, {}, "note", 500],
    [
      "invitation message",
      invitePartnerSchema,
      { email: "jo@example.com", inviterName: "Sam", requestKey: uuid },
      "message",
      500,
    ],
    [
      "intake note",
      counselingIntakeSchema,
      { format: "COUPLES", preferredTimes: ["WEEKEND"], contactMethod: "EMAIL" },
      "note",
      1_000,
    ],
  ];

  it.each(cases)(
    "%s: trims, then names its limit; refuses hidden characters",
    (_, schema, base, field, max) => {
      const padded = `  ${"a".repeat(max)}  `;
      expect(messages(schema, { ...base, [field]: padded })).toEqual([]);
      expect(messages(schema, { ...base, [field]: "a".repeat(max + 1) })).toEqual([
        `Please keep this to ${max.toLocaleString("en-US")} characters or fewer. It has ${(max + 1).toLocaleString("en-US")}.`,
      ]);
      expect(messages(schema, { ...base, [field]: "a\u0000b" })).toEqual([
        HIDDEN_CHARACTER_MESSAGE,
      ]);
    },
  );
});
