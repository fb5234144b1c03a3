import fs from "node:fs";
import path from "node:path";
import { scriptHashSource } from "@/lib/security/headers";

// A prerendered page's HTML is fixed at build time, so instead of allowing
// every inline script ('unsafe-inline') its CSP can list the hash of each
// inline script it actually contains. The proxy asks for a route's hashes on
// its first request; they are read from the HTML `next build` wrote, which is
// byte for byte what `next start` serves, and cached for the process lifetime.

const APP_OUTPUT = path.join(process.cwd(), ".next", "server", "app");
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const TYPE = /\btype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;
const SRC = /\bsrc\s*=/i;
// Script types the browser executes; anything else (JSON-LD, JSON) is data and no CSP concern.
const EXECUTABLE_TYPES = new Set(["", "module", "text/javascript", "application/javascript"]);

/** CSP hash sources of every executable inline script in an HTML document, in order, without repeats. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const [, attributes = "", body = ""] of html.matchAll(SCRIPT)) {
    if (SRC.test(attributes)) continue;
    const type = TYPE.exec(attributes);
    const mime = (type?.[1] ?? type?.[2] ?? type?.[3] ?? "").trim().toLowerCase();
    if (!EXECUTABLE_TYPES.has(mime)) continue;
    hashes.add(scriptHashSource(body));
  }
  return [...hashes];
}

const cache = new Map<string, string[] | undefined>();

/**
 * The inline-script hashes of a prerendered route's HTML, or undefined when
 * the route has no HTML file (robots.txt, images, `next dev`): such responses
 * run no inline script but the quick exit, which is always allowed. Call it only
 * with a path from the prerender manifest: it names a file under .next.
 */
export function prerenderedScriptHashes(pathname: string): string[] | undefined {
  if (cache.has(pathname)) return cache.get(pathname);
  const file = path.join(APP_OUTPUT, pathname === "/" ? "index.html" : `${pathname}.html`);
  let hashes: string[] | undefined;
  if (file.startsWith(APP_OUTPUT + path.sep)) {
    try {
      hashes = inlineScriptHashes(fs.readFileSync(file, "utf8"));
    } catch {
      hashes = undefined;
    }
  }
  cache.set(pathname, hashes);
  return hashes;
}
