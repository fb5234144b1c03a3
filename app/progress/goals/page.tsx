import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import { requireUser } from "@/lib/auth/session";
import { markGoal, removeActivity, removeGoal } from "@/lib/actions/goals";
import { listActivities } from "@/lib/data/activities";
import { listGoals } from "@/lib/data/goals";
import { getTrackerSettings } from "@/lib/data/tracker-settings";
import { formatDayLong, todayIn } from "@/lib/tracker/calendar-day";
import { STEPS } from "@/lib/tracker/steps";
import { ActivityForm } from "@/app/progress/_components/activity-form";
import { GoalForm } from "@/app/progress/_components/goal-form";
import { RowActionButton } from "@/app/progress/_components/row-action-button";
import { mutedClass, ownTextClass } from "@/components/ui/styles";
import { Section } from "@/app/progress/_components/section";

export const metadata: Metadata = { title: "Goals and new experiences", robots: { index: false } };

export default async function GoalsPage() {
  const user = await requireUser();
  const [{ timeZone }, goals, activities] = await Promise.all([
    getTrackerSettings({ userId: user.id }),
    listGoals({ userId: user.id }),
    listActivities({ userId: user.id }),
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
        {goals.length === 0 ? (
          <p className="mt-2">No goals yet. Something small is a fine start.</p>
        ) : (
          <ul className="mt-3 divide-y divide-neutral-200 dark:divide-neutral-800">
            {goals.map((goal) => (
              <li key={goal.id} className="py-3">
                <p className="font-medium">
                  {goal.title}{" "}
                  <span className={`text-sm font-normal ${mutedClass}`}>
                    {goal.done ? "(done)" : "(not done yet)"}
                  </span>
                </p>
                {goal.targetDate && (
                  <p className={`text-sm ${mutedClass}`}>
                    Aiming for {formatDayLong(goal.targetDate)}
                  </p>
                )}
                {goal.note && <p className={ownTextClass}>{goal.note}</p>}
                <div className="mt-1 flex flex-wrap gap-4">
                  <RowActionButton
                    action={markGoal}
                    id={goal.id}
                    fields={{ done: goal.done ? "false" : "true" }}
                    label={
                      goal.done
                        ? `Mark “${goal.title}” as not done`
                        : `Mark “${goal.title}” as done`
                    }
                  />
                  <RowActionButton
                    action={removeGoal}
                    id={goal.id}
                    label={`Remove “${goal.title}”`}
                  />
                </div>
              </li>
            ))}
          </ul>
        )}
        <h3 className="mt-6 font-semibold">Add a goal</h3>
        <GoalForm requestKey={randomUUID()} />
      </Section>

      <Section id="activities" title="New things you tried">
        {activities.length === 0 ? (
          <p className="mt-2">Nothing logged yet. Anything new counts, however small.</p>
        ) : (
          <ul className="mt-3 divide-y divide-neutral-200 dark:divide-neutral-800">
            {activities.map((activity) => (
              <li
                key={activity.id}
                className="flex flex-wrap items-baseline justify-between gap-2 py-2"
              >
                <span>
                  <span className="font-medium">{activity.title}</span>{" "}
                  <span className={`text-sm ${mutedClass}`}>{formatDayLong(activity.day)}</span>
                </span>
                <RowActionButton
                  action={removeActivity}
                  id={activity.id}
                  label={`Remove “${activity.title}”`}
                />
              </li>
            ))}
          </ul>
        )}
        <h3 className="mt-6 font-semibold">Log something new</h3>
        <ActivityForm requestKey={randomUUID()} today={today} />
      </Section>
    </div>
  );
}
