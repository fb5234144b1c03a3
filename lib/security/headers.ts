// Security headers shared by next.config.ts (every response, including static
// files and error pages) and proxy.ts (the per-request CSP). No imports: the
// Next config loads this file before the app's module graph exists.

export const STATIC_SECURITY_HEADERS: ReadonlyArray<{ key: string; value: string }> = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "no-referrer" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
  },
];

export const HSTS_HEADER = {
  key: "Strict-Transport-Security",
  value: "max-age=63072000; includeSubDomains",
};

/**
 * The Content-Security-Policy. With a nonce, scripts run only when Next stamped
 * them with it (dynamic pages). Without one, the response is a prerendered page
 * whose inline bootstrap scripts cannot carry a per-request nonce; those get
 * 'unsafe-inline' for scripts, which is acceptable only because such pages are
 * built from our own files and contain no user input (see README, "Security headers").
 */
export function contentSecurityPolicy({ nonce, dev }: { nonce?: string; dev: boolean }): string {
  const script = nonce ? `'self' 'nonce-${nonce}' 'strict-dynamic'` : `'self' 'unsafe-inline'`;
  const directives = [
    "default-src 'self'",
    `script-src ${script}${dev ? " 'unsafe-eval'" : ""}`,
    // Next and React inject style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "worker-src 'self'",
    "manifest-src 'self'",
  ];
  return directives.join("; ");
}
