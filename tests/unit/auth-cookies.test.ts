import { describe, expect, it } from "vitest";
import { cookiesForAuthJs } from "@/lib/auth/cookies";

describe(cookiesForAuthJs, () => {
  it("drops Auth.js's callback-url cookie (a malformed one made Auth.js answer 500) and keeps the rest", () => {
    expect(
      cookiesForAuthJs(
        "authjs.session-token=abc; authjs.callback-url=%%%; __Secure-authjs.callback-url=x; authjs.csrf-token=t",
      ),
    ).toBe("authjs.session-token=abc; authjs.csrf-token=t");
    expect(cookiesForAuthJs(null)).toBe("");
    expect(cookiesForAuthJs(" ; authjs.callback-url=")).toBe("");
  });
});
