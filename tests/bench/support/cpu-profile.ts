// The top entries of a V8 CPU profile (`node --cpu-prof`, e.g. bench:progress
// with BENCH_CPU_PROF=<dir>), as a maintainer reads them before changing anything:
//   - by self time per function (where the CPU actually is), and
//   - by self time per package (node_modules/<name>, next's compiled vendors,
//     our own .next/server chunks, node internals), which is what decides
//     whether a fix is ours to make.
// A directory means its newest .cpuprofile.
import fs from "node:fs";
import path from "node:path";
import { report, reportTable } from "../../support/report";

type Node = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
};
type Profile = { nodes: Node[]; startTime: number; endTime: number; samples: number[] };

export function resolveProfile(target: string): string {
  if (!fs.statSync(target).isDirectory()) return target;
  const files = fs
    .readdirSync(target)
    .filter((file) => file.endsWith(".cpuprofile"))
    .map((file) => path.join(target, file))
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  if (!files[0]) throw new Error(`no .cpuprofile in ${target}`);
  return files[0];
}

/** Which package a script URL belongs to, in words a reader recognises. */
export function packageOf(url: string): string {
  if (!url) return "(native / V8)";
  if (url.startsWith("node:")) return "node internals";
  const compiled = url.match(/next\/dist\/compiled\/((?:@[^/]+\/)?[^/]+)/);
  if (compiled) return `next (compiled ${compiled[1]})`;
  const modules = [...url.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)].at(-1);
  if (modules) return modules[1]!;
  if (url.includes("/.next/server/")) return "app (.next/server bundles)";
  return url.replace(/^file:\/\//, "");
}

export function summarize(profile: Profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfHits = new Map<number, number>();
  for (const sample of profile.samples) selfHits.set(sample, (selfHits.get(sample) ?? 0) + 1);
  const total = profile.samples.length;
  const idle = [...selfHits]
    .filter(([id]) => byId.get(id)?.callFrame.functionName === "(idle)")
    .reduce((sum, [, hits]) => sum + hits, 0);
  const busy = total - idle;
  const functions = new Map<string, number>();
  const packages = new Map<string, number>();
  for (const [id, hits] of selfHits) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    if (functionName === "(idle)") continue;
    const where = url ? `${packageOf(url)}:${lineNumber + 1}` : "";
    const name = `${functionName || "(anonymous)"} ${where}`.trim();
    functions.set(name, (functions.get(name) ?? 0) + hits);
    const pkg = packageOf(url);
    packages.set(pkg, (packages.get(pkg) ?? 0) + hits);
  }
  // Inclusive time of named functions (a minified bundle's one-letter names
  // say nothing, so those are left out): which of our calls holds the CPU.
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const inclusive = new Map<string, number>();
  for (const sample of profile.samples) {
    if (byId.get(sample)!.callFrame.functionName === "(idle)") continue;
    const seen = new Set<string>();
    for (let id: number | undefined = sample; id !== undefined; id = parent.get(id)) {
      const { functionName, url } = byId.get(id)!.callFrame;
      if (functionName.length < 4 || functionName.startsWith("(")) continue;
      const name = `${functionName} ${packageOf(url)}`;
      if (seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + 1);
    }
  }
  const seconds = (profile.endTime - profile.startTime) / 1e6;
  const share = (hits: number) => `${((hits / busy) * 100).toFixed(1)}%`;
  const top = (map: Map<string, number>, count: number) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([name, hits]) => ({ name, hits, share: share(hits) }));
  return {
    seconds,
    total,
    busy,
    functions: top(functions, 1e9),
    packages: top(packages, 1e9),
    inclusive: top(inclusive, 1e9),
  };
}

/** Prints the profile's top entries: by package, by function, and inclusive. */
export function reportProfile(target: string, count = 15): void {
  const file = resolveProfile(target);
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;
  const { seconds, total, busy, functions, packages, inclusive } = summarize(profile);
  report(
    `${file}: ${seconds.toFixed(1)} s, ${total} samples, ${busy} busy (${((busy / total) * 100).toFixed(0)}%)`,
  );
  report("\nself time by package (share of busy samples):");
  reportTable(packages.slice(0, count));
  report("\nself time by function:");
  reportTable(functions.slice(0, count));
  report("\ninclusive time by named function (callees included):");
  reportTable(inclusive.slice(0, count));
}
