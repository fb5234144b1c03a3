import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { JOBS } from "@/lib/jobs";

// Issue 14, item 7: the retention eraser runs on its own (the email worker's
// housekeeping runs every job in lib/jobs), and SECURITY.md publishes the
// schedule and its setting. The eraser itself is tested on both databases in
// tests/integration/counseling-messages.test.ts.

describe("the counseling retention schedule", () => {
  it("is a periodic job that runs at least daily", () => {
    const job = JOBS.find((j) => j.name === "erase-expired-referral-text");
    expect(job).toBeDefined();
    expect(job!.schedule.everyMs).toBeLessThanOrEqual(24 * 60 * 60_000);
  });

  it("is published in SECURITY.md: the default of 90 days, the setting, and a numbered promise", () => {
    const security = fs.readFileSync("SECURITY.md", "utf8");
    expect(security).toMatch(/erased 90 days later/);
    expect(security).toContain("COUNSELING_RETENTION_DAYS");
    expect(security).toMatch(/^\d+\. After a referral closes, its free text is erased/m);
    const example = fs.readFileSync(".env.example", "utf8");
    expect(example).toContain("COUNSELING_RETENTION_DAYS=90");
  });
});
