import fs from "node:fs";
import path from "node:path";

// Which paths `next build` prerendered. Their HTML was written once, so it
// cannot carry a per-request nonce; the proxy gives them the static policy.
// Read from Next's own manifest so the list can never drift from the build.

let cached: Set<string> | undefined;

export function prerenderedRoutes(): Set<string> {
  if (cached) return cached;
  try {
    const file = path.join(process.cwd(), ".next", "prerender-manifest.json");
    const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as {
      routes?: Record<string, unknown>;
    };
    cached = new Set(Object.keys(manifest.routes ?? {}));
  } catch {
    cached = new Set(); // `next dev`: every page renders per request
  }
  return cached;
}
