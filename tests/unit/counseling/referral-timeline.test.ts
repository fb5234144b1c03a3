import { describe, expect, it } from "vitest";
import { referralTimeline } from "@/lib/counseling/referral-timeline";

// The person's timeline: exactly one current step, in order, dates in their zone.

const sentAt = new Date("2026-12-05T20:00:00Z"); // already December 6 in Kiritimati (UTC+14)
const base = { sentAt, counselorName: null, hasMessages: false, closedAt: null };
const states = (facts: Parameters<typeof referralTimeline>[0]) =>
  referralTimeline(facts, "UTC").map((step) => `${step.key}:${step.state}`);

describe(referralTimeline, () => {
  it("moves one current step along: sent, reviewing, messages, closed", () => {
    expect(states(base)).toEqual([
      "sent:current",
      "reviewing:upcoming",
      "messages:upcoming",
      "closed:upcoming",
    ]);
    expect(states({ ...base, counselorName: "Dana" })).toEqual([
      "sent:done",
      "reviewing:current",
      "messages:upcoming",
      "closed:upcoming",
    ]);
    expect(states({ ...base, counselorName: "Dana", hasMessages: true })).toEqual([
      "sent:done",
      "reviewing:done",
      "messages:current",
      "closed:upcoming",
    ]);
    expect(states({ ...base, counselorName: "Dana", closedAt: sentAt })).toEqual([
      "sent:done",
      "reviewing:done",
      "messages:skipped",
      "closed:current",
    ]);
  });

  it("names the counselor, dates each step in the person's zone, and says how it ended", () => {
    const steps = referralTimeline(
      { ...base, counselorName: "Dana", closedAt: sentAt, outcome: "WITHDRAWN" },
      "Pacific/Kiritimati",
    );
    expect(steps[0]!.detail).toBe("Sent on December 6, 2026.");
    expect(steps[1]!.title).toBe("Dana is reviewing your request");
    expect(steps[3]!.detail).toBe("Closed on December 6, 2026. You withdrew your request.");
  });

  it("tells the partner that it closed, never how (no outcome given)", () => {
    const steps = referralTimeline({ ...base, closedAt: sentAt }, "UTC");
    expect(steps[3]!.detail).toBe("Closed on December 5, 2026.");
    expect(steps[1]!.state).toBe("skipped");
  });
});
