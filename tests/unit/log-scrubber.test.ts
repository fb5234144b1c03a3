import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scrubString } from "@/lib/logger";

// The pattern the scrubber used to run, kept here as the definition of what
// counts as an address: the linear scrubber must replace exactly its matches.
const REFERENCE = /[^\s@<>"'(),;:]+@[^\s@<>"'(),;:]+\.[a-z]{2,}/gi;
const reference = (value: string) => value.replace(REFERENCE, "[email]");

function timed(run: () => void): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

describe(scrubString, () => {
  it("replaces addresses wherever they sit in text", () => {
    expect(scrubString("to jane.doe+x@example.org, (bob@mail.co.uk) and <x@y.io>")).toBe(
      "to [email], ([email]) and <[email]>",
    );
    expect(scrubString("no address here, just @mentions and a.b")).toBe(
      "no address here, just @mentions and a.b",
    );
    expect(scrubString("a@b@c.com a@b.c a@.com a@b.com.x")).toBe(
      reference("a@b@c.com a@b.c a@.com a@b.com.x"),
    );
  });

  it("matches the reference pattern on any text made of the characters that matter", () => {
    const text = fc
      .array(
        fc.constantFrom("a", "Z", "9", ".", "@", " ", "<", ">", ",", "-", "é", "\n", "co", "m"),
        {
          maxLength: 60,
        },
      )
      .map((parts) => parts.join(""));
    fc.assert(
      fc.property(text, (value) => scrubString(value) === reference(value)),
      {
        numRuns: 5_000,
      },
    );
  });

  it("takes linear time on long text without a complete address (the reference took seconds)", () => {
    const n = 100_000;
    const inputs = [
      "a".repeat(n) + "@",
      "a".repeat(n / 2) + "@" + "b".repeat(n / 2),
      "x@".repeat(n / 2),
      "a.".repeat(n / 2) + "@" + "b.".repeat(n / 4),
      "a@b.c".repeat(n / 5),
    ];
    for (const input of inputs) {
      scrubString(input); // warm
      expect(timed(() => scrubString(input))).toBeLessThan(150);
    }
  });
});
