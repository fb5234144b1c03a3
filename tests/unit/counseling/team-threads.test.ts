import { describe, expect, it } from "vitest";
import { referralThreads, threadsFor, type ThreadFacts } from "@/lib/counseling/team";

// Which threads a referral has and who sees each: the shared thread and the
// partner's exist only once the partner joined a couples referral with a clear
// screen; each partner never sees the other's private thread.

const joined: ThreadFacts = { format: "COUPLES", partnerId: "p", partnerScreenOutcome: "CLEAR" };

describe(threadsFor, () => {
  it("gives each side its own thread and the shared one, and the team all three", () => {
    expect(threadsFor("person", joined)).toEqual(["PERSON", "SHARED"]);
    expect(threadsFor("partner", joined)).toEqual(["PARTNER", "SHARED"]);
    expect(threadsFor("team", joined)).toEqual(["PERSON", "PARTNER", "SHARED"]);
  });

  it.each<[string, ThreadFacts]>([
    ["individual", { format: "INDIVIDUAL", partnerId: null, partnerScreenOutcome: null }],
    ["partner invited, not joined", { ...joined, partnerId: null, partnerScreenOutcome: null }],
    ["partner yet to answer the screen", { ...joined, partnerScreenOutcome: null }],
    ["partner's screen raised a concern", { ...joined, partnerScreenOutcome: "CONCERN" }],
  ])("has only the person's thread when %s", (_, facts) => {
    expect(referralThreads(facts)).toEqual(["PERSON"]);
    expect(threadsFor("partner", facts)).toEqual([]);
  });
});
