import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import { requireUser } from "@/lib/auth/session";
import { listReachOuts } from "@/lib/data/reach-outs";
import { getTrackerSettings } from "@/lib/data/tracker-settings";
import type { QueryPageProps } from "@/lib/http/page-query";
import { formatDayLong, todayIn } from "@/lib/tracker/calendar-day";
import { REACH_OUT_FEELING_LABELS } from "@/lib/tracker/scales";
import { STEPS } from "@/lib/tracker/steps";
import { ReachOutForm, type ReachOutEntry } from "@/app/progress/_components/reach-out-form";
import { TrackerList, type RowKind } from "@/app/progress/_components/tracker-list";
import { readTrackerListState } from "@/app/progress/_components/tracker-list-state";
import { mutedClass, ownTextClass } from "@/components/ui/styles";
import { Section } from "@/app/progress/_components/section";

export const metadata: Metadata = { title: "Friends and family", robots: { index: false } };

/** Times reaching out: editing one keeps its day within "today or earlier" in the person's zone. */
function entryRows(today: string): RowKind<ReachOutEntry> {
  return {
    list: "reachOuts",
    name: (entry) => `this entry about ${entry.who}`,
    show: (entry) => (
      <>
        <p className="font-medium">
          {entry.who}{" "}
          <span className={`text-sm font-normal ${mutedClass}`}>{formatDayLong(entry.day)}</span>
        </p>
        <p className={mutedClass}>{REACH_OUT_FEELING_LABELS[entry.feeling]}</p>
        {entry.note && <p className={ownTextClass}>{entry.note}</p>}
      </>
    ),
    edit: (entry) => <ReachOutForm editing={entry} today={today} />,
  };
}

export default async function PeoplePage({ searchParams }: QueryPageProps) {
  const user = await requireUser();
  const [{ timeZone }, reachOuts, lists] = await Promise.all([
    getTrackerSettings({ userId: user.id }),
    listReachOuts({ userId: user.id }),
    readTrackerListState(user.id, searchParams, ["reachOuts"]),
  ]);
  const today = todayIn(timeZone);

  return (
    <div>
      <h1 className="text-3xl font-bold">Step 3: {STEPS[2].title}</h1>
      <p className="mt-2">
        Even if your friends don&apos;t have all the answers, they can keep you company, distract
        you, and remind you that a wonderful version of you existed before this relationship. Good
        friends will not judge you.
      </p>

      <Section id="add-reach-out" title="Log a time you reached out">
        <ReachOutForm requestKey={randomUUID()} today={today} />
      </Section>

      <Section id="reach-outs" title="Your log">
        <TrackerList kind={entryRows(today)} rows={reachOuts} state={lists} />
      </Section>
    </div>
  );
}
