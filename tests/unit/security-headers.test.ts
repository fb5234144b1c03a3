import { afterEach, describe, expect, it, vi } from "vitest";
import { baselineSecurityHeaders, HSTS_HEADER } from "@/lib/security/headers";

// The header builder next.config.ts uses for every response, and the session
// cookie settings for an https APP_URL. The e2e server runs over plain http, so
// what only an https deployment does (Secure, the __Secure- prefix) is checked
// here; tests/e2e/security-headers.spec.ts checks what the real server sends.

function header(list: Array<{ key: string; value: string }>, key: string) {
  return list.find((h) => h.key.toLowerCase() === key.toLowerCase())?.value;
}

describe(baselineSecurityHeaders, () => {
  it("sends HSTS in production, whatever APP_URL says", () => {
    const headers = baselineSecurityHeaders({ production: true, forceHsts: false });
    expect(header(headers, "Strict-Transport-Security")).toBe(HSTS_HEADER.value);
    // Two years, subdomains included: long enough to matter, and never a short test value.
    expect(HSTS_HEADER.value).toMatch(/^max-age=(\d+); includeSubDomains$/);
    expect(Number(/max-age=(\d+)/.exec(HSTS_HEADER.value)![1])).toBeGreaterThanOrEqual(31536000);
  });

  it("leaves HSTS out of development unless FORCE_HSTS asks for it", () => {
    expect(
      header(
        baselineSecurityHeaders({ production: false, forceHsts: false }),
        "Strict-Transport-Security",
      ),
    ).toBeUndefined();
    expect(
      header(
        baselineSecurityHeaders({ production: false, forceHsts: true }),
        "Strict-Transport-Security",
      ),
    ).toBe(HSTS_HEADER.value);
  });

  it.each([true, false])(
    "always sends nosniff, a same-origin Referrer-Policy, DENY and a CSP (production: %s)",
    (production) => {
      const headers = baselineSecurityHeaders({ production, forceHsts: false });
      expect(header(headers, "X-Content-Type-Options")).toBe("nosniff");
      expect(header(headers, "Referrer-Policy")).toBe("same-origin");
      expect(header(headers, "X-Frame-Options")).toBe("DENY");
      const csp = header(headers, "Content-Security-Policy")!;
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("base-uri 'none'");
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(csp.includes("'unsafe-eval'")).toBe(!production);
    },
  );
});

describe("the session cookie's settings", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  async function configFor(appUrl: string) {
    vi.resetModules();
    vi.stubEnv("APP_URL", appUrl);
    vi.stubEnv("AUTH_SECRET", "a-test-secret-that-is-long-enough-for-auth-js");
    const { authConfig } = await import("@/lib/auth/config");
    const { sessionCookieName } = await import("@/lib/auth/cookies");
    return { config: authConfig(), name: sessionCookieName() };
  }

  it("is Secure with the __Secure- prefix when APP_URL is https", async () => {
    const { config, name } = await configFor("https://heartwork.example");
    expect(config.useSecureCookies).toBe(true);
    expect(name).toBe("__Secure-authjs.session-token");
    // No cookie overrides: Auth.js's own defaults (HttpOnly, SameSite=Lax, Path=/,
    // Secure when useSecureCookies) apply, and the e2e test reads them off Set-Cookie.
    expect(config.cookies).toBeUndefined();
  });

  it("is not Secure on a plain-http APP_URL (local runs), and has no prefix", async () => {
    const { config, name } = await configFor("http://localhost:3000");
    expect(config.useSecureCookies).toBe(false);
    expect(name).toBe("authjs.session-token");
  });

  it("follows APP_URL, not a request's claims: an https-looking host on http stays plain", async () => {
    const { config } = await configFor("http://https.example");
    expect(config.useSecureCookies).toBe(false);
  });
});
