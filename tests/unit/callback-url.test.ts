import { describe, expect, it } from "vitest";
import { DEFAULT_AFTER_SIGN_IN, safeCallbackPath } from "@/lib/auth/callback-url";

const appUrl = "https://heartwork.example";

describe(safeCallbackPath, () => {
  it.each([
    ["//evil.example", DEFAULT_AFTER_SIGN_IN],
    ["//evil.example/account", DEFAULT_AFTER_SIGN_IN],
    ["/\\evil.example", DEFAULT_AFTER_SIGN_IN],
    ["\\\\evil.example", DEFAULT_AFTER_SIGN_IN],
    ["/\t/evil.example", DEFAULT_AFTER_SIGN_IN],
    ["/\n/evil.example", DEFAULT_AFTER_SIGN_IN],
    ["javascript:alert(1)", DEFAULT_AFTER_SIGN_IN],
    ["JavaScript:alert(1)", DEFAULT_AFTER_SIGN_IN],
    [" javascript:alert(1)", DEFAULT_AFTER_SIGN_IN],
    ["data:text/html,<script>alert(1)</script>", DEFAULT_AFTER_SIGN_IN],
    ["https://evil.example/account", DEFAULT_AFTER_SIGN_IN],
    ["https://heartwork.example.evil.example/account", DEFAULT_AFTER_SIGN_IN],
    ["https://heartwork.example@evil.example/", DEFAULT_AFTER_SIGN_IN],
    ["evil.example", DEFAULT_AFTER_SIGN_IN],
    ["", DEFAULT_AFTER_SIGN_IN],
    ["/signin?callbackUrl=//evil.example", DEFAULT_AFTER_SIGN_IN],
    // Dot segments that collapse into a protocol-relative path (issue 13, item 4).
    ["/..//evil.example", DEFAULT_AFTER_SIGN_IN],
    ["/.//evil.example", DEFAULT_AFTER_SIGN_IN],
    ["/progress/..//evil.example", DEFAULT_AFTER_SIGN_IN],
    ["/%2e%2e//evil.example", DEFAULT_AFTER_SIGN_IN],
    ["/%2E%2E//evil.example/account", DEFAULT_AFTER_SIGN_IN],
    ["https://heartwork.example/..//evil.example", DEFAULT_AFTER_SIGN_IN],
    ["/api/auth/signout", DEFAULT_AFTER_SIGN_IN],
    ["/progress", "/progress"],
    ["/account#delete", "/account#delete"],
    ["/referral?step=2", "/referral?step=2"],
    ["/progress/../account", "/account"],
    ["https://heartwork.example/progress", "/progress"],
  ])("sends %j to %j", (input, expected) => {
    expect(safeCallbackPath(input, { appUrl })).toBe(expected);
  });

  it("falls back for anything that is not a string, or is absurdly long", () => {
    expect(safeCallbackPath(undefined)).toBe(DEFAULT_AFTER_SIGN_IN);
    expect(safeCallbackPath(["/progress"])).toBe(DEFAULT_AFTER_SIGN_IN);
    expect(safeCallbackPath(`/${"a".repeat(2_000)}`)).toBe(DEFAULT_AFTER_SIGN_IN);
  });

  it("never returns a path a browser would read as another host", () => {
    const candidates = ["/..//x.example", "/./..//x.example", "/a/b/../..//x.example", "/%2e//x"];
    for (const input of candidates) {
      const path = safeCallbackPath(input, { appUrl });
      expect(new URL(path, appUrl).origin, input).toBe(appUrl);
    }
  });

  it("uses the given fallback", () => {
    expect(safeCallbackPath("//evil.example", { fallback: "/" })).toBe("/");
  });
});
