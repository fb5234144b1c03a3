import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { report } from "./report";

// The drills and the load benchmark run `next start` on a production build
// made for the origin nginx answers on (prerendered pages bake APP_URL in).
// A build is reused when it was made for that origin and no source file is
// newer than it; otherwise this builds (minutes on a busy 2-core machine).

const SOURCES = [
  "app",
  "components",
  "lib",
  "content",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.ts",
];

function newestSourceMtime(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const child of fs.readdirSync(entry)) {
    // Generated client and the nginx template are not part of the Next build.
    if (child === "generated" || child === "node_modules" || child === "deploy") continue;
    newest = Math.max(newest, newestSourceMtime(path.join(entry, child)));
  }
  return newest;
}

/**
 * Why the build in .next cannot serve `appUrl` (null: any origin will do, as
 * for a smoke run whose figures do not matter), or null when it can.
 */
export function staleBuildReason(appUrl: string | null): string | null {
  const buildId = path.join(".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return "no build in .next";
  const article = path.join(".next", "server", "app", "articles", "why-do-i-miss-him.html");
  if (!fs.existsSync(article)) return "no prerendered article in .next";
  if (appUrl !== null && !fs.readFileSync(article, "utf8").includes(`${appUrl}/`)) {
    return `the build in .next was made for another APP_URL than ${appUrl}`;
  }
  const builtAt = fs.statSync(buildId).mtimeMs;
  if (SOURCES.some((entry) => newestSourceMtime(entry) > builtAt)) {
    return "sources changed since the last build";
  }
  return null;
}

/** Builds unless .next already holds a fresh build for `appUrl` (REUSE_BUILD=1 skips the check). */
export function ensureProductionBuild(appUrl: string, reuse = false): void {
  const reason = reuse ? null : staleBuildReason(appUrl);
  if (!reason) {
    report(`reusing the production build in .next (APP_URL ${appUrl})`);
    return;
  }
  report(`building (${reason})...`);
  const started = Date.now();
  const result = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NODE_ENV: "production", APP_URL: appUrl, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error("next build failed");
  report(`built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
