import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { loadProgressDashboard } from "@/lib/data/progress-dashboard";
import { getTrackerSettings } from "@/lib/data/tracker-settings";
import { daysBetween, todayIn } from "@/lib/tracker/calendar-day";
import { stepProgress } from "@/lib/tracker/step-progress";
import {
  COUNSELING_LINKS,
  memoryBalanceNudge,
  pluralize,
  STEPS,
  TIME_REASSURANCE,
} from "@/lib/tracker/steps";
import { headingClass, linkClass, mutedClass } from "@/components/ui/styles";

export const metadata: Metadata = { title: "The five steps", robots: { index: false } };

const NUDGES = {
  HARD: "Remembering the low points too helps you not idealize what you had. Is there a harder moment you could add?",
  GOOD: "There were good parts too, and remembering them is allowed. Is there a good memory you could add?",
} as const;

/** Where each of steps 1 to 3 is practised. */
const STEP_LINKS = {
  1: "Open your memory log",
  2: "Goals and new experiences",
  3: "Your log of reaching out",
} as const;

// The article's five steps and what you have done on each: the overview's
// second half before issue 16, now a page of its own (the "Steps" tab).
export default async function StepsPage() {
  const user = await requireUser();
  const settings = await getTrackerSettings({ userId: user.id });
  const today = todayIn(settings.timeZone);
  const { steps } = await loadProgressDashboard({ userId: user.id, today, chartDays: 1 });
  const nudge = memoryBalanceNudge(steps.goodMemories, steps.hardMemories);
  const daysSinceBreakup = settings.breakupDate ? daysBetween(settings.breakupDate, today) : null;

  return (
    <div>
      <h1 className={headingClass}>The five steps</h1>
      <p className={`mt-2 ${mutedClass}`}>
        From the article: five things that help a broken heart heal. Take them in any order.
      </p>
      <ol className="mt-6 space-y-6">
        {STEPS.map((step) => (
          <li key={step.number} id={`step-${step.number}`}>
            <h2 className="text-lg font-semibold">
              {step.number}. {step.title}
            </h2>
            <p className={mutedClass}>{step.summary}</p>
            {(step.number === 1 || step.number === 2 || step.number === 3) && (
              <>
                <Progress line={stepProgress(step.number, steps)} />
                {step.number === 1 && nudge && <p className="mt-1">{NUDGES[nudge]}</p>}
                <Link href={step.href} className={`text-sm ${linkClass}`}>
                  {STEP_LINKS[step.number]}
                </Link>
              </>
            )}
            {step.number === 4 && (
              <ul className="mt-1 list-disc pl-5">
                {[COUNSELING_LINKS.individual, COUNSELING_LINKS.couples].map((link) => (
                  <li key={link.href}>
                    <Link href={link.href} className={linkClass}>
                      {link.label}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
            {step.number === 5 && (
              <>
                <p className="mt-1">
                  {daysSinceBreakup !== null && daysSinceBreakup >= 0 ? (
                    <>
                      It has been {pluralize(daysSinceBreakup, "day")} since the relationship ended.
                    </>
                  ) : (
                    <>
                      <Link href="/progress/settings" className={linkClass}>
                        Add the day it ended
                      </Link>{" "}
                      if you would like to see how much time you have given yourself.
                    </>
                  )}
                </p>
                <blockquote className="mt-2 border-l-4 border-brand-600 pl-4 italic">
                  {TIME_REASSURANCE}
                </blockquote>
              </>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}

function Progress({ line }: { line: string | null }) {
  return line ? <p className="mt-1">{line}</p> : null;
}
