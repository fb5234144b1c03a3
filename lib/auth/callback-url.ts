// Where to go after signing in. Only a path on our own origin is accepted;
// everything else (other origins, protocol-relative `//evil.example`,
// backslash tricks `/\evil.example`, `javascript:`, control characters) falls
// back to the default. Kept free of imports so pages, actions and tests share it.

export const DEFAULT_AFTER_SIGN_IN = "/account";
const PLACEHOLDER_ORIGIN = "http://heartwork.invalid";

export function safeCallbackPath(
  input: unknown,
  { appUrl, fallback = DEFAULT_AFTER_SIGN_IN }: { appUrl?: string; fallback?: string } = {},
): string {
  if (typeof input !== "string" || input.length === 0 || input.length > 1_000) return fallback;
  let candidate = input;
  // An absolute URL is accepted only when it is on our own origin (Auth.js hands
  // us those); it is reduced to its path.
  if (appUrl && candidate.startsWith(`${appUrl}/`)) candidate = candidate.slice(appUrl.length);
  if (!candidate.startsWith("/")) return fallback;
  // Browsers treat "\" like "/" and skip tabs/newlines: "/\evil.example" and "/\t/evil" are other hosts.

  if (/[\\\u0000-\u001f\u007f]/.test(candidate)) return fallback;
  let parsed: URL;
  try {
    parsed = new URL(candidate, PLACEHOLDER_ORIGIN);
  } catch {
    return fallback;
  }
  if (parsed.origin !== PLACEHOLDER_ORIGIN) return fallback;
  // Checked on the normalized path, not the input: dot segments collapse, so
  // "/..//evil.example" (or "/%2e%2e//evil.example") becomes "//evil.example",
  // which a browser reads as another host.
  if (parsed.pathname.startsWith("//")) return fallback;
  const path = `${parsed.pathname}${parsed.search}${parsed.hash}`;
  // Do not bounce back into the sign-in flow itself.
  if (/^\/(signin|signed-out|api\/auth)(\/|$|\?|#)/.test(path)) return fallback;
  return path;
}
