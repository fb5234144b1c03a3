import { env } from "@/lib/env";

// Auth.js's session cookie. Secure (and __Secure- prefixed) whenever the app is
// served over HTTPS, decided by the configured APP_URL rather than by whatever
// a request claims. HttpOnly and SameSite=Lax are Auth.js's defaults.
export function usesSecureCookies(): boolean {
  return env.APP_URL.startsWith("https://");
}

export function sessionCookieName(): string {
  return `${usesSecureCookies() ? "__Secure-" : ""}authjs.session-token`;
}

const CALLBACK_URL_COOKIE = /^(__Secure-)?authjs\.callback-url$/;

/**
 * A Cookie header without Auth.js's callback-url cookie. Heartwork never uses
 * that cookie (callback URLs travel in our own forms, checked by
 * safeCallbackPath), and Auth.js answers any request carrying one it cannot
 * parse with a 500 ("InvalidCallbackUrl"), so a client could turn its own
 * session or sign-in requests into server errors.
 */
export function cookiesForAuthJs(header: string | null): string {
  return (header ?? "")
    .split(";")
    .map((part) => part.trim())
    .filter((part) => part.length > 0 && !CALLBACK_URL_COOKIE.test(part.split("=")[0]!.trim()))
    .join("; ");
}
