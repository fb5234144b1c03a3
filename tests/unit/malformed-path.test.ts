import { describe, expect, it } from "vitest";
import { isMalformedPath } from "@/lib/security/malformed-path";

describe(isMalformedPath, () => {
  it("finds escapes that are not UTF-8 (Next answered them with a 500 on dynamic routes)", () => {
    for (const path of [
      "/articles/%ED%A0%80",
      "/api/auth/%E0%A4%A",
      "/progress/export/%",
      "/%C0%AE",
    ]) {
      expect(isMalformedPath(path), path).toBe(true);
    }
  });

  it("lets every well-formed path through, escaped or not", () => {
    for (const path of [
      "/",
      "/articles/getting-over-someone",
      "/api/auth/session",
      "/a%20b/%F0%9F%92%94",
      "/%25",
    ]) {
      expect(isMalformedPath(path), path).toBe(false);
    }
  });
});
