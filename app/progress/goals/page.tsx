import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import { requireUser } from "@/lib/auth/session";
import { markGoal } from "@/lib/actions/goals";
import { listActivities } from "@/lib/data/activities";
import { listGoals } from "@/lib/data/goals";
import { getTrackerSettings } from "@/lib/data/tracker-settings";
import type { QueryPageProps } from "@/lib/http/page-query";
import { formatDayLong, todayIn } from "@/lib/tracker/calendar-day";
import { STEPS } from "@/lib/tracker/steps";
import { ActivityForm } from "@/app/progress/_components/activity-form";
import { GoalForm, type Goal } from "@/app/progress/_components/goal-form";
import { RowActionButton } from "@/app/progress/_components/row-action-button";
import { TrackerList, type RowKind } from "@/app/progress/_components/tracker-list";
import { readTrackerListState } from "@/app/progress/_components/tracker-list-state";
import { mutedClass, ownTextClass } from "@/components/ui/styles";
import { Section } from "@/app/progress/_components/section";

export const metadata: Metadata = { title: "Goals and new experiences", robots: { index: false } };

const goalRows: RowKind<Goal & { done: boolean }> = {
  list: "goals",
  name: (goal) => `“${goal.title}”`,
  show: (goal) => (
    <>
      <p className="font-medium">
        {goal.title}{" "}
        <span className={`text-sm font-normal ${mutedClass}`}>
          {goal.done ? "(done)" : "(not done yet)"}
        </span>
      </p>
      {goal.targetDate && (
        <p className={`text-sm ${mutedClass}`}>Aiming for {formatDayLong(goal.targetDate)}</p>
      )}
      {goal.note && <p className={ownTextClass}>{goal.note}</p>}
    </>
  ),
  edit: (goal) => <GoalForm editing={goal} />,
  more: (goal) => (
    <RowActionButton
      action={markGoal}
      id={goal.id}
      fields={{ done: goal.done ? "false" : "true" }}
      label={goal.done ? `Mark “${goal.title}” as not done` : `Mark “${goal.title}” as done`}
    />
  ),
};

/** New things tried: editing one keeps its day within "today or earlier" in the person's zone. */
function activityRows(today: string): RowKind<{ id: string; title: string; day: string }> {
  return {
    list: "activities",
    name: (activity) => `“${activity.title}”`,
    show: (activity) => (
      <p>
        <span className="font-medium">{activity.title}</span>{" "}
        <span className={`text-sm ${mutedClass}`}>{formatDayLong(activity.day)}</span>
      </p>
    ),
    edit: (activity) => <ActivityForm editing={activity} today={today} />,
  };
}

export default async function GoalsPage({ searchParams }: QueryPageProps) {
  const user = await requireUser();
  const [{ timeZone }, goals, activities, lists] = await Promise.all([
    getTrackerSettings({ userId: user.id }),
    listGoals({ userId: user.id }),
    listActivities({ userId: user.id }),
    readTrackerListState(user.id, searchParams, ["goals", "activities"]),
  ]);
  const today = todayIn(timeZone);

  return (
    <div>
      <h1 className="text-3xl font-bold">Step 2: {STEPS[1].title}</h1>
      <p className="mt-2">
        This might be a really good time to go somewhere different or try something new: a sport, a
        hobby, a language, new friends. Create some achievable goals, so that you can set your
        sights on them. When you achieve them, you get the same sense of fulfillment a relationship
        used to give you.
      </p>

      <Section id="goals" title="Your goals">
        <TrackerList kind={goalRows} rows={goals} state={lists} />
        <h3 className="mt-6 font-semibold">Add a goal</h3>
        <GoalForm requestKey={randomUUID()} />
      </Section>

      <Section id="activities" title="New things you tried">
        <TrackerList kind={activityRows(today)} rows={activities} state={lists} />
        <h3 className="mt-6 font-semibold">Log something new</h3>
        <ActivityForm requestKey={randomUUID()} today={today} />
      </Section>
    </div>
  );
}
