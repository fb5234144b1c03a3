import { pluralize } from "@/lib/tracker/steps";

// What the steps page says under each step about what you logged. Nothing
// logged yet says nothing: "0 of 0 goals done" is noise, not news.

export type StepCounts = {
  goodMemories: number;
  hardMemories: number;
  goals: number;
  goalsDone: number;
  activitiesRecent: number;
  reachOutsRecent: number;
};

/** The line under step 1, 2 or 3, or null when there is nothing to count yet. */
export function stepProgress(step: 1 | 2 | 3, counts: StepCounts): string | null {
  if (step === 1) {
    const { goodMemories: good, hardMemories: hard } = counts;
    if (good + hard === 0) return null;
    return `${pluralize(good, "good memory", "good memories")} and ${pluralize(hard, "hard memory", "hard memories")} written down.`;
  }
  if (step === 2) {
    const parts = [
      counts.goals > 0 && `${counts.goalsDone} of ${pluralize(counts.goals, "goal")} done`,
      counts.activitiesRecent > 0 &&
        `${pluralize(counts.activitiesRecent, "new thing")} tried in the last 30 days`,
    ].filter((part): part is string => Boolean(part));
    return parts.length ? `${parts.join("; ")}.` : null;
  }
  return counts.reachOutsRecent > 0
    ? `You reached out ${pluralize(counts.reachOutsRecent, "time")} in the last 30 days.`
    : null;
}
