// Security headers shared by next.config.ts (every response, including static
// files and error pages) and proxy.ts (the per-request CSP). Only relative and
// node: imports: the Next config loads this file before the app's module graph exists.
import { createHash } from "node:crypto";
import { QUICK_EXIT_SCRIPT } from "./quick-exit-script";

export const STATIC_SECURITY_HEADERS: ReadonlyArray<{ key: string; value: string }> = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  // same-origin, not no-referrer: no other site ever learns a page of ours,
  // but a browser must send our own Origin on a form post, or Next refuses
  // every server action sent without JavaScript (no-referrer made it `null`).
  { key: "Referrer-Policy", value: "same-origin" },
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
 * The headers next.config.ts sends with every response. HSTS depends only on
 * the mode, not on APP_URL: a production server always sends it (browsers
 * ignore it over plain http, so a local http run is unharmed), and FORCE_HSTS
 * turns it on elsewhere. The Content-Security-Policy here is the baseline for
 * responses the proxy does not see (static files, some error paths); the proxy
 * replaces it per request.
 */
export function baselineSecurityHeaders({
  production,
  forceHsts,
}: {
  production: boolean;
  forceHsts: boolean;
}): Array<{ key: string; value: string }> {
  return [
    ...STATIC_SECURITY_HEADERS,
    ...(production || forceHsts ? [HSTS_HEADER] : []),
    { key: "Content-Security-Policy", value: contentSecurityPolicy({ dev: !production }) },
  ];
}

/** A CSP hash source for an inline script's exact text. */
export function scriptHashSource(script: string): string {
  return `'sha256-${createHash("sha256").update(script, "utf8").digest("base64")}'`;
}

/** The quick-exit script (in every page's HTML) is allowed by its hash on every page. */
export const QUICK_EXIT_SCRIPT_HASH = scriptHashSource(QUICK_EXIT_SCRIPT);

/**
 * The Content-Security-Policy. No page may run an inline script it did not
 * declare: there is no 'unsafe-inline' for scripts anywhere.
 * - With a nonce (pages rendered per request), scripts run only when Next
 *   stamped them with it, or when they are the quick-exit script (by hash);
 *   'strict-dynamic' lets those load Next's chunks.
 * - Without one (prerendered pages, whose HTML cannot carry a per-request
 *   nonce), external scripts come only from our origin and inline scripts run
 *   only when their hash is listed: the quick-exit script's, plus
 *   `inlineScriptHashes`, which the proxy reads from the page's built HTML
 *   (lib/security/prerendered-script-hashes.ts).
 */
export function contentSecurityPolicy({
  nonce,
  dev,
  inlineScriptHashes,
}: {
  nonce?: string;
  dev: boolean;
  inlineScriptHashes?: readonly string[];
}): string {
  const script = nonce
    ? `'self' 'nonce-${nonce}' 'strict-dynamic' ${QUICK_EXIT_SCRIPT_HASH}`
    : ["'self'", ...new Set([QUICK_EXIT_SCRIPT_HASH, ...(inlineScriptHashes ?? [])])].join(" ");
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
