// `npm run audit:dependencies`: `npm audit --omit=dev` at high severity or
// above fails, minus the reviewed exceptions in .ci/audit-exceptions.json
// (see docs/operations.md, "Dependencies"). `--when-unavailable=warn` turns "the registry
// gave no audit report" into a loud warning instead of a failure; CI uses it
// because the registry mirror on our build machines answers the audit
// endpoint with 405. Anywhere the registry answers, a finding always fails.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { evaluateAudit, exceptionsSchema } from "@/lib/security/dependency-audit";

const EXCEPTIONS_FILE = path.join(process.cwd(), ".ci", "audit-exceptions.json");
const warnWhenUnavailable = process.argv.includes("--when-unavailable=warn");

const exceptions = exceptionsSchema.parse(JSON.parse(fs.readFileSync(EXCEPTIONS_FILE, "utf8")));
const audit = spawnSync("npm", ["audit", "--omit=dev", "--json"], {
  encoding: "utf8",
  maxBuffer: 64 * 1024 * 1024,
});
const today = new Date().toISOString().slice(0, 10);
const outcome = evaluateAudit(audit.stdout, exceptions, today);
const say = (line: string) => process.stdout.write(`${line}\n`);

if (outcome.kind === "unavailable") {
  const line = `npm audit gave no report (${outcome.reason}); dependencies were NOT checked`;
  if (warnWhenUnavailable) {
    say(`WARNING: ${line}.`);
    process.exit(0);
  }
  say(`${line}. Run it where the registry's audit endpoint answers.`);
  process.exit(1);
}

for (const e of outcome.expiredExceptions)
  say(
    `expired exception (review again or remove): ${e.package} ${e.advisory} (expired ${e.expires})`,
  );
for (const e of outcome.unusedExceptions)
  say(`exception no longer needed (remove it): ${e.package} ${e.advisory}`);
for (const a of outcome.excepted)
  say(`reviewed exception: ${a.severity} ${a.package}: ${a.title} ${a.url}`);
for (const a of outcome.failing) say(`FAIL ${a.severity} ${a.package}: ${a.title} ${a.url}`);
say(
  `npm audit --omit=dev: ${outcome.failing.length} high/critical advisories failing, ${outcome.excepted.length} excepted after review`,
);
process.exit(outcome.failing.length > 0 ? 1 : 0);
