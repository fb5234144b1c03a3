import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { socialCardText } from "@/lib/social-card-text";

describe(socialCardText, () => {
  it("folds typographic punctuation into the bundled font's ASCII", () => {
    expect(socialCardText("It’s “fine” – really…")).toBe(`It's "fine" - really...`);
  });

  it("never keeps a character outside Latin-1, which would make next/og fetch a font", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 80 }), (text) => {
        expect(socialCardText(text)).toMatch(/^[\x20-\x7E\u00A0-\u00FF]*$/);
      }),
      { seed: 20261126, numRuns: 300 },
    );
  });
});
