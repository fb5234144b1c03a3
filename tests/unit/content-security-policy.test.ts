import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "@/lib/security/headers";

describe(contentSecurityPolicy, () => {
  it("allows only nonce-stamped scripts on dynamic pages", () => {
    const csp = contentSecurityPolicy({ nonce: "abc123", dev: false });
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it("always forbids plugins, base rewriting and framing", () => {
    for (const csp of [
      contentSecurityPolicy({ dev: false }),
      contentSecurityPolicy({ nonce: "n", dev: false }),
    ]) {
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("base-uri 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("default-src 'self'");
    }
  });

  it("adds unsafe-eval only for the development server", () => {
    expect(contentSecurityPolicy({ nonce: "n", dev: true })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy({ dev: false })).not.toContain("'unsafe-eval'");
  });
});
