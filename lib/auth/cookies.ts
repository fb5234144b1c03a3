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
