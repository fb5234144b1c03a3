import { describe, expect, it } from "vitest";
import { stepProgress, type StepCounts } from "@/lib/tracker/step-progress";

const none: StepCounts = {
  goodMemories: 0,
  hardMemories: 0,
  goals: 0,
  goalsDone: 0,
  activitiesRecent: 0,
  reachOutsRecent: 0,
};

describe(stepProgress, () => {
  it("says nothing while nothing is logged (no '0 of 0 goals done')", () => {
    expect(stepProgress(1, none)).toBeNull();
    expect(stepProgress(2, none)).toBeNull();
    expect(stepProgress(3, none)).toBeNull();
  });

  it("counts what there is, and only that", () => {
    const counts = { ...none, goodMemories: 3, goals: 1, goalsDone: 1, reachOutsRecent: 1 };
    expect(stepProgress(1, counts)).toBe("3 good memories and 0 hard memories written down.");
    expect(stepProgress(2, counts)).toBe("1 of 1 goal done.");
    expect(stepProgress(2, { ...counts, activitiesRecent: 2 })).toBe(
      "1 of 1 goal done; 2 new things tried in the last 30 days.",
    );
    expect(stepProgress(2, { ...none, activitiesRecent: 1 })).toBe(
      "1 new thing tried in the last 30 days.",
    );
    expect(stepProgress(3, counts)).toBe("You reached out 1 time in the last 30 days.");
  });
});
