import { describe, expect, it } from "vitest";
import { evaluateAudit, type AuditExceptions } from "@/lib/security/dependency-audit";

// Shaped like `npm audit --json` (auditReportVersion 2): the advisory sits on
// the package it is about; packages that pull it in name it in `via`.
const report = JSON.stringify({
  auditReportVersion: 2,
  vulnerabilities: {
    "left-pad": {
      name: "left-pad",
      severity: "high",
      via: [
        {
          source: 1,
          name: "left-pad",
          title: "Prototype pollution",
          url: "https://github.com/advisories/GHSA-aaaa-bbbb-cccc",
          severity: "high",
          range: "<2.0.0",
        },
        {
          source: 2,
          name: "left-pad",
          title: "Slow regular expression",
          url: "https://github.com/advisories/GHSA-low0-0000-0000",
          severity: "moderate",
        },
      ],
    },
    "pads-things": { name: "pads-things", severity: "high", via: ["left-pad"] },
    "crit-lib": {
      name: "crit-lib",
      severity: "critical",
      via: [
        {
          source: 3,
          name: "crit-lib",
          title: "Remote code execution",
          url: "https://github.com/advisories/GHSA-crit-0000-0000",
          severity: "critical",
        },
      ],
    },
  },
  metadata: { vulnerabilities: { high: 2, critical: 1, total: 3 } },
});

const exception = (advisory: string, pkg: string, expires = "2027-01-31") => ({
  advisory,
  package: pkg,
  reason: "only reachable through a build-time code path we never run in production",
  reviewedBy: "heartwork team",
  reviewedOn: "2026-11-26",
  expires,
});

const none: AuditExceptions = { exceptions: [] };

describe("the dependency audit", () => {
  it("fails on each high or critical advisory once, and ignores moderate ones", () => {
    const outcome = evaluateAudit(report, none, "2026-11-26");
    expect(outcome.kind).toBe("checked");
    if (outcome.kind !== "checked") return;
    expect(outcome.failing.map((a) => `${a.severity} ${a.package}`).sort()).toEqual([
      "critical crit-lib",
      "high left-pad",
    ]);
  });

  it("passes an advisory that a person reviewed, while the review lasts", () => {
    const reviewed = {
      exceptions: [exception("https://github.com/advisories/GHSA-aaaa-bbbb-cccc", "left-pad")],
    };
    const outcome = evaluateAudit(report, reviewed, "2026-11-26");
    if (outcome.kind !== "checked") throw new Error("expected a report");
    expect(outcome.failing.map((a) => a.package)).toEqual(["crit-lib"]);
    expect(outcome.excepted.map((a) => a.package)).toEqual(["left-pad"]);
  });

  it("fails again once the review has expired", () => {
    const expired = {
      exceptions: [
        exception("https://github.com/advisories/GHSA-aaaa-bbbb-cccc", "left-pad", "2026-11-25"),
      ],
    };
    const outcome = evaluateAudit(report, expired, "2026-11-26");
    if (outcome.kind !== "checked") throw new Error("expected a report");
    expect(outcome.failing.map((a) => a.package).sort()).toEqual(["crit-lib", "left-pad"]);
    expect(outcome.expiredExceptions).toHaveLength(1);
  });

  it("does not let an exception for one package cover the same advisory elsewhere", () => {
    const otherPackage = {
      exceptions: [exception("https://github.com/advisories/GHSA-aaaa-bbbb-cccc", "pads-things")],
    };
    const outcome = evaluateAudit(report, otherPackage, "2026-11-26");
    if (outcome.kind !== "checked") throw new Error("expected a report");
    expect(outcome.failing.map((a) => a.package)).toContain("left-pad");
    expect(outcome.unusedExceptions).toHaveLength(1);
  });

  it("reports a clean tree as passing", () => {
    const clean = JSON.stringify({ auditReportVersion: 2, vulnerabilities: {} });
    expect(evaluateAudit(clean, none, "2026-11-26")).toMatchObject({ failing: [] });
  });

  it("says the audit could not run when the registry refuses it, instead of passing", () => {
    const refused = JSON.stringify({
      message:
        "405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk",
      statusCode: 405,
      error: { summary: "", detail: "" },
    });
    expect(evaluateAudit(refused, none, "2026-11-26")).toEqual({
      kind: "unavailable",
      reason: expect.stringContaining("405") as string,
    });
    expect(evaluateAudit("", none, "2026-11-26").kind).toBe("unavailable");
  });
});
