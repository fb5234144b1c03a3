import { z } from "zod";

// Reads `npm audit --json` (report version 2) and the reviewed exceptions in
// .ci/audit-exceptions.json, and decides what fails the build: every advisory
// of high or critical severity that reaches a production dependency, unless a
// person reviewed it, wrote down why it does not affect Heartwork, and the
// review has not expired. Pure, so the rules are unit-tested without the
// registry (which this development machine cannot reach for audits).

export const FAILING_SEVERITIES = new Set(["high", "critical"]);

const advisorySchema = z.object({
  source: z.number().optional(),
  name: z.string(),
  title: z.string(),
  url: z.string(),
  severity: z.string(),
  range: z.string().optional(),
});

const vulnerabilitySchema = z.object({
  name: z.string(),
  severity: z.string(),
  // Either advisories about this package, or names of vulnerable packages it pulls in.
  via: z.array(z.union([z.string(), advisorySchema])),
});

const reportSchema = z.union([
  z.object({ vulnerabilities: z.record(z.string(), vulnerabilitySchema) }),
  // npm's failures come in two shapes: `{ error: { code, summary } }` and, when
  // the registry refuses the request, `{ message, statusCode }`.
  z.object({
    error: z.object({ code: z.string().nullish(), summary: z.string().nullish() }).optional(),
    message: z.string().optional(),
  }),
]);

export const exceptionsSchema = z
  .object({
    exceptions: z.array(
      z
        .object({
          advisory: z.url(),
          package: z.string().min(1),
          reason: z.string().min(20, "say why this advisory does not affect Heartwork"),
          reviewedBy: z.string().min(1),
          reviewedOn: z.iso.date(),
          expires: z.iso.date(),
        })
        .strict(),
    ),
  })
  .strict();

export type AuditExceptions = z.infer<typeof exceptionsSchema>;

export type Advisory = { package: string; title: string; url: string; severity: string };

export type AuditOutcome =
  | { kind: "unavailable"; reason: string }
  | {
      kind: "checked";
      failing: Advisory[];
      excepted: Advisory[];
      expiredExceptions: AuditExceptions["exceptions"];
      unusedExceptions: AuditExceptions["exceptions"];
    };

export function evaluateAudit(
  rawReport: string,
  exceptions: AuditExceptions,
  today: string,
): AuditOutcome {
  let parsed: z.infer<typeof reportSchema>;
  try {
    parsed = reportSchema.parse(JSON.parse(rawReport));
  } catch {
    return { kind: "unavailable", reason: "npm audit printed no report" };
  }
  if (!("vulnerabilities" in parsed)) {
    const reason = [parsed.error?.code, parsed.error?.summary || parsed.message].filter(Boolean);
    return { kind: "unavailable", reason: reason.join(": ") || "no reason given" };
  }

  // Advisories are listed on the package they are about; packages that merely
  // depend on it name it in `via` and add nothing new.
  const advisories = new Map<string, Advisory>();
  for (const vulnerability of Object.values(parsed.vulnerabilities)) {
    for (const via of vulnerability.via) {
      if (typeof via === "string" || !FAILING_SEVERITIES.has(via.severity)) continue;
      advisories.set(`${via.url} ${via.name}`, {
        package: via.name,
        title: via.title,
        url: via.url,
        severity: via.severity,
      });
    }
  }

  const live = exceptions.exceptions.filter((e) => e.expires >= today);
  const expiredExceptions = exceptions.exceptions.filter((e) => e.expires < today);
  const covers = (a: Advisory, e: AuditExceptions["exceptions"][number]) =>
    e.advisory === a.url && e.package === a.package;

  const failing: Advisory[] = [];
  const excepted: Advisory[] = [];
  for (const advisory of advisories.values()) {
    (live.some((e) => covers(advisory, e)) ? excepted : failing).push(advisory);
  }
  const unusedExceptions = live.filter((e) => ![...advisories.values()].some((a) => covers(a, e)));
  return { kind: "checked", failing, excepted, expiredExceptions, unusedExceptions };
}
