import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import { requireUser } from "@/lib/auth/session";
import { removeReachOut } from "@/lib/actions/reach-outs";
import { listReachOuts } from "@/lib/data/reach-outs";
import { getTrackerSettings } from "@/lib/data/tracker-settings";
import { formatDayLong, todayIn } from "@/lib/tracker/calendar-day";
import { REACH_OUT_FEELING_LABELS } from "@/lib/tracker/scales";
import { STEPS } from "@/lib/tracker/steps";
import { ReachOutForm } from "@/app/progress/_components/reach-out-form";
import { RowActionButton } from "@/app/progress/_components/row-action-button";
import { mutedClass, ownTextClass } from "@/components/ui/styles";
import { Section } from "@/app/progress/_components/section";

export const metadata: Metadata = { title: "Friends and family", robots: { index: false } };

export default async function PeoplePage() {
  const user = await requireUser();
  const [{ timeZone }, reachOuts] = await Promise.all([
    getTrackerSettings({ userId: user.id }),
    listReachOuts({ userId: user.id }),
  ]);

  return (
    <div>
      <h1 className="text-3xl font-bold">Step 3: {STEPS[2].title}</h1>
      <p className="mt-2">
        Even if your friends don&apos;t have all the answers, they can keep you company, distract
        you, and remind you that a wonderful version of you existed before this relationship. Good
        friends will not judge you.
      </p>

      <Section id="add-reach-out" title="Log a time you reached out">
        <ReachOutForm requestKey={randomUUID()} today={todayIn(timeZone)} />
      </Section>

      <Section id="reach-outs" title="Your log">
        {reachOuts.length === 0 ? (
          <p className="mt-2">Nothing logged yet.</p>
        ) : (
          <ul className="mt-3 divide-y divide-neutral-200 dark:divide-neutral-800">
            {reachOuts.map((entry) => (
              <li key={entry.id} className="py-3">
                <p className="font-medium">
                  {entry.who}{" "}
                  <span className={`text-sm font-normal ${mutedClass}`}>
                    {formatDayLong(entry.day)}
                  </span>
                </p>
                <p className={mutedClass}>{REACH_OUT_FEELING_LABELS[entry.feeling]}</p>
                {entry.note && <p className={ownTextClass}>{entry.note}</p>}
                <RowActionButton
                  action={removeReachOut}
                  id={entry.id}
                  label={`Remove this entry about ${entry.who}`}
                />
              </li>
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}
