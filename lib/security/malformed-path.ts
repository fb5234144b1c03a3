// A path whose percent-escapes are not valid UTF-8 (/articles/%ED%A0%80, a lone
// "%") cannot be decoded into route parameters: Next answers such requests to
// dynamic routes with a 500 before any of our code runs. The proxy refuses
// them with a 400 instead (a client error, and no error page or alert).

export function isMalformedPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}
